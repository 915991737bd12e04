import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock, type Env } from '@qj/config';
import {
  countProblems,
  datedProblem,
  hundredthsToNumber,
  monthEnd,
  PROBLEM_CATEGORIES,
  PROBLEM_CATEGORY_LABELS,
  problemOverdueDaysOn,
  projectInvestmentFigures,
  rankByValue,
  rankingDefinition,
  rateHundredths,
  supervisionNoticeNumber,
  todayIn,
  toFen,
  type DatedProblem,
  type InvestmentLightRules,
  type ProblemCategory,
} from '@qj/domain';
import {
  ALL_UNITS,
  ApprovalRepository,
  BulletinRepository,
  InvestmentFiguresRepository,
  ProblemRepository,
  SupervisionRepository,
  type InvestmentSummaryRow,
  type PreworkSummaryRow,
  type ProblemRow,
} from '@qj/persistence';
import type {
  BulletinData,
  BulletinFigures,
  BulletinPreworkRow,
  BulletinProblemRow,
  BulletinProblems,
  BulletinProjectBehind,
  BulletinRow,
} from './bulletin-data';

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

/** The label of the 按交办单位 row of problems not yet assigned (待交办). */
export const UNASSIGNED_LABEL = '未交办';

const preworkRowOf = (row: PreworkSummaryRow | undefined, label: string): BulletinPreworkRow => ({
  label,
  projects: row?.projects ?? 0,
  required: row?.required ?? 0,
  done: row?.done ?? 0,
  notApplicable: row?.notApplicable ?? 0,
  rate: row && row.rateHundredths !== null ? hundredthsToNumber(BigInt(row.rateHundredths)) : null,
});

type DatedRow = ProblemRow & DatedProblem;

/**
 * The month's 问题清单 figures: the problems as GET /api/problems reads them for the district, counted by the domain's
 * period rule (raised and closed in the month; open and overdue as on `asOf`), by category and by the unit assigned.
 */
export function problemFigures(rows: DatedRow[], from: string, asOf: string): Omit<BulletinProblems, 'notices'> {
  const period = { from, to: asOf };
  const row = (key: string, label: string, of: DatedRow[]): BulletinProblemRow => ({ key, label, ...countProblems(of, period, asOf) });
  const units = new Map<string, { label: string; rows: DatedRow[] }>();
  for (const problem of rows) {
    const key = problem.assignedUnitId ?? 'unassigned';
    const unit = units.get(key) ?? { label: problem.assignedUnitName ?? UNASSIGNED_LABEL, rows: [] };
    unit.rows.push(problem);
    units.set(key, unit);
  }
  const active = (figures: BulletinProblemRow) => figures.opened + figures.closed + figures.openAtEnd > 0;
  const byUnit = [...units]
    .map(([key, unit]) => row(key, unit.label, unit.rows))
    .filter(active)
    .sort((a, b) =>
      a.key === 'unassigned'
        ? 1
        : b.key === 'unassigned'
          ? -1
          : b.overdueAtEnd - a.overdueAtEnd || b.openAtEnd - a.openAtEnd || a.label.localeCompare(b.label, 'zh'),
    );
  const overdue = rows
    .map((problem) => ({ problem, days: problemOverdueDaysOn(problem, asOf) }))
    .filter(({ days }) => days > 0)
    .sort((a, b) => b.days - a.days)
    .map(({ problem, days }) => ({
      title: problem.title,
      projectName: problem.projectName,
      category: PROBLEM_CATEGORY_LABELS[problem.category as ProblemCategory] ?? problem.category,
      unitName: problem.assignedUnitName ?? UNASSIGNED_LABEL,
      dueDate: problem.dueDate as string,
      overdueDays: days,
    }));
  return {
    from,
    asOf,
    total: row('district', '全区合计', rows),
    byCategory: PROBLEM_CATEGORIES.map((category) =>
      row(
        category,
        PROBLEM_CATEGORY_LABELS[category],
        rows.filter((problem) => problem.category === category),
      ),
    ),
    byUnit,
    overdue,
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
    private readonly problems: ProblemRepository,
    private readonly supervision: SupervisionRepository,
    private readonly approvals: ApprovalRepository,
    private readonly clock: Clock,
    private readonly config: ConfigService<Env, true>,
  ) {}

  private rules(): InvestmentLightRules {
    return { yellowPoints: this.config.get('INVESTMENT_YELLOW_POINTS', { infer: true }), redPoints: this.config.get('INVESTMENT_RED_POINTS', { infer: true }) };
  }

  async gather(month: string): Promise<BulletinData> {
    const [year, monthNo] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
    const rules = this.rules();
    const timeZone = this.config.get('APP_TIMEZONE', { infer: true });
    const generatedOn = this.clock.today();
    // The month's problems as on its last day, or on today while it runs.
    const from = `${month}-01`;
    const asOf = [generatedOn, monthEnd(year, monthNo)].sort()[0];
    const summary = (by: 'district' | 'investment_type' | 'chapter' | 'unit') => this.figures.summary({ year, month: monthNo, by, scope: ALL_UNITS, rules });
    const [district, byType, byChapter, byUnit, units, projects, counts, lateReports, adjustments, problems, notices, preworkDistrict, preworkUnits] =
      await Promise.all([
        summary('district'),
        summary('investment_type'),
        summary('chapter'),
        summary('unit'),
        this.figures.units(ALL_UNITS),
        this.figures.projectFactsOfYear(year),
        this.bulletins.stageCounts(year),
        this.bulletins.lateReports(month, timeZone),
        this.bulletins.adjustments(year),
        this.problems.list(ALL_UNITS, {}, asOf),
        this.supervision.issued(ALL_UNITS, from, asOf, timeZone),
        this.approvals.summary('district', ALL_UNITS),
        this.approvals.summary('unit', ALL_UNITS),
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
      generatedOn,
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
      problems: {
        ...problemFigures(
          problems.map((problem) => datedProblem(problem, timeZone)),
          from,
          asOf,
        ),
        notices: notices.map((notice) => ({
          number: supervisionNoticeNumber(notice.year, notice.sequence),
          problemTitle: notice.problemTitle,
          projectName: notice.projectName,
          unitName: notice.unitName,
          issuedOn: todayIn(timeZone, notice.createdAt),
          replyBy: notice.replyBy,
        })),
      },
      prework: { district: preworkRowOf(preworkDistrict[0], '全区'), byUnit: preworkUnits.map((row) => preworkRowOf(row, row.label)) },
    };
  }
}
