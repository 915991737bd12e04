import { Injectable } from '@nestjs/common';
import { Clock } from '@qj/config';
import { amountRefusalText, isPlanYear, parseAmount, PLAN_YEARS } from '@qj/domain';
import { domainError, FieldError, isUuid, yearParam } from '@qj/http';
import { InvestmentPlanRepository, InvestmentPlanRow, ProjectRef, ProjectStateRepository, UnitOfWork, UnitRepository } from '@qj/persistence';
import { AuthUser, readScopeOf } from '../auth';
import { amountCell, EntryRow, monthOfYearCell, readEntrySheet, rowsRefused } from '../import/entry-sheet';
import { textOf } from '../import/milestone-sheet.reader';
import { queryOrForm, readUploadedRows } from '../import/xlsx-upload.interceptor';
import { REASON_MAX } from './dto/investment-plan.dto';
import { buildPlanTemplate, PLAN_COLUMNS, PLAN_LABELS, PLAN_SHEET, PlanField } from './investment-plan-sheet';
import { checkIssue, InvestmentPlansService, PlanInput, PlanOutcome } from './investment-plans.service';

export type PlanImportStatus = PlanOutcome | 'skipped' | 'error';

export interface PlanImportRow {
  row: number;
  projectId: string | null;
  projectName: string | null;
  status: PlanImportStatus;
  errors: FieldError[];
}

export interface PlanImportResult {
  applied: boolean;
  year: number;
  rows: PlanImportRow[];
  summary: Record<'total' | PlanImportStatus, number>;
}

/**
 * The district's annual plans from Excel (年度计划批量下达): the template of every project in scope with its current
 * plan, and the upload checked row by row with the rules of PUT /api/projects/:id/investment-plans/:year, applied
 * in one transaction or not at all.
 */
@Injectable()
export class InvestmentPlanImportService {
  constructor(
    private readonly plans: InvestmentPlanRepository,
    private readonly projects: ProjectStateRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly units: UnitRepository,
    private readonly issuer: InvestmentPlansService,
    private readonly clock: Clock,
  ) {}

  async template(user: AuthUser, year: number): Promise<{ buffer: Buffer; fileName: string; count: number }> {
    const scope = readScopeOf(user);
    const unitName = scope.kind === 'unit' ? ((await this.units.findRef(scope.unitId))?.name ?? '本单位') : '全区';
    const rows = await this.plans.sheet(scope, year);
    const today = this.clock.today();
    const workbook = await buildPlanTemplate(rows, year, { scope: unitName, generatedAt: `${today}（${user.displayName}）` });
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return { buffer, fileName: `${year}年度计划-${unitName}-${today}.xlsx`, count: rows.length };
  }

  /** The year from the query or the form field (they must agree), else the sheet's 年度 column (one year per file). */
  async import(user: AuthUser, file: Buffer, queryYear: number | undefined, formYear: unknown): Promise<PlanImportResult> {
    const year = queryOrForm('year', queryYear, formYear, yearParam());
    const sheetRows = await readUploadedRows(() => readEntrySheet(file, PLAN_SHEET, PLAN_COLUMNS), {
      zh: '文件中没有项目行',
      en: 'The file has no project rows',
    });
    const fileYear = year ?? yearOfSheet(sheetRows);

    const parsed = sheetRows.map((row) => parseRow(row, fileYear));
    const ids = [...new Set(parsed.flatMap((row) => (row.projectId && isUuid(row.projectId) ? [row.projectId] : [])))];
    return this.unitOfWork.run(async (tx) => {
      const projects = await this.projects.lockRefs(tx, ids);
      const current = await this.plans.currentOf(ids, fileYear, tx);
      const rowsOf = new Map<string, number[]>();
      for (const row of parsed) if (row.projectId) rowsOf.set(row.projectId, [...(rowsOf.get(row.projectId) ?? []), row.row]);

      const checked = parsed.map((row): { result: PlanImportRow; apply?: { project: ProjectRef; plan?: InvestmentPlanRow; input: PlanInput } } => {
        const project = row.projectId ? projects.get(row.projectId) : undefined;
        const result: PlanImportRow = {
          row: row.row,
          projectId: project?.id ?? row.projectId,
          projectName: project?.name ?? null,
          status: 'error',
          errors: [...row.errors],
        };
        if (!project) {
          result.errors.unshift({ field: 'projectId', message: '找不到该项目（该行不是从模板下载的，或隐藏的项目ID被改动），请重新下载模板，不要新增行' });
          return { result };
        }
        const duplicates = rowsOf.get(project.id) ?? [];
        if (duplicates.length > 1)
          result.errors.push({ field: 'projectId', message: `同一项目出现在多行（第 ${duplicates.join('、')} 行），每个项目只能填写一行` });
        const plan = current.get(project.id);
        if (result.errors.length) return { result };
        if (!row.input) {
          if (plan) result.errors.push({ field: 'plannedInvestment', message: `「${project.name}」已下达 ${fileYear} 年度计划，计划投资不能清空` });
          return { result: result.errors.length ? result : { ...result, status: 'skipped' } };
        }
        const changes =
          !plan ||
          plan.plannedInvestment !== row.input.plannedInvestment ||
          plan.plannedStartMonth !== row.input.plannedStartMonth ||
          plan.plannedCompletionMonth !== row.input.plannedCompletionMonth;
        if (changes && row.version !== (plan?.version ?? 0)) {
          result.errors.push({ field: 'version', message: '该项目的年度计划在下载模板后已被调整，请重新下载模板' });
        }
        for (const error of checkIssue(plan, row.input)) result.errors.push({ field: error.field, message: inSheetWords(error.message) });
        if (result.errors.length) return { result };
        const status: PlanImportStatus = !changes ? 'unchanged' : plan ? 'adjusted' : 'issued';
        return { result: { ...result, status }, apply: changes ? { project, plan, input: row.input } : undefined };
      });

      const rows = checked.map((c) => c.result);
      const invalid = rows.filter((row) => row.status === 'error');
      if (invalid.length) throw rowsRefused(invalid, PLAN_LABELS, { applied: false, year: fileYear, rows, summary: summarise(rows) });
      for (const { apply } of checked) {
        if (apply) await this.issuer.applyIssue(tx, user, apply.project, fileYear, apply.input, apply.plan);
      }
      return { applied: true, year: fileYear, rows, summary: summarise(rows) };
    });
  }
}

interface ParsedRow {
  row: number;
  projectId: string | null;
  version: number | null;
  input: PlanInput | null;
  errors: FieldError[];
}

/** One row's cells as a plan input, or the errors of its cells. */
function parseRow(row: EntryRow<PlanField>, year: number): ParsedRow {
  const errors: FieldError[] = [];
  const { cells } = row;
  const rowYear = textOf(cells.year);
  if (rowYear !== null && Number(rowYear) !== year) errors.push({ field: 'year', message: `本文件导入 ${year} 年度计划，该行年度为「${rowYear}」` });
  const versionText = textOf(cells.version);
  const version = versionText === null ? 0 : Number(versionText);
  const amountInput = amountCell(cells.plannedInvestment);
  const start = monthOfYearCell(cells.plannedStartMonth);
  const completion = monthOfYearCell(cells.plannedCompletionMonth);
  const reason = textOf(cells.reason);
  if (!start.ok) errors.push({ field: 'plannedStartMonth', message: `「${start.text}」不是 1–12 之间的月份` });
  if (!completion.ok) errors.push({ field: 'plannedCompletionMonth', message: `「${completion.text}」不是 1–12 之间的月份` });
  if (reason && reason.length > REASON_MAX) errors.push({ field: 'reason', message: `不能超过 ${REASON_MAX} 个字符` });
  if (!Number.isInteger(version) || version < 0) errors.push({ field: 'version', message: '计划版本被改动，请重新下载模板' });
  let input: PlanInput | null = null;
  if (amountInput === null) {
    if ((start.ok && start.value !== null) || (completion.ok && completion.value !== null) || reason) {
      errors.push({ field: 'plannedInvestment', message: '请填写计划投资（万元）' });
    }
  } else {
    const amount = parseAmount(amountInput);
    if (!amount.ok) errors.push({ field: 'plannedInvestment', message: amountRefusalText('计划投资', amount.reason) });
    else if (start.ok && completion.ok) {
      input = { plannedInvestment: amount.value, plannedStartMonth: start.value, plannedCompletionMonth: completion.value, reason };
    }
  }
  return { row: row.row, projectId: textOf(cells.projectId), version: Number.isInteger(version) ? version : null, input: errors.length ? null : input, errors };
}

/** The one year of the sheet's 年度 column; 400 naming `year` when the file names none or several. */
function yearOfSheet(rows: ReadonlyArray<EntryRow<PlanField>>): number {
  const years = new Set(rows.map((row) => textOf(row.cells.year)).filter((text): text is string => text !== null));
  const [only] = years;
  const year = Number(only);
  if (years.size !== 1 || !isPlanYear(year)) {
    throw domainError(
      'plan_year_missing',
      {},
      {
        errors: [
          {
            field: 'year',
            message: {
              zh: `请指定 ${PLAN_YEARS.from}–${PLAN_YEARS.to} 之间的一个年度（year 字段或模板的「年度」列）`,
              en: `Give one year from ${PLAN_YEARS.from} to ${PLAN_YEARS.to} (the year field or the template's year column)`,
            },
          },
        ],
      },
    );
  }
  return year;
}

const API_WORDS = /\b(plannedInvestment|plannedStartMonth|plannedCompletionMonth|reason)\b/g;
function inSheetWords(message: string): string {
  return message.replace(API_WORDS, (field) => PLAN_LABELS[field as PlanField]);
}

function summarise(rows: readonly PlanImportRow[]): PlanImportResult['summary'] {
  const count = (status: PlanImportStatus) => rows.filter((row) => row.status === status).length;
  return {
    total: rows.length,
    issued: count('issued'),
    adjusted: count('adjusted'),
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    error: count('error'),
  };
}
