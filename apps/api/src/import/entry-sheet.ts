import ExcelJS from 'exceljs';
import { DomainException, domainError } from '@qj/http';
import { textOf } from './milestone-sheet.reader';
import { loadWorkbook, UnreadableSheetError } from './xlsx-workbook';

/**
 * The investment entry's Excel sheets (年度计划, 月报): one row per project, columns found by their Chinese header
 * (so their order may change), the columns a user fills unlocked and marked green, ids in hidden columns, and a
 * 说明 sheet. The milestone template's look and the same reader rules (blank rows skipped, cells as trimmed text).
 */

export interface EntryColumn<F extends string> {
  field: F;
  header: string;
  width: number;
  /** The user fills this column: unlocked, its header green. */
  editable?: boolean;
  hidden?: boolean;
  /** Read from an upload: a file without it is not this template. */
  required?: boolean;
}

/** A data row of an upload: the row number Excel shows, and each column's cell as the reader gives it. */
export interface EntryRow<F extends string> {
  row: number;
  cells: Record<F, ExcelJS.CellValue | undefined>;
}

const EDITABLE_HEADER_FILL = 'FF548235';
const LOCKED_HEADER_FILL = 'FF1F4E79';
const EDITABLE_CELL_FILL = 'FFFFF2CC';
const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const thinBorder = { top: thin, left: thin, bottom: thin, right: thin };

export async function buildEntryWorkbook<F extends string>(options: {
  sheet: string;
  columns: ReadonlyArray<EntryColumn<F>>;
  rows: ReadonlyArray<Partial<Record<F, ExcelJS.CellValue>>>;
  rules: readonly string[];
  /** Data validation per editable column (amounts, months). */
  validations?: Partial<Record<F, ExcelJS.DataValidation>>;
}): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '綦江区“十五五”重大项目调度平台';
  const sheet = workbook.addWorksheet(options.sheet, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  sheet.columns = options.columns.map((column) => ({ key: column.field, width: column.width, hidden: column.hidden ?? false }));
  const header = sheet.getRow(1);
  header.values = options.columns.map((column) => column.header);
  header.height = 22;
  header.eachCell((cell, col) => {
    const editable = options.columns[col - 1].editable ?? false;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: editable ? EDITABLE_HEADER_FILL : LOCKED_HEADER_FILL } };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = thinBorder;
    if (editable) cell.note = '此列可填写';
  });
  for (const values of options.rows) {
    const row = sheet.addRow(values);
    options.columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      cell.border = thinBorder;
      if (!column.editable) return;
      cell.protection = { locked: false };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: EDITABLE_CELL_FILL } };
      const validation = options.validations?.[column.field];
      if (validation) cell.dataValidation = validation;
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + options.rows.length, column: options.columns.length } };
  // No password: the protection guards against slips (and keeps the hidden columns hidden), not against the user.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true });

  const rules = workbook.addWorksheet('说明');
  rules.getColumn(1).width = 110;
  options.rules.forEach((text, index) => {
    const cell = rules.getCell(index + 1, 1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (index === 0) cell.font = { bold: true, size: 14 };
  });
  return workbook;
}

/** The data rows of the sheet `name` (else the first), blank rows left out; UnreadableSheetError when it is not the template. */
export async function readEntrySheet<F extends string>(buffer: Buffer, name: string, columns: ReadonlyArray<EntryColumn<F>>): Promise<Array<EntryRow<F>>> {
  const workbook = await loadWorkbook(buffer);
  const sheet = workbook.getWorksheet(name) ?? workbook.worksheets[0];
  if (!sheet) throw new UnreadableSheetError({ zh: '文件中没有工作表', en: 'The file has no worksheet' });
  const found = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => found.set(textOf(cell.value) ?? '', col));
  const missing = columns.filter((column) => column.required && !found.has(column.header)).map((column) => column.header);
  if (missing.length) {
    throw new UnreadableSheetError({
      zh: `缺少「${missing.join('」「')}」列：请使用本系统下载的「${name}」模板`,
      en: `${missing.length} columns of the template are missing: use the template this system gives`,
    });
  }
  const rows: Array<EntryRow<F>> = [];
  for (let number = 2; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    if (!row.hasValues || (row.values as unknown[]).every((value) => textOf(value as ExcelJS.CellValue) === null)) continue;
    const cells = Object.fromEntries(
      columns.map((column) => {
        const col = found.get(column.header);
        return [column.field, col === undefined ? undefined : row.getCell(col).value];
      }),
    ) as Record<F, ExcelJS.CellValue | undefined>;
    rows.push({ row: number, cells });
  }
  return rows;
}

/** A cell as an amount input: its number, or its text (the amount parser decides). Formulas count by their result. */
export function amountCell(value: ExcelJS.CellValue | undefined): number | string | null {
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && 'result' in value) return amountCell(value.result);
  if (typeof value === 'number') return value;
  return textOf(value);
}

/** A month-of-year cell (1–12): its integer, or undefined when it is not one (null when blank). */
export function monthOfYearCell(value: ExcelJS.CellValue | undefined): { ok: true; value: number | null } | { ok: false; text: string } {
  const text = textOf(value);
  if (text === null) return { ok: true, value: null };
  const match = /^(\d{1,2})(?:\.0+)?\s*月?$/.exec(text);
  const month = match ? Number(match[1]) : NaN;
  return month >= 1 && month <= 12 ? { ok: true, value: month } : { ok: false, text };
}

/**
 * 422 import_rows_invalid for an upload whose rows have errors: each error named `rows[n].field`, its message saying
 * the row and the column by its header; `extensions` carry the rows and summary the 200 would have.
 */
export function rowsRefused<F extends string>(
  invalid: ReadonlyArray<{ row: number; errors: ReadonlyArray<{ field: string; message: string }> }>,
  labels: Readonly<Record<F, string>>,
  extensions: Record<string, unknown>,
): DomainException {
  return domainError(
    'import_rows_invalid',
    { count: invalid.length },
    {
      extensions,
      errors: invalid.flatMap((row) =>
        row.errors.map((error) => ({
          field: `rows[${row.row}].${error.field}`,
          message: `第 ${row.row} 行「${labels[error.field as F] ?? error.field}」：${error.message}`,
        })),
      ),
    },
  );
}
