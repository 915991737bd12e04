import { monthEnd } from '@qj/domain';
import type { BulletinData, BulletinOverdueProblem, BulletinPreworkRow, BulletinSupervisionNotice, DistrictFigures } from './bulletin-data';

/** 万元 as the bulletin prints them: the exact decimal, thousands grouped (12,345.60). */
export function wan(amount: string): string {
  const [whole, fraction = ''] = amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}.${fraction.padEnd(2, '0').slice(0, 2)}`;
}

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${rate.toFixed(2)}%`;
}

/** How a gap to 序时进度 reads in a bulletin: 低于序时进度 1.70 个百分点. */
export function gapText(gapPoints: number | null): string {
  if (gapPoints === null) return '无年度计划，不计序时进度';
  if (gapPoints === 0) return '与序时进度持平';
  return `${gapPoints < 0 ? '低于' : '高于'}序时进度 ${Math.abs(gapPoints).toFixed(2)} 个百分点`;
}

/** 1—10月 (the cumulative period of the year up to the month). */
export function periodText(monthNo: number): string {
  return monthNo === 1 ? '1月' : `1—${monthNo}月`;
}

function rateText(numerator: number, denominator: number, rate: number | null, basis: string): string {
  return denominator === 0 ? `${basis}无计划开工项目` : `${numerator}/${denominator}，${percent(rate)}（${basis}）`;
}

/** The paragraphs of the bulletin's overview, the same sentences in the document and the annex's cover sheet. */
export function overviewParagraphs(data: BulletinData): string[] {
  const d: DistrictFigures = data.district;
  const period = periodText(data.monthNo);
  return [
    `纳入调度的重点项目 ${d.projectCount} 个，总投资 ${wan(d.totalInvestment)} 万元。${data.year} 年计划投资 ${wan(d.plannedInvestment)} 万元` +
      (d.originalPlannedInvestment !== d.plannedInvestment ? `（年初计划 ${wan(d.originalPlannedInvestment)} 万元，经中期调整）` : '') +
      `；${period}累计完成投资 ${wan(d.completedYtd)} 万元，投资完成率 ${percent(d.completionRate)}，序时进度 ${percent(d.scheduleRate)}，${gapText(d.gapPoints)}` +
      (d.originalPlannedInvestment !== d.plannedInvestment ? `；按年初计划计，完成率 ${percent(d.completionRateOriginal)}。` : '。'),
    `开工方面：截至${data.monthNo}月底计划开工 ${d.startsPlannedToDate} 个、已开工 ${d.startedToDate} 个，开工率 ${rateText(d.startedToDate, d.startsPlannedToDate, d.startRateToDate, '以截至本月计划开工数为分母')}；` +
      `全年计划开工 ${d.startsPlannedYear} 个、已开工 ${d.startedYear} 个，开工率 ${rateText(d.startedYear, d.startsPlannedYear, d.startRateYear, '以全年计划开工数为分母')}。`,
    `竣工方面：全年计划竣工（投用）${d.completionsPlannedYear} 个，已竣工 ${d.completedYear} 个，竣工率 ${percent(d.completionRateYear)}（以全年计划竣工数为分母）。` +
      `仍处于前期阶段的项目 ${data.inPreparation} 个，在建项目 ${data.underConstruction} 个。`,
    `投资进度红黄绿灯：绿灯 ${d.lights.green} 个、黄灯 ${d.lights.yellow} 个、红灯 ${d.lights.red} 个。`,
  ];
}

/** 9月30日 */
const dayText = (date: string): string => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** The days the problem figures cover: 9月 (the whole month), or 10月1日—10日 while the month runs. */
function problemPeriodText(asOf: string, year: number, monthNo: number): string {
  return asOf === monthEnd(year, monthNo) ? `${monthNo}月` : `${monthNo}月1日—${Number(asOf.slice(8, 10))}日`;
}

export const PROBLEM_FIGURE_HEADERS = ['本月新增', '本月销号', '月末未销号', '其中逾期'];
export const OVERDUE_PROBLEM_HEADERS = ['问题', '所属项目', '类别', '交办单位', '办结时限', '逾期天数'];
export const NOTICE_HEADERS = ['督办单编号', '问题', '所属项目', '督办单位', '印发日期', '要求回复日期'];
export const PREWORK_HEADERS = ['责任单位', '前期项目数', '应办要件', '不适用', '已办结', '办结率'];

export const overdueProblemCells = (p: BulletinOverdueProblem): string[] => [p.title, p.projectName, p.category, p.unitName, p.dueDate, String(p.overdueDays)];
export const noticeCells = (n: BulletinSupervisionNotice): string[] => [n.number, n.problemTitle, n.projectName, n.unitName, n.issuedOn, n.replyBy];
export const preworkCells = (r: BulletinPreworkRow): string[] => [
  r.label,
  String(r.projects),
  String(r.required),
  String(r.notApplicable),
  String(r.done),
  percent(r.rate),
];

/**
 * The sentences of the 问题清单 section, the same in the document and the annex: the month's figures, then (when there
 * are overdue problems) the line that introduces their list, then the 督办单 issued.
 */
export function problemParagraphs(data: BulletinData): string[] {
  const { problems } = data;
  const t = problems.total;
  const period = problemPeriodText(problems.asOf, data.year, data.monthNo);
  const figures =
    t.opened + t.closed + t.openAtEnd === 0
      ? `${period}无新增、销号问题，截至${dayText(problems.asOf)}无未销号问题。`
      : `${period}新增问题 ${t.opened} 个，销号 ${t.closed} 个；截至${dayText(problems.asOf)}，未销号问题 ${t.openAtEnd} 个，其中超过办结时限的 ${t.overdueAtEnd} 个。`;
  return [
    figures,
    ...(problems.overdue.length ? [`以下 ${problems.overdue.length} 个问题超过办结时限仍未销号，请交办单位抓紧办理：`] : []),
    problems.notices.length ? `${period}印发督办单 ${problems.notices.length} 份：` : `${period}未印发督办单。`,
  ];
}

/** The 前期手续 sentence: the district's 前期手续办结率 (approvals done ÷ required less 不适用). */
export function preworkParagraph(data: BulletinData): string {
  const d = data.prework.district;
  if (d.projects === 0) return `截至${dayText(data.generatedOn)}，无处于前期阶段的项目。`;
  return (
    `截至${dayText(data.generatedOn)}，处于前期阶段的项目 ${d.projects} 个，应办要件 ${d.required} 项（其中不适用 ${d.notApplicable} 项），` +
    `已办结 ${d.done} 项，前期手续办结率 ${percent(d.rate)}（已办结 ÷ 应办要件扣除不适用）。各责任单位情况如下：`
  );
}
