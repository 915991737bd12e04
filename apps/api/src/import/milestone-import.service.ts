import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Clock } from '@qj/config';
import { DomainException, domainError, FieldError, flattenValidationErrors, isUuid, ValidationFailedException } from '@qj/http';
import { MilestoneRepository, MilestoneWithProject, ProjectStateRepository, UnitRepository } from '@qj/persistence';
import { AuthUser, canEditProject, readScopeOf } from '../auth';
import { UpdateMilestoneDto } from '../milestones/dto/update-milestone.dto';
import { MilestonesService } from '../milestones/milestones.service';
import { DateCell, readMilestoneSheet, SheetRow } from './milestone-sheet.reader';
import { buildMilestoneTemplate, DateField, FIELD_LABELS, IMPORT_DATE_RANGE } from './milestone-template.workbook';
import { readUploadedRows } from './xlsx-upload.interceptor';

export type ImportRowStatus = 'update' | 'unchanged' | 'error';

export interface ImportRow {
  row: number;
  milestoneId: string | null;
  projectKey: string | null;
  projectName: string | null;
  milestoneName: string | null;
  status: ImportRowStatus;
  /** The dates this row changes, from → to. */
  changes: Array<{ field: DateField; from: string | null; to: string | null }>;
  errors: FieldError[];
}

export interface ImportResult {
  applied: boolean;
  rows: ImportRow[];
  summary: { total: number; update: number; unchanged: number; error: number };
}

const DATE_FIELDS: readonly DateField[] = ['baselineDate', 'forecastDate', 'actualDate'];
const API_FIELD_WORDS = /\b(baselineDate|forecastDate|actualDate|comment)\b/g;

/** An API field name in a message becomes the column's header, so the row's error reads in the sheet's words. */
function inSheetWords(message: string): string {
  return message.replace(API_FIELD_WORDS, (field) => FIELD_LABELS[field as DateField | 'comment']);
}

/**
 * Excel import of milestone updates (里程碑批量导入): the template to fill in, and the upload checked row by row
 * against the same rules as PATCH /api/milestones/:id, applied all in one transaction or not at all.
 */
@Injectable()
export class MilestoneImportService {
  constructor(
    private readonly projects: ProjectStateRepository,
    private readonly milestoneRows: MilestoneRepository,
    private readonly units: UnitRepository,
    private readonly milestones: MilestonesService,
    private readonly clock: Clock,
  ) {}

  /** Owners get their unit's milestones; reviewers and admins every unit's, or one unit's or project's. */
  async template(user: AuthUser, query: { unitId?: string; projectId?: string }): Promise<{ buffer: Buffer; fileName: string; count: number }> {
    const readScope = readScopeOf(user);
    let unitId = query.unitId;
    if (readScope.kind === 'unit') {
      if (unitId && unitId !== readScope.unitId) throw domainError('outside_unit', { subject: { zh: '该单位', en: 'that unit' } }, { extensions: { unitId } });
      unitId = readScope.unitId;
    }
    let scopeUnitId = unitId;
    if (query.projectId) {
      const project = await this.projects.find(query.projectId);
      if (!project)
        throw new ValidationFailedException([
          { field: 'projectId', message: { zh: `没有编号为 ${query.projectId} 的项目`, en: `No project with id ${query.projectId}` } },
        ]);
      scopeUnitId ??= project.unitId;
    }
    const unit = scopeUnitId ? await this.units.findRef(scopeUnitId) : undefined;
    if (scopeUnitId && !unit)
      throw new ValidationFailedException([{ field: 'unitId', message: { zh: `没有编号为 ${scopeUnitId} 的单位`, en: `No unit with id ${scopeUnitId}` } }]);
    const unitName = unit?.name ?? '全部单位';

    const rows = await this.milestoneRows.open(readScope, { unitId, projectId: query.projectId });
    const today = this.clock.today();
    const scope = query.projectId ? `${unitName} · ${rows[0]?.projectName ?? '所选项目'}` : unitName;
    const workbook = await buildMilestoneTemplate(rows, { role: user.role, scope, generatedAt: `${today}（${user.displayName}）` });
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return { buffer, fileName: `里程碑更新模板-${unitName}-${today}.xlsx`, count: rows.length };
  }

  /** Validates every row; applies them (unless `dryRun`) only when none has an error, else 422 with each row's errors. */
  async import(user: AuthUser, file: Buffer, dryRun: boolean): Promise<ImportResult> {
    const sheetRows = await readUploadedRows(() => readMilestoneSheet(file), {
      zh: '文件中没有需要导入的里程碑行',
      en: 'The file has no milestone rows to import',
    });

    const ids = [...new Set(sheetRows.map((row) => row.milestoneId).filter(isUuid))];
    const current = await this.milestoneRows.withProjects(undefined, ids, false);
    const today = this.clock.today();
    const rowsOf = new Map<string, number[]>();
    for (const row of sheetRows) if (row.milestoneId) rowsOf.set(row.milestoneId, [...(rowsOf.get(row.milestoneId) ?? []), row.row]);

    const checked = sheetRows.map((row) => this.check(user, row, row.milestoneId ? current.get(row.milestoneId) : undefined, rowsOf, today));
    const rows = checked.map((c) => c.result);
    const result = (applied: boolean): ImportResult => ({ applied, rows, summary: summarise(rows) });

    const invalid = rows.filter((row) => row.status === 'error');
    if (invalid.length) {
      throw domainError(
        'import_rows_invalid',
        { count: invalid.length },
        {
          extensions: { ...result(false) },
          errors: invalid.flatMap((row) =>
            row.errors.map((error) => ({ field: `rows[${row.row}].${error.field}`, message: `第 ${row.row} 行：${error.message}` })),
          ),
        },
      );
    }
    if (dryRun) return result(false);
    const updates = checked.flatMap((c) => (c.update ? [c.update] : []));
    if (updates.length) await this.milestones.updateMany(user, updates);
    return result(true);
  }

  private check(
    user: AuthUser,
    row: SheetRow,
    milestone: MilestoneWithProject | undefined,
    rowsOf: Map<string, number[]>,
    today: string,
  ): { result: ImportRow; update?: { milestoneId: string; version: number; dto: UpdateMilestoneDto } } {
    const result: ImportRow = {
      row: row.row,
      milestoneId: row.milestoneId,
      projectKey: milestone?.project.catalogKey ?? null,
      projectName: milestone?.project.name ?? null,
      milestoneName: milestone?.name ?? null,
      status: 'error',
      changes: [],
      errors: [],
    };
    const fail = (...errors: FieldError[]) => ({ result: { ...result, errors: [...result.errors, ...errors] } });
    if (!milestone) {
      return fail({ field: 'milestoneId', message: '找不到该里程碑（可能已删除，或该行不是从模板下载的），请重新下载模板，不要新增行或改动隐藏列' });
    }
    if (user.role === 'owner' && !canEditProject(user, milestone.project)) {
      return fail({ field: 'milestoneId', message: `「${milestone.project.name}」不属于您的单位，不能导入该行` });
    }
    const duplicates = rowsOf.get(milestone.id) ?? [];
    if (duplicates.length > 1) {
      result.errors.push({ field: 'milestoneId', message: `同一里程碑出现在多行（第 ${duplicates.join('、')} 行），每个里程碑只能填写一行` });
    }

    const dto: UpdateMilestoneDto = {};
    for (const field of DATE_FIELDS) {
      const to = this.cellDate(row[field], field, result.errors);
      if (to === undefined || to === milestone[field]) continue;
      if (to !== null && (to < IMPORT_DATE_RANGE.from || to > IMPORT_DATE_RANGE.to)) {
        result.errors.push({ field, message: `${FIELD_LABELS[field]}须在 ${IMPORT_DATE_RANGE.from} 至 ${IMPORT_DATE_RANGE.to} 之间（填写的是 ${to}）` });
      }
      result.changes.push({ field, from: milestone[field], to });
      // A baseline cannot be cleared (PATCH has no such change either).
      if (field === 'baselineDate' && to === null) result.errors.push({ field, message: '基准日期不能清空' });
      else dto[field] = to as string;
    }
    if (result.errors.length) return { result };
    if (!result.changes.length) return { result: { ...result, status: 'unchanged' } };

    const version = Number(row.version);
    if (!row.version || !Number.isInteger(version) || version < 1) {
      return fail({ field: 'version', message: '版本号缺失或被改动，请重新下载模板' });
    }
    if (version !== milestone.version) return fail({ field: 'version', message: '该里程碑已被他人更新，请重新下载模板' });
    if (row.comment) dto.comment = row.comment;

    const shapeErrors = flattenValidationErrors(validateSync(plainToInstance(UpdateMilestoneDto, dto), { whitelist: true, forbidNonWhitelisted: true }));
    if (shapeErrors.length) return fail(...shapeErrors.map((error) => ({ field: error.field, message: inSheetWords(error.message) })));
    try {
      this.milestones.assertUpdateAllowed(user, milestone, dto, today);
    } catch (refusal) {
      if (!(refusal instanceof DomainException)) throw refusal;
      const field = result.changes[0].field;
      return fail(
        ...(refusal.errorsIn('zh') ?? [{ field, message: refusal.detailIn('zh') }]).map((error) => ({
          field: error.field,
          message: inSheetWords(error.message),
        })),
      );
    }
    return { result: { ...result, status: 'update' }, update: { milestoneId: milestone.id, version, dto } };
  }

  /** The cell's date, null when blank, undefined (with an error noted) when it is not a date. */
  private cellDate(cell: DateCell, field: DateField, errors: FieldError[]): string | null | undefined {
    if (cell.kind === 'blank') return null;
    if (cell.kind === 'date') return cell.value;
    errors.push({ field, message: `${FIELD_LABELS[field]}「${cell.text}」不是有效日期，请填写如 2027-06-30 的日期` });
    return undefined;
  }
}

function summarise(rows: readonly ImportRow[]): ImportResult['summary'] {
  const count = (status: ImportRowStatus) => rows.filter((row) => row.status === status).length;
  return { total: rows.length, update: count('update'), unchanged: count('unchanged'), error: count('error') };
}
