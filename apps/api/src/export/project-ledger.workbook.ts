import ExcelJS from 'exceljs';
import type { ProjectListItem } from '@qj/persistence';
import { SECTOR_LABELS } from '@qj/domain';
import { RAG_FILLS, RAG_LABELS_ZH, stageLabel } from './ledger-labels';

export const LEDGER_TITLE = '綦江区“十五五”规划重大项目台账';

/** Labels of the plan's parts, chapters and columns by number, as the sheet names them. */
export interface PlanNames {
  part(no: number): string;
  chapter(no: number): string;
  column(no: number): string;
}

interface LedgerColumn {
  header: string;
  width: number;
  /** null: an empty cell (a blank the sheet's sums and filters skip). */
  value: (project: ProjectListItem, index: number) => string | number | null;
}

const dateTime = (timeZone: string) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** The period of the sheet's investment figures: months 1–m of year Y. */
export interface LedgerFigures {
  year: number;
  month: number;
}

const amountCell = (value: string | null) => (value === null ? null : Number(value));

/** The columns of the 台账, in the order the DRC reads them. */
export function ledgerColumns(names: PlanNames, timeZone: string, figures: LedgerFigures): LedgerColumn[] {
  const format = dateTime(timeZone);
  return [
    { header: '序号', width: 7, value: (_p, i) => i + 1 },
    { header: '项目名称', width: 40, value: (p) => p.name },
    { header: '所属专栏', width: 34, value: (p) => (p.columns?.length ? p.columns : [p.column]).map((no) => names.column(no)).join('\n') },
    { header: '所在章', width: 30, value: (p) => names.chapter(p.chapter) },
    { header: '所在篇', width: 26, value: (p) => names.part(p.part) },
    { header: '行业领域', width: 11, value: (p) => SECTOR_LABELS[p.sector] ?? p.sector },
    { header: '责任单位', width: 16, value: (p) => p.unitName },
    { header: '当前阶段', width: 11, value: (p) => stageLabel(p.stage) },
    { header: '2030年目标', width: 11, value: (p) => stageLabel(p.target) },
    { header: '规划表述', width: 12, value: (p) => (p.targetAmbiguous ? `${p.targetVerb}（目标待明确）` : p.targetVerb) },
    { header: '红黄绿灯', width: 9, value: (p) => RAG_LABELS_ZH[p.rag] ?? p.rag },
    { header: '最近更新', width: 18, value: (p) => format.format(new Date(p.updatedAt)).replace(/\//g, '-') },
    // The project's facts (PATCH /api/projects/:id); 总投资 as a number of 万元, so the sheet can add it up.
    { header: '项目代码', width: 26, value: (p) => p.projectCode ?? '' },
    { header: '总投资（万元）', width: 14, value: (p) => (p.totalInvestment === null ? '' : Number(p.totalInvestment)) },
    // The list's figures of months 1–m (GET /api/projects/:id/investment's); blank without a plan or outside the reader's unit.
    { header: `${figures.year}年度计划（万元）`, width: 14, value: (p) => amountCell(p.plannedInvestment) },
    { header: `1—${figures.month}月累计完成（万元）`, width: 14, value: (p) => amountCell(p.completedYtd) },
    { header: '完成率（%）', width: 10, value: (p) => p.completionRate },
  ];
}

/**
 * The project list as a workbook: a title row, a subtitle saying what was filtered and when, then a frozen,
 * filterable header and one row per project. Enum values are written in Chinese, as on the screen.
 */
export function buildLedgerWorkbook(
  projects: readonly ProjectListItem[],
  options: { names: PlanNames; filterText: string; exportedAt: Date; timeZone: string; figures: LedgerFigures },
): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '綦江区“十五五”重大项目调度平台';
  workbook.created = options.exportedAt;
  const sheet = workbook.addWorksheet('重大项目台账', {
    views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
  });
  const columns = ledgerColumns(options.names, options.timeZone, options.figures);
  sheet.columns = columns.map((column) => ({ width: column.width }));
  const lastColumn = sheet.getColumn(columns.length).letter;

  sheet.mergeCells(`A1:${lastColumn}1`);
  const title = sheet.getCell('A1');
  title.value = LEDGER_TITLE;
  title.font = { name: '宋体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;

  sheet.mergeCells(`A2:${lastColumn}2`);
  const subtitle = sheet.getCell('A2');
  subtitle.value = `筛选条件：${options.filterText}    共 ${projects.length} 项    投资数据：${options.figures.year} 年 1—${options.figures.month} 月    导出时间：${dateTime(options.timeZone).format(options.exportedAt).replace(/\//g, '-')}`;
  subtitle.font = { size: 10, color: { argb: 'FF595959' } };
  subtitle.alignment = { horizontal: 'left', vertical: 'middle' };

  const header = sheet.getRow(3);
  header.values = columns.map((column) => column.header);
  header.height = 22;
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = thinBorder;
  });

  const ragColumn = columns.findIndex((column) => column.header === '红黄绿灯') + 1;
  projects.forEach((project, index) => {
    const row = sheet.addRow(columns.map((column) => column.value(project, index)));
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = thinBorder;
      cell.alignment = { vertical: 'middle', wrapText: col === 2 || col === 3 || col === 4, horizontal: col === 1 ? 'center' : 'left' };
    });
    const fill = RAG_FILLS[project.rag];
    if (fill) row.getCell(ragColumn).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  });
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + projects.length, column: columns.length } };
  return workbook;
}

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const thinBorder = { top: thin, left: thin, bottom: thin, right: thin };
