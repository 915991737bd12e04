import ExcelJS from 'exceljs';

/** Reading and editing the milestone import template the way a user's Excel would: by header, on the 里程碑更新 sheet. */

export const TEMPLATE_HEADER = ['项目编号', '项目名称', '责任单位', '里程碑', '基准日期', '当前预计日期', '实际完成日期', '更新说明', '里程碑ID', '版本号'];

export type TemplateRow = Record<string, unknown> & { rowNumber: number };

export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** `Date.UTC` of a `YYYY-MM-DD`: what Excel stores for that day. */
export function excelDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function dayOf(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

export function headerOf(sheet: ExcelJS.Worksheet): string[] {
  return (sheet.getRow(1).values as unknown[]).slice(1).map(String);
}

/** The data rows as objects keyed by header, dates as `YYYY-MM-DD`. */
export async function templateRows(buffer: Buffer): Promise<TemplateRow[]> {
  const sheet = (await loadWorkbook(buffer)).getWorksheet('里程碑更新') as ExcelJS.Worksheet;
  const header = headerOf(sheet);
  const rows: TemplateRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push({ rowNumber, ...Object.fromEntries(header.map((name, i) => [name, dayOf(values[i] ?? null)])) });
  });
  return rows;
}

/**
 * The template with cells changed, by milestone id and header (a string date is written as an Excel date unless
 * `asText`); `extraRows` are appended as they are (values by header).
 */
export async function editTemplate(
  buffer: Buffer,
  edits: Record<string, Record<string, unknown>>,
  options: { extraRows?: Array<Record<string, unknown>>; asText?: boolean } = {},
): Promise<Buffer> {
  const workbook = await loadWorkbook(buffer);
  const sheet = workbook.getWorksheet('里程碑更新') as ExcelJS.Worksheet;
  const header = headerOf(sheet);
  const col = (name: string) => header.indexOf(name) + 1;
  const cellValue = (value: unknown) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !options.asText ? excelDay(value) : (value as ExcelJS.CellValue);
  const pending = new Set(Object.keys(edits));
  sheet.eachRow((row, rowNumber) => {
    const id = String(row.getCell(col('里程碑ID')).value);
    if (rowNumber === 1 || !edits[id]) return;
    for (const [name, value] of Object.entries(edits[id])) row.getCell(col(name)).value = cellValue(value);
    pending.delete(id);
  });
  if (pending.size) throw new Error(`no template row for ${[...pending].join(', ')}`);
  for (const extra of options.extraRows ?? []) {
    const row = sheet.addRow([]);
    for (const [name, value] of Object.entries(extra)) row.getCell(col(name)).value = cellValue(value);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
