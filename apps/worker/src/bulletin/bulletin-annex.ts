import ExcelJS from 'exceljs';
import type { BulletinData, BulletinProblemRow, BulletinRow } from './bulletin-data';
import {
  NOTICE_HEADERS,
  OVERDUE_PROBLEM_HEADERS,
  overviewParagraphs,
  periodText,
  preworkParagraph,
  PREWORK_HEADERS,
  problemParagraphs,
  PROBLEM_FIGURE_HEADERS,
} from './bulletin-text';

/** Amounts go into cells as numbers (staff sum them); the exact decimal strings have at most two decimals. */
const amount = (value: string) => Number(value);

const FIGURE_COLUMNS: Partial<ExcelJS.Column>[] = [
  { header: '类别', key: 'label', width: 28 },
  { header: '项目数', key: 'projectCount', width: 10 },
  { header: '年度计划投资（万元）', key: 'plannedInvestment', width: 20, style: { numFmt: '#,##0.00' } },
  { header: '年初计划投资（万元）', key: 'originalPlannedInvestment', width: 20, style: { numFmt: '#,##0.00' } },
  { header: '累计完成投资（万元）', key: 'completedYtd', width: 20, style: { numFmt: '#,##0.00' } },
  { header: '投资完成率（%）', key: 'completionRate', width: 14 },
  { header: '序时进度（%）', key: 'scheduleRate', width: 14 },
  { header: '与序时进度差（百分点）', key: 'gapPoints', width: 20 },
  { header: '截至本月计划开工', key: 'startsPlannedToDate', width: 16 },
  { header: '截至本月已开工', key: 'startedToDate', width: 14 },
  { header: '开工率（截至本月，%）', key: 'startRateToDate', width: 20 },
  { header: '全年计划开工', key: 'startsPlannedYear', width: 14 },
  { header: '开工率（全年，%）', key: 'startRateYear', width: 18 },
  { header: '红灯', key: 'red', width: 8 },
  { header: '黄灯', key: 'yellow', width: 8 },
  { header: '绿灯', key: 'green', width: 8 },
];

function figureValues(row: BulletinRow) {
  return {
    ...row,
    plannedInvestment: amount(row.plannedInvestment),
    originalPlannedInvestment: amount(row.originalPlannedInvestment),
    completedYtd: amount(row.completedYtd),
    red: row.lights.red,
    yellow: row.lights.yellow,
    green: row.lights.green,
  };
}

function figureSheet(workbook: ExcelJS.Workbook, name: string, rows: BulletinRow[], total: BulletinRow): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = FIGURE_COLUMNS;
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(figureValues(row));
  const totalRow = sheet.addRow(figureValues(total));
  totalRow.font = { bold: true };
}

const problemCells = (row: BulletinProblemRow): (string | number)[] => [row.label, row.opened, row.closed, row.openAtEnd, row.overdueAtEnd];

/**
 * 问题清单: the month's figures by category, then by unit assigned (each table closed by 全区合计), then the overdue
 * problems; 督办单: the notices issued in the month. Counts are numbers; a header row starts each table.
 */
function problemSheets(workbook: ExcelJS.Workbook, data: BulletinData): void {
  const { problems } = data;
  const sheet = workbook.addWorksheet('问题清单');
  [32, 12, 12, 12, 12, 14].forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  const [summary] = problemParagraphs(data);
  sheet.addRow([summary]);
  const table = (header: string, rows: BulletinProblemRow[]) => {
    sheet.addRow([]);
    sheet.addRow([header, ...PROBLEM_FIGURE_HEADERS]).font = { bold: true };
    for (const row of rows) sheet.addRow(problemCells(row));
    sheet.addRow(problemCells(problems.total)).font = { bold: true };
  };
  table('问题类别', problems.byCategory);
  table('交办单位', problems.byUnit);
  sheet.addRow([]);
  sheet.addRow(OVERDUE_PROBLEM_HEADERS).font = { bold: true };
  for (const p of problems.overdue) sheet.addRow([p.title, p.projectName, p.category, p.unitName, p.dueDate, p.overdueDays]);
  if (!problems.overdue.length) sheet.addRow(['无超过办结时限的未销号问题']);

  const notices = workbook.addWorksheet('督办单', { views: [{ state: 'frozen', ySplit: 1 }] });
  notices.columns = NOTICE_HEADERS.map((header, index) => ({ header, width: [18, 32, 28, 24, 12, 14][index] }));
  notices.getRow(1).font = { bold: true };
  for (const n of problems.notices) notices.addRow([n.number, n.problemTitle, n.projectName, n.unitName, n.issuedOn, n.replyBy]);
  if (!problems.notices.length) notices.addRow([problemParagraphs(data).at(-1)]);
}

/** 前期手续: 前期手续办结率 by unit, the district's row closing it; rates as numbers (%), empty without a denominator. */
function preworkSheet(workbook: ExcelJS.Workbook, data: BulletinData): void {
  const sheet = workbook.addWorksheet('前期手续', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PREWORK_HEADERS.map((header, index) => ({ header: index === 5 ? '办结率（%）' : header, width: [28, 12, 12, 10, 10, 12][index] }));
  sheet.getRow(1).font = { bold: true };
  const cells = (r: BulletinData['prework']['district']) => [r.label, r.projects, r.required, r.notApplicable, r.done, r.rate];
  for (const row of data.prework.byUnit) sheet.addRow(cells(row));
  sheet.addRow(cells({ ...data.prework.district, label: '全区合计' })).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow([preworkParagraph(data).replace(/各责任单位情况如下：$/, '')]);
}

/** The bulletin's Excel annex: its tables, one sheet each, figures as numbers; the district total closes each figure sheet. */
export async function renderBulletinAnnex(data: BulletinData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '綦江区发展和改革委员会';
  const cover = workbook.addWorksheet('总体情况');
  cover.getColumn(1).width = 120;
  cover.addRow([`綦江区“十五五”规划重点项目调度通报附表（${data.year}年${periodText(data.monthNo)}）`]).font = { bold: true, size: 14 };
  for (const paragraph of overviewParagraphs(data)) cover.addRow([paragraph]).alignment = { wrapText: true };

  const district: BulletinRow = { ...data.district, key: 'district', label: '全区合计' };
  figureSheet(workbook, '按投资类型', data.byInvestmentType, district);
  figureSheet(workbook, '按规划章节', data.byChapter, district);

  const ranking = workbook.addWorksheet('单位排名');
  ranking.columns = [
    { header: '名次', key: 'rank', width: 8 },
    { header: '责任单位', key: 'unit', width: 28 },
    { header: '投资完成率（%）', key: 'completionRate', width: 16 },
    { header: '年度计划投资（万元）', key: 'plannedInvestment', width: 20, style: { numFmt: '#,##0.00' } },
    { header: '累计完成投资（万元）', key: 'completedYtd', width: 20, style: { numFmt: '#,##0.00' } },
  ];
  for (const entry of data.ranked) ranking.addRow({ ...entry, plannedInvestment: amount(entry.plannedInvestment), completedYtd: amount(entry.completedYtd) });
  for (const unit of data.unranked) ranking.addRow({ rank: '不参与排名', unit });
  ranking.addRow([]);
  ranking.addRow([data.rankingDefinition]);

  const behind = workbook.addWorksheet('滞后项目');
  behind.columns = [
    { header: '项目名称', key: 'name', width: 36 },
    { header: '责任单位', key: 'unit', width: 24 },
    { header: '灯号', key: 'light', width: 8 },
    { header: '年度计划投资（万元）', key: 'plannedInvestment', width: 20, style: { numFmt: '#,##0.00' } },
    { header: '累计完成投资（万元）', key: 'completedYtd', width: 20, style: { numFmt: '#,##0.00' } },
    { header: '投资完成率（%）', key: 'completionRate', width: 16 },
    { header: '原因', key: 'reasons', width: 60 },
  ];
  for (const project of data.behind) {
    behind.addRow({
      ...project,
      light: project.light === 'red' ? '红灯' : '黄灯',
      plannedInvestment: amount(project.plannedInvestment),
      completedYtd: amount(project.completedYtd),
      reasons: project.reasons.join('；'),
    });
  }

  const late = workbook.addWorksheet('月报报送');
  late.columns = [
    { header: '项目名称', key: 'name', width: 36 },
    { header: '责任单位', key: 'unit', width: 24 },
    { header: '报送情况', key: 'state', width: 24 },
  ];
  for (const report of data.lateReports) late.addRow({ ...report, state: report.submittedOn ? `逾期，${report.submittedOn} 报送` : '未报送' });

  const adjustments = workbook.addWorksheet('计划调整');
  adjustments.columns = [
    { header: '项目名称', key: 'name', width: 36 },
    { header: '责任单位', key: 'unit', width: 24 },
    { header: '年初计划投资（万元）', key: 'originalInvestment', width: 20, style: { numFmt: '#,##0.00' } },
    { header: '调整后计划投资（万元）', key: 'plannedInvestment', width: 22, style: { numFmt: '#,##0.00' } },
    { header: '调整原因', key: 'reason', width: 40 },
  ];
  for (const adjustment of data.adjustments) {
    adjustments.addRow({ ...adjustment, originalInvestment: amount(adjustment.originalInvestment), plannedInvestment: amount(adjustment.plannedInvestment) });
  }
  problemSheets(workbook, data);
  preworkSheet(workbook, data);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
