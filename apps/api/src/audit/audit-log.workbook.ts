import ExcelJS from 'exceljs';
import type { AuditLogItemDto } from './dto/audit.response.dto';

export const AUDIT_LOG_TITLE = '綦江区“十五五”重大项目调度平台 操作日志';

const COLUMNS: ReadonlyArray<{ header: string; width: number; value: (row: AuditLogItemDto, time: (iso: string) => string) => string }> = [
  { header: '时间', width: 18, value: (row, time) => time(row.at) },
  { header: '操作人', width: 16, value: (row) => row.actor.name },
  { header: '单位', width: 18, value: (row) => row.unit?.name ?? '' },
  { header: '项目', width: 40, value: (row) => row.project?.name ?? '' },
  { header: '项目代码', width: 26, value: (row) => row.project?.code ?? '' },
  { header: '操作类型', width: 18, value: (row) => row.kindLabel.zh },
  { header: '内容', width: 70, value: (row) => row.summary },
];

/**
 * The operation log as a workbook: a title, a line naming the filters, the export time and the count (and, when the
 * rows were cut at `limit`, saying so and how many matched), then a frozen, filterable header and one row per change,
 * newest first.
 */
export function buildAuditWorkbook(
  rows: readonly AuditLogItemDto[],
  options: { filterText: string; total: number; limit: number; exportedAt: Date; timeZone: string },
): ExcelJS.Workbook {
  const format = new Intl.DateTimeFormat('zh-CN', {
    timeZone: options.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const time = (iso: string | Date) => format.format(new Date(iso)).replace(/\//g, '-');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '綦江区“十五五”重大项目调度平台';
  workbook.created = options.exportedAt;
  const sheet = workbook.addWorksheet('操作日志', {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
  });
  sheet.columns = COLUMNS.map((column) => ({ width: column.width }));
  const last = sheet.getColumn(COLUMNS.length).letter;

  sheet.mergeCells(`A1:${last}1`);
  const title = sheet.getCell('A1');
  title.value = AUDIT_LOG_TITLE;
  title.font = { bold: true, size: 14 };

  const capped = options.total > rows.length;
  sheet.mergeCells(`A2:${last}2`);
  const subtitle = sheet.getCell('A2');
  subtitle.value =
    `筛选：${options.filterText}；导出时间：${time(options.exportedAt)}；共 ${rows.length} 条` +
    (capped ? `（仅导出最新的 ${options.limit} 条，共 ${options.total} 条符合条件，请缩小筛选范围后再导出其余记录）` : '');
  subtitle.font = capped ? { color: { argb: 'FFC00000' }, bold: true } : { color: { argb: 'FF595959' } };

  const header = sheet.getRow(3);
  header.values = COLUMNS.map((column) => column.header);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.autoFilter = { from: 'A3', to: `${last}3` };
  for (const row of rows) {
    const added = sheet.addRow(COLUMNS.map((column) => column.value(row, time)));
    added.alignment = { vertical: 'top', wrapText: true };
  }
  return workbook;
}
