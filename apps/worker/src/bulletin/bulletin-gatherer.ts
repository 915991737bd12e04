import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock, type Env } from '@qj/config';
import { hundredthsToNumber, projectInvestmentFigures, rankByValue, rankingDefinition, rateHundredths, toFen, type InvestmentLightRules } from '@qj/domain';
import { ALL_UNITS, BulletinRepository, InvestmentFiguresRepository, type InvestmentSummaryRow } from '@qj/persistence';
import type { BulletinData, BulletinFigures, BulletinProjectBehind, BulletinRow } from './bulletin-data';

/** A summary row as the bulletin prints it; lights are the investment lights (投资进度), like the projects listed behind. */
export function bulletinFigures(row: InvestmentSummaryRow | undefined, month: number): BulletinFigures {
  if (!row) {
    // No project has a plan for the year: every sum is zero and no rate has a denominator.
    const schedule = Math.round((month / 12) * 10000) / 100;
    return {
      projectCount: 0,
      plannedInvestment: '0.00',
      originalPlannedInvestment: '0.00',
      completedYtd: '0.00',
      completionRate: null,
      completionRateOriginal: null,
      scheduleRate: schedule,
      gapPoints: null,
      startsPlannedToDate: 0,
      startedToDate: 0,
      startRateToDate: null,
      startsPlannedYear: 0,
      startedYear: 0,
      startRateYear: null,
      completionsPlannedYear: 0,
      completedYear: 0,
      completionRateYear: null,
      lights: { green: 0, yellow: 0, red: 0 },
    };
  }
  const original = rateHundredths(toFen(row.completedYtd), toFen(row.originalPlannedInvestment));
  return {
    projectCount: row.projectCount,
    plannedInvestment: row.plannedInvestment,
    originalPlannedInvestment: row.originalPlannedInvestment,
    completedYtd: row.completedYtd,
    completionRate: row.completionRate,
    completionRateOriginal: original === null ? null : hundredthsToNumber(original),
    scheduleRate: row.scheduleRate,
    gapPoints: row.gapPoints,
    startsPlannedToDate: row.startRateToDate.denominator,
    startedToDate: row.startRateToDate.numerator,
    startRateToDate: row.startRateToDate.rate,
    startsPlannedYear: row.startRateYear.denominator,
    startedYear: row.startRateYear.numerator,
    startRateYear: row.startRateYear.rate,
    completionsPlannedYear: row.completionRateYear.denominator,
    completedYear: row.completionRateYear.numerator,
    completionRateYear: row.completionRateYear.rate,
    lights: { ...row.lightsBy.investment },
  };
}

const rowOf = (item: InvestmentSummaryRow, month: number): BulletinRow => ({ ...bulletinFigures(item, month), key: item.key, label: item.label });

/**
 * Gathers what a month's bulletin says from the figures the API serves: the summary (district, 投资类型, chapter, unit)
 * through the same SQL, the ranking by 投资完成率 with its published definition, each project's lights by the domain's
 * rules, and the month's late or missing reports and the year's plan adjustments. The district total is the summary's,
 * so the annex's 全区合计 equals GET /api/investment/summary?by=district for the month.
 */
@Injectable()
export class BulletinGatherer {
  constructor(
    private readonly figures: InvestmentFiguresRepository,
    private readonly bulletins: BulletinRepository,
    private readonly clock: Clock,
    private readonly config: ConfigService<Env, true>,
  ) {}

  private rules(): InvestmentLightRules {
    return { yellowPoints: this.config.get('INVESTMENT_YELLOW_POINTS', { infer: true }), redPoints: this.config.get('INVESTMENT_RED_POINTS', { infer: true }) };
  }

  async gather(month: string): Promise<BulletinData> {
    const [year, monthNo] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
    const rules = this.rules();
    const summary = (by: 'district' | 'investment_type' | 'chapter' | 'unit') => this.figures.summary({ year, month: monthNo, by, scope: ALL_UNITS, rules });
    const [district, byType, byChapter, byUnit, units, projects, counts, lateReports, adjustments] = await Promise.all([
      summary('district'),
      summary('investment_type'),
      summary('chapter'),
      summary('unit'),
      this.figures.units(ALL_UNITS),
      this.figures.projectFactsOfYear(year),
      this.bulletins.stageCounts(year),
      this.bulletins.lateReports(month, this.config.get('APP_TIMEZONE', { infer: true })),
      this.bulletins.adjustments(year),
    ]);

    const unitRows = new Map(byUnit.items.map((item) => [item.key, item]));
    const { ranked, unranked } = rankByValue(
      units.map((unit) => {
        const row = unitRows.get(unit.key);
        return { ...unit, row, value: row && row.completionRate !== null ? BigInt(Math.round(row.completionRate * 100)) : null };
      }),
    );

    const behind: Array<BulletinProjectBehind & { order: number }> = [];
    for (const project of projects) {
      const figures = projectInvestmentFigures(project, year, monthNo, rules);
      if (figures.light === 'green') continue;
      behind.push({
        order: project.planOrder,
        name: project.name,
        unit: project.unitName,
        plannedInvestment: figures.plannedInvestment ?? '0.00',
        completedYtd: figures.completedYtd,
        completionRate: figures.completionRate,
        gapPoints: figures.gapPoints,
        light: figures.light,
        reasons: figures.projectLightReasons.map((reason) => reason.text),
      });
    }
    behind.sort((a, b) => (a.light === b.light ? a.order - b.order : a.light === 'red' ? -1 : 1));

    return {
      month,
      year,
      monthNo,
      generatedOn: this.clock.today(),
      district: { ...bulletinFigures(district.items[0], monthNo), totalInvestment: counts.totalInvestment },
      inPreparation: counts.inPreparation,
      underConstruction: counts.underConstruction,
      byInvestmentType: byType.items.map((item) => rowOf(item, monthNo)),
      byChapter: byChapter.items.map((item) => rowOf(item, monthNo)),
      rankingDefinition: rankingDefinition('completion_rate', 'to_date', year, monthNo),
      ranked: ranked.map((entry) => ({
        rank: entry.rank,
        unit: entry.label,
        completionRate: Number(entry.value) / 100,
        plannedInvestment: entry.row?.plannedInvestment ?? '0.00',
        completedYtd: entry.row?.completedYtd ?? '0.00',
      })),
      unranked: unranked.map((entry) => entry.label),
      behind: behind.map(({ order: _order, ...project }) => project),
      lateReports,
      adjustments,
    };
  }
}
