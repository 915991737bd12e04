import ExcelJS from 'exceljs';
import type { OpenMilestoneRow } from '@qj/persistence';
import type { Role } from '../auth';

export const MILESTONE_SHEET = '里程碑更新';
export const RULES_SHEET = '说明';

/** Dates an import accepts: the plan period and five years beyond it, so a mistyped year (2062) is caught. */
export const IMPORT_DATE_RANGE = { from: '2026-01-01', to: '2035-12-31' } as const;

export type DateField = 'baselineDate' | 'forecastDate' | 'actualDate';
export type SheetField = 'projectKey' | 'projectName' | 'unitName' | 'milestoneName' | DateField | 'comment' | 'milestoneId' | 'version';

interface SheetColumn {
  field: SheetField;
  header: string;
  width: number;
  /** Roles that may change the column; the cells are unlocked for them and the header is filled green. */
  editableBy: readonly Role[];
  hidden?: boolean;
}

/** The template's columns. The reader finds them by header, so the order may change without breaking old files. */
export const SHEET_COLUMNS: readonly SheetColumn[] = [
  { field: 'projectKey', header: '项目编号', width: 16, editableBy: [] },
  { field: 'projectName', header: '项目名称', width: 36, editableBy: [] },
  { field: 'unitName', header: '责任单位', width: 16, editableBy: [] },
  { field: 'milestoneName', header: '里程碑', width: 22, editableBy: [] },
  // Re-baselining is a reviewer's decision (PATCH /api/milestones/:id says the same).
  { field: 'baselineDate', header: '基准日期', width: 14, editableBy: ['reviewer', 'admin'] },
  { field: 'forecastDate', header: '当前预计日期', width: 14, editableBy: ['owner', 'admin'] },
  { field: 'actualDate', header: '实际完成日期', width: 14, editableBy: ['owner', 'admin'] },
  { field: 'comment', header: '更新说明', width: 30, editableBy: ['owner', 'reviewer', 'admin'] },
  { field: 'milestoneId', header: '里程碑ID', width: 38, editableBy: [], hidden: true },
  { field: 'version', header: '版本号', width: 8, editableBy: [], hidden: true },
];

/** Column labels in the users' words, for messages about a row. */
export const FIELD_LABELS: Readonly<Record<SheetField, string>> = Object.fromEntries(SHEET_COLUMNS.map((c) => [c.field, c.header])) as Record<
  SheetField,
  string
>;

const EDITABLE_HEADER_FILL = 'FF548235';
const LOCKED_HEADER_FILL = 'FF1F4E79';
const EDITABLE_CELL_FILL = 'FFFFF2CC';
const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const thinBorder = { top: thin, left: thin, bottom: thin, right: thin };

const APPROVAL_ACTUAL_NOTE = '前期手续：请在系统「前期手续」中填写批复文号和批复日期办结，此处不能填写';

/** `YYYY-MM-DD` as the Excel date of that day (exceljs writes a Date as its UTC day). */
export function excelDate(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * The import template: one row per not-done milestone, prefilled with today's values and the version, the
 * columns the role may change unlocked and marked, the rest protected, and a 说明 sheet with the rules.
 */
export async function buildMilestoneTemplate(
  milestones: readonly OpenMilestoneRow[],
  options: { role: Role; scope: string; generatedAt: string },
): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '綦江区“十五五”重大项目调度平台';
  const sheet = workbook.addWorksheet(MILESTONE_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.columns = SHEET_COLUMNS.map((column) => ({ key: column.field, width: column.width, hidden: column.hidden ?? false }));
  const editable = SHEET_COLUMNS.map((column) => column.editableBy.includes(options.role));

  const header = sheet.getRow(1);
  header.values = SHEET_COLUMNS.map((column) => column.header);
  header.height = 22;
  header.eachCell((cell, col) => {
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: editable[col - 1] ? EDITABLE_HEADER_FILL : LOCKED_HEADER_FILL } };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = thinBorder;
    if (editable[col - 1]) cell.note = '此列可修改';
  });

  const dateValidation: ExcelJS.DataValidation = {
    type: 'date',
    operator: 'between',
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '日期有误',
    error: `请填写 ${IMPORT_DATE_RANGE.from} 至 ${IMPORT_DATE_RANGE.to} 之间的日期，如 2027-06-30`,
    showInputMessage: true,
    promptTitle: '日期',
    prompt: '格式 2027-06-30；留空表示清除该日期',
    formulae: [excelDate(IMPORT_DATE_RANGE.from), excelDate(IMPORT_DATE_RANGE.to)],
  };
  for (const milestone of milestones) {
    const row = sheet.addRow({
      projectKey: milestone.projectKey,
      projectName: milestone.projectName,
      unitName: milestone.unitName,
      milestoneName: milestone.name,
      baselineDate: milestone.baselineDate ? excelDate(milestone.baselineDate) : null,
      forecastDate: milestone.forecastDate ? excelDate(milestone.forecastDate) : null,
      actualDate: milestone.actualDate ? excelDate(milestone.actualDate) : null,
      comment: null,
      milestoneId: milestone.id,
      version: milestone.version,
    });
    SHEET_COLUMNS.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      cell.border = thinBorder;
      if (column.field.endsWith('Date')) cell.numFmt = 'yyyy-mm-dd';
      if (!editable[index]) return;
      // An approval's actual date is its 批复日期, entered with the 批复文号 on the approvals checklist.
      if (column.field === 'actualDate' && milestone.kind === 'approval') {
        cell.note = APPROVAL_ACTUAL_NOTE;
        return;
      }
      cell.protection = { locked: false };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: EDITABLE_CELL_FILL } };
      if (column.field.endsWith('Date')) cell.dataValidation = dateValidation;
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + milestones.length, column: SHEET_COLUMNS.length } };
  // No password: the protection guards against slips (and keeps the hidden columns hidden), not against the user.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true });

  addRulesSheet(workbook, options, editable);
  return workbook;
}

function addRulesSheet(workbook: ExcelJS.Workbook, options: { role: Role; scope: string; generatedAt: string }, editable: boolean[]): void {
  const sheet = workbook.addWorksheet(RULES_SHEET);
  sheet.getColumn(1).width = 110;
  const editableHeaders = SHEET_COLUMNS.filter((_, index) => editable[index]).map((column) => `「${column.header}」`);
  const lines = [
    '里程碑批量更新模板 · 填写说明',
    `范围：${options.scope}；生成时间：${options.generatedAt}`,
    '',
    `1. 「${MILESTONE_SHEET}」表每行是一个未完成的里程碑，已按系统当前数据预先填好。`,
    `2. 只能修改绿色表头的列：${editableHeaders.join('、')}；其他列已锁定，请勿改动，也不要新增或复制行。`,
    '3. 隐藏的「里程碑ID」「版本号」两列用于识别里程碑、判断下载后是否已被他人修改，请勿改动或删除。',
    `4. 日期请按 2027-06-30 的格式填写（或使用 Excel 日期），须在 ${IMPORT_DATE_RANGE.from} 至 ${IMPORT_DATE_RANGE.to} 之间；清空单元格即清除该日期。`,
    '5. 实际完成日期不能晚于今天；填写实际完成日期即表示该里程碑已完成。当前预计日期不能早于项目创建日期。',
    '   前期手续（如环评批复、可行性研究报告批复）的实际完成日期已锁定：办结须有批复文号和批复日期，请在系统「前期手续」中办理；其预计日期仍可在此修改。',
    '6. 调整基准日期须由区发展改革委审核人办理，并在「更新说明」中写明原因；责任单位如需调整，请在系统中提交基线调整申请。',
    '7. 上传后系统逐行校验并显示预览：未修改的行标为“未变更”；只要有一行有错误，整份文件都不会导入。',
    '8. 全部行校验通过后点击「确认导入」，所有修改一次性生效，并与在页面上逐条修改一样留下操作记录。',
    '9. 若提示“该里程碑已被他人更新，请重新下载模板”，说明下载后该里程碑已被修改，请重新下载模板后再填写。',
    '10. 仅支持 .xlsx 文件，大小不超过 2 MB。',
  ];
  lines.forEach((text, index) => {
    const cell = sheet.getCell(index + 1, 1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (index === 0) cell.font = { bold: true, size: 14 };
  });
}
