import type { BulletinData, DistrictFigures } from './bulletin-data';

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
