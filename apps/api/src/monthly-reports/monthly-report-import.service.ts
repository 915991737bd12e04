import { Injectable } from '@nestjs/common';
import { Clock } from '@qj/config';
import { amountRefusalText, isPlanMonth, parseAmount, reportDueOn } from '@qj/domain';
import { DomainException, FieldError, isUuid, monthParam } from '@qj/http';
import {
  MonthlyReportContent,
  MonthlyReportRepository,
  MonthlyReportRow,
  ProjectRef,
  ProjectStateRepository,
  UnitOfWork,
  UnitRepository,
} from '@qj/persistence';
import { AuthUser, canEditProject, readScopeOf } from '../auth';
import { amountCell, EntryRow, readEntrySheet, rowsRefused } from '../import/entry-sheet';
import { textOf } from '../import/milestone-sheet.reader';
import { queryOrForm, readUploadedRows } from '../import/xlsx-upload.interceptor';
import { REPORT_TEXT_MAX } from './dto/monthly-report.dto';
import { MonthLockService } from './month-lock.service';
import { buildReportTemplate, REPORT_COLUMNS, REPORT_LABELS, REPORT_SHEET, ReportField } from './monthly-report-sheet';
import { checkSave, MonthlyReportsService } from './monthly-reports.service';

export type ReportImportStatus = 'saved' | 'unchanged' | 'skipped' | 'error';

export interface ReportImportRow {
  row: number;
  projectId: string | null;
  projectName: string | null;
  month: string | null;
  status: ReportImportStatus;
  /** Submitted (报送) by this import (`submit=true`). */
  submitted: boolean;
  errors: FieldError[];
}

export interface ReportImportResult {
  applied: boolean;
  submitted: boolean;
  rows: ReportImportRow[];
  summary: { total: number; saved: number; unchanged: number; skipped: number; submitted: number; error: number };
}

/**
 * Monthly reports from Excel (月报批量填报): the month's template of every project in the caller's scope with what is
 * saved, and the upload checked row by row with the rules of PUT /api/projects/:id/monthly-reports/:month, saved as
 * drafts (and, with submit=true, all submitted) in one transaction, or nothing at all.
 */
@Injectable()
export class MonthlyReportImportService {
  constructor(
    private readonly reports: MonthlyReportRepository,
    private readonly projects: ProjectStateRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly units: UnitRepository,
    private readonly service: MonthlyReportsService,
    private readonly locks: MonthLockService,
    private readonly clock: Clock,
  ) {}

  async template(user: AuthUser, month: string): Promise<{ buffer: Buffer; fileName: string; count: number }> {
    this.service.assertReportable(month);
    const scope = readScopeOf(user);
    const unitName = scope.kind === 'unit' ? ((await this.units.findRef(scope.unitId))?.name ?? '本单位') : '全区';
    const rows = await this.reports.grid(scope, month);
    const today = this.clock.today();
    const workbook = await buildReportTemplate(rows, month, {
      scope: unitName,
      generatedAt: `${today}（${user.displayName}）`,
      dueOn: reportDueOn(month, this.service.dueDay),
    });
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return { buffer, fileName: `月报-${month}-${unitName}-${today}.xlsx`, count: rows.length };
  }

  /** The month of rows whose 月份 is blank comes from the query or the form field `month` (they must agree). */
  async import(user: AuthUser, file: Buffer, options: { queryMonth?: string; formMonth?: unknown; submit: boolean }): Promise<ReportImportResult> {
    const defaultMonth = queryOrForm('month', options.queryMonth, options.formMonth, monthParam());
    if (defaultMonth) this.service.assertReportable(defaultMonth);

    const sheetRows = await readUploadedRows(() => readEntrySheet(file, REPORT_SHEET, REPORT_COLUMNS), {
      zh: '文件中没有项目行',
      en: 'The file has no project rows',
    });
    const parsed = sheetRows.map((row) => this.parseRow(row, defaultMonth));
    const ids = [...new Set(parsed.flatMap((row) => (row.projectId && isUuid(row.projectId) ? [row.projectId] : [])))];
    const months = [...new Set(parsed.flatMap((row) => (row.month ? [row.month] : [])))];

    return this.unitOfWork.run(async (tx) => {
      const projects = await this.projects.lockRefs(tx, ids);
      const locked = await this.locks.lockedMonths(months, tx);
      const current = new Map<string, MonthlyReportRow>();
      for (const month of months) {
        for (const [projectId, report] of await this.reports.findMany(ids, month, tx)) current.set(`${projectId}:${month}`, report);
      }
      const seen = new Map<string, number[]>();
      for (const row of parsed)
        if (row.projectId && row.month) seen.set(`${row.projectId}:${row.month}`, [...(seen.get(`${row.projectId}:${row.month}`) ?? []), row.row]);

      type Checked = { result: ReportImportRow; apply?: { project: ProjectRef; month: string; content: MonthlyReportContent; current?: MonthlyReportRow } };
      const checked = parsed.map((row): Checked => {
        const project = row.projectId ? projects.get(row.projectId) : undefined;
        const result: ReportImportRow = {
          row: row.row,
          projectId: project?.id ?? row.projectId,
          projectName: project?.name ?? null,
          month: row.month,
          status: 'error',
          submitted: false,
          errors: [...row.errors],
        };
        if (!project) {
          result.errors.unshift({ field: 'projectId', message: '找不到该项目（该行不是从模板下载的，或隐藏的项目ID被改动），请重新下载模板，不要新增行' });
          return { result };
        }
        if (!canEditProject(user, project)) {
          result.errors.unshift({ field: 'projectId', message: `「${project.name}」不属于您的单位，不能填报该行` });
          return { result };
        }
        if (!row.month) return { result };
        const key = `${project.id}:${row.month}`;
        const duplicates = seen.get(key) ?? [];
        if (duplicates.length > 1) result.errors.push({ field: 'projectId', message: `同一项目同一月份出现在多行（第 ${duplicates.join('、')} 行）` });
        if (locked.has(row.month)) result.errors.push({ field: 'month', message: `${row.month} 的调度通报已发布，该月月报不能再修改` });
        if (result.errors.length) return { result };
        if (!row.content) return { result: { ...result, status: 'skipped' } };
        const report = current.get(key);
        const refusal = checkSave(report, row.content);
        if (refusal) return { result: { ...result, errors: [{ field: 'completedInvestment', message: refusal.detailIn('zh') }] } };
        const unchanged =
          report !== undefined &&
          report.completedInvestment === row.content.completedInvestment &&
          report.progress === row.content.progress &&
          report.problems === row.content.problems;
        return {
          result: { ...result, status: unchanged ? 'unchanged' : 'saved' },
          apply: { project, month: row.month, content: row.content, current: report },
        };
      });

      const rows = checked.map((c) => c.result);
      const invalid = rows.filter((row) => row.status === 'error');
      if (invalid.length) throw rowsRefused(invalid, REPORT_LABELS, { applied: false, submitted: false, rows, summary: summarise(rows) });
      for (const c of checked) {
        if (!c.apply) continue;
        const { report } = await this.service.applySave(tx, user, c.apply.project, c.apply.month, c.apply.content, c.apply.current);
        if (options.submit && report.status !== 'submitted') {
          await this.service.applySubmit(tx, user, c.apply.project, report);
          c.result.submitted = true;
        }
      }
      return { applied: true, submitted: options.submit, rows, summary: summarise(rows) };
    });
  }

  private parseRow(row: EntryRow<ReportField>, defaultMonth: string | undefined) {
    const errors: FieldError[] = [];
    const { cells } = row;
    const monthText = textOf(cells.month) ?? defaultMonth ?? null;
    let month: string | null = null;
    if (!monthText) errors.push({ field: 'month', message: '请填写月份（YYYY-MM），或上传时指定 month' });
    else if (!isPlanMonth(monthText)) errors.push({ field: 'month', message: `「${monthText}」不是规划期内的月份（YYYY-MM，2026-01 至 2030-12）` });
    else {
      try {
        this.service.assertReportable(monthText);
        month = monthText;
      } catch (refusal) {
        if (!(refusal instanceof DomainException)) throw refusal;
        errors.push({ field: 'month', message: `${monthText} 晚于本月，不能填报` });
      }
    }
    const amountInput = amountCell(cells.completedInvestment);
    const progress = textOf(cells.progress) ?? '';
    const problems = textOf(cells.problems) ?? '';
    for (const [field, text] of [
      ['progress', progress],
      ['problems', problems],
    ] as const) {
      if (text.length > REPORT_TEXT_MAX) errors.push({ field, message: `不能超过 ${REPORT_TEXT_MAX} 个字符` });
    }
    let content: MonthlyReportContent | null = null;
    if (amountInput === null) {
      if (progress || problems) errors.push({ field: 'completedInvestment', message: '请填写本月完成投资（万元），没有完成投资请填 0' });
    } else {
      const amount = parseAmount(amountInput);
      if (!amount.ok) errors.push({ field: 'completedInvestment', message: amountRefusalText('本月完成投资', amount.reason) });
      else content = { completedInvestment: amount.value, progress, problems };
    }
    return { row: row.row, projectId: textOf(cells.projectId), month, content: errors.length ? null : content, errors };
  }
}

function summarise(rows: readonly ReportImportRow[]): ReportImportResult['summary'] {
  const count = (status: ReportImportStatus) => rows.filter((row) => row.status === status).length;
  return {
    total: rows.length,
    saved: count('saved'),
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    submitted: rows.filter((row) => row.submitted).length,
    error: count('error'),
  };
}
