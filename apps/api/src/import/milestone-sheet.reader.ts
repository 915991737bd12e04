import ExcelJS from 'exceljs';
import { addDays, isCalendarDate } from '@qj/domain';
import { MILESTONE_SHEET, SHEET_COLUMNS, SheetField } from './milestone-template.workbook';
import { loadWorkbook, UnreadableSheetError } from './xlsx-workbook';

/** What one cell of a date column says: nothing, a calendar date, or something that is not a date. */
export type DateCell = { kind: 'blank' } | { kind: 'date'; value: string } | { kind: 'invalid'; text: string };

export interface SheetRow {
  /** The row number as Excel shows it, so the user finds the row. */
  row: number;
  milestoneId: string | null;
  version: string | null;
  baselineDate: DateCell;
  forecastDate: DateCell;
  actualDate: DateCell;
  comment: string | null;
}

export { UnreadableSheetError } from './xlsx-workbook';

const REQUIRED: readonly SheetField[] = ['milestoneId', 'version', 'baselineDate', 'forecastDate', 'actualDate'];
// Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29).
const EXCEL_EPOCH = '1899-12-30';

/** Reads the template's data rows; blank rows are left out. Throws UnreadableSheetError naming what is missing. */
export async function readMilestoneSheet(buffer: Buffer): Promise<SheetRow[]> {
  const workbook = await loadWorkbook(buffer);
  const sheet = workbook.getWorksheet(MILESTONE_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw new UnreadableSheetError({ zh: '文件中没有工作表', en: 'The file has no worksheet' });
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => columns.set(textOf(cell.value) ?? '', col));
  const columnOf = new Map(SHEET_COLUMNS.map((column) => [column.field, columns.get(column.header)]));
  const missing = REQUIRED.filter((field) => columnOf.get(field) === undefined).map((field) => SHEET_COLUMNS.find((c) => c.field === field)?.header);
  if (missing.length)
    throw new UnreadableSheetError({
      zh: `缺少「${missing.join('」「')}」列：请使用本系统下载的里程碑更新模板`,
      en: `${missing.length} columns of the template are missing: use the milestone template this system gives`,
    });

  const rows: SheetRow[] = [];
  for (let number = 2; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    if (!row.hasValues || (row.values as unknown[]).every((value) => textOf(value as ExcelJS.CellValue) === null)) continue;
    const value = (field: SheetField) => {
      const col = columnOf.get(field);
      return col === undefined ? null : row.getCell(col).value;
    };
    rows.push({
      row: number,
      milestoneId: textOf(value('milestoneId')),
      version: textOf(value('version')),
      baselineDate: dateCell(value('baselineDate')),
      forecastDate: dateCell(value('forecastDate')),
      actualDate: dateCell(value('actualDate')),
      comment: textOf(value('comment')),
    });
  }
  return rows;
}

/** A cell's value as trimmed text; null when empty. Formulas count by their result, rich text by its characters. */
export function textOf(value: ExcelJS.CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return textOf(value.result);
    if ('richText' in value) return textOf(value.richText.map((part) => part.text).join(''));
    if ('text' in value) return textOf(String(value.text));
    if ('error' in value) return String(value.error);
    return null;
  }
  const text = String(value).trim();
  return text === '' ? null : text;
}

/**
 * A date column's cell: an Excel date (exceljs gives the day as UTC midnight), a date serial number, or text
 * such as 2027-06-30, 2027/6/30 or 2027.6.30. Anything else is reported as it reads.
 */
export function dateCell(value: ExcelJS.CellValue | undefined): DateCell {
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && 'result' in value) return dateCell(value.result);
  if (value instanceof Date) {
    return isNaN(value.getTime()) ? { kind: 'invalid', text: String(value) } : { kind: 'date', value: value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) && value > 0 && value < 2_958_466
      ? { kind: 'date', value: addDays(EXCEL_EPOCH, value) }
      : { kind: 'invalid', text: String(value) };
  }
  const text = textOf(value);
  if (text === null) return { kind: 'blank' };
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  const date = match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : null;
  return date && isCalendarDate(date) ? { kind: 'date', value: date } : { kind: 'invalid', text };
}
