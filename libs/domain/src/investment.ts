import { formatFen, toFen } from './amount';
import type { CalendarDate } from './calendar-date';
import { assertMonth, monthEnd, monthKey, monthsSince, PLAN_YEARS } from './report-month';
import type { ProjectStatus } from './stage';

/**
 * The investment figures of the monthly 调度 (see /work/shared/DOMAIN.md "The numbers, exactly"), each defined once.
 * Every aggregate query renders them through `libs/persistence/src/investment.sql.ts` (the SQL twin of this file);
 * `test/investment/agreement.e2e-spec.ts` checks on random data that the two renderings agree.
 *
 * Money is exact: amounts are decimal strings of 万元 with at most two decimals, added as integer 分 (BigInt).
 * Rates are percentages rounded half-up to two decimals, computed as integer hundredths of a percent, so 73.27% is
 * 7327n and the comparisons behind the lights are exact.
 */

export const LIGHTS = ['green', 'yellow', 'red'] as const;
/** 红黄绿灯 of the monthly 调度 (the milestone RAG says amber; DOMAIN's investment lights say yellow). */
export type Light = (typeof LIGHTS)[number];
const LIGHT_RANK: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

/** The worse of the lights: red over yellow over green. */
export function worstLight(...lights: readonly Light[]): Light {
  return lights.reduce<Light>((worst, light) => (LIGHT_RANK[light] > LIGHT_RANK[worst] ? light : worst), 'green');
}

/** Settings INVESTMENT_YELLOW_POINTS and INVESTMENT_RED_POINTS: percentage points behind 序时进度. */
export interface InvestmentLightRules {
  readonly yellowPoints: number;
  readonly redPoints: number;
}

export const DEFAULT_INVESTMENT_LIGHT_RULES: InvestmentLightRules = { yellowPoints: 10, redPoints: 30 };

/** A light's thresholds in hundredths of a point, the unit every rate is compared in. */
export function thresholdsInHundredths(rules: InvestmentLightRules): { yellow: bigint; red: bigint } {
  return { yellow: BigInt(Math.round(rules.yellowPoints * 100)), red: BigInt(Math.round(rules.redPoints * 100)) };
}

// ---------------------------------------------------------------------------------------------------------------------
// Rates: hundredths of a percent, half-up.

/**
 * numerator ÷ denominator × 100, in hundredths of a percent rounded half-up (297 ÷ 405.34 → 7327n, i.e. 73.27%);
 * null when the denominator is zero (no plan: no rate, rather than 0% or infinity). Both in the same unit (分, projects).
 */
export function rateHundredths(numerator: bigint, denominator: bigint): bigint | null {
  if (denominator === 0n) return null;
  if (numerator < 0n || denominator < 0n) throw new RangeError('rates are of non-negative amounts and counts');
  // floor(n × 10000 / d + 1/2), the SQL twin's div(2·n·10000 + d, 2·d).
  return (2n * numerator * 10000n + denominator) / (2n * denominator);
}

/** 7327n → 73.27 (the number the API answers; two decimals by construction). */
export function hundredthsToNumber(hundredths: bigint): number {
  return Number(hundredths) / 100;
}

/** 7327n → '73.27', -4333n → '-43.33': for the reasons' text. */
export function formatHundredths(hundredths: bigint): string {
  // Hundredths of a point print as 分 do: two decimals, sign kept.
  return formatFen(hundredths);
}

/** 序时进度 of months 1–m, in hundredths of a percent: m ÷ 12 (month-based, not day-based); October → 8333n. */
export function scheduleHundredths(month: number): bigint {
  assertMonth(month);
  return rateHundredths(BigInt(month), 12n) as bigint;
}

/** 序时进度 as a percentage with two decimals: 83.33 for October, 75 for September. */
export function scheduleRate(month: number): number {
  return hundredthsToNumber(scheduleHundredths(month));
}

// ---------------------------------------------------------------------------------------------------------------------
/**
 * The month figures are shown for unless one is asked: the current report month (last month, whose reports are due now),
 * kept within the plan's years. 2026-11-28 → November's figures are not in yet, so October 2026.
 */
export function figuresMonthOf(today: CalendarDate): { year: number; month: number } {
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const last = year * 12 + month - 2; // months since year 0 of the previous month, 0-based
  const clamped = Math.min(Math.max(last, PLAN_YEARS.from * 12), PLAN_YEARS.to * 12 + 11);
  return { year: Math.floor(clamped / 12), month: (clamped % 12) + 1 };
}

// Monthly reports: only submitted ones count.

export interface ReportAmount {
  /** 'YYYY-MM' */
  readonly month: string;
  readonly completedInvestment: string;
  /** draft | submitted | returned: only submitted reports count in the figures. */
  readonly status: string;
}

export function countsInFigures(report: { status: string }): boolean {
  return report.status === 'submitted';
}

/** Investment completed in months 1–m of year Y (本年累计完成投资), in 分: the submitted reports of those months. */
export function completedYtdFen(reports: readonly ReportAmount[], year: number, month: number): bigint {
  const from = monthKey(year, 1);
  const to = monthKey(year, month);
  return reports.filter((r) => countsInFigures(r) && r.month >= from && r.month <= to).reduce((sum, r) => sum + toFen(r.completedInvestment), 0n);
}

/** Months 1–m of Y with the investment completed in each (submitted reports; 0 where none) and the running total. */
export function monthlySeries(reports: readonly ReportAmount[], year: number, month: number): Array<{ month: number; completed: string; cumulative: string }> {
  let cumulative = 0n;
  const series = [];
  for (let m = 1; m <= month; m++) {
    const key = monthKey(year, m);
    const completed = reports.filter((r) => countsInFigures(r) && r.month === key).reduce((sum, r) => sum + toFen(r.completedInvestment), 0n);
    cumulative += completed;
    series.push({ month: m, completed: formatFen(completed), cumulative: formatFen(cumulative) });
  }
  return series;
}

// ---------------------------------------------------------------------------------------------------------------------
// The lights and their reasons.

export type InvestmentReasonCode = 'investment_behind' | 'start_overdue' | 'not_registered';

/** Why a light is not green: a code for programs, the level it sets, and one sentence for people in Chinese (`text`) and English (`en`). */
export interface LightReason {
  readonly code: InvestmentReasonCode;
  readonly level: Exclude<Light, 'green'>;
  readonly text: string;
  readonly en: string;
}

export interface LightResult {
  readonly light: Light;
  readonly reasons: readonly LightReason[];
}

const GREEN: LightResult = Object.freeze({ light: 'green', reasons: [] });

/**
 * Investment light from 投资完成率 against 序时进度, both in hundredths. Boundaries (DOMAIN: "green at or above;
 * yellow 10–30 points behind; red more than 30"), with behind = 序时进度 − 完成率 on the two-decimal rates:
 * green when behind < yellowPoints (or ahead); yellow when yellowPoints ≤ behind ≤ redPoints (exactly 10.00 and
 * exactly 30.00 points behind are yellow); red when behind > redPoints (30.01). No plan (rate null): green, no reason.
 */
export function investmentLight(completionHundredths: bigint | null, scheduleH: bigint, rules: InvestmentLightRules): LightResult {
  if (completionHundredths === null) return GREEN;
  const behind = scheduleH - completionHundredths;
  const { yellow, red } = thresholdsInHundredths(rules);
  const light: Light = behind > red ? 'red' : behind >= yellow ? 'yellow' : 'green';
  if (light === 'green') return GREEN;
  return {
    light,
    reasons: [
      {
        code: 'investment_behind',
        level: light,
        text: `投资完成率 ${formatHundredths(completionHundredths)}%，低于序时进度 ${formatHundredths(behind)} 个百分点`,
        en: `Completion rate ${formatHundredths(completionHundredths)}%, ${formatHundredths(behind)} points behind schedule`,
      },
    ],
  };
}

/** Yellow from the month after the planned start month, red from three months after it (DOMAIN: "three months: red"). */
export const START_RED_AFTER_MONTHS = 3;
/** Started but not registered (入库纳统): yellow one month after the start month, red two months after. */
export const REGISTRATION_YELLOW_AFTER_MONTHS = 1;
export const REGISTRATION_RED_AFTER_MONTHS = 2;

/** A project's facts that decide whether, and when, it started and was completed. */
export interface ProjectProgressFacts {
  readonly stage: ProjectStatus;
  /** The stage a project on hold left. */
  readonly previousStage?: ProjectStatus | null;
  /** Actual date of its 开工 (groundbreaking) milestone, when done. */
  readonly groundbreakingOn: CalendarDate | null;
  /** Actual date of its 竣工验收 milestone (else 投入使用), when done. */
  readonly completionOn: CalendarDate | null;
  /** 入库纳统 date; null while not registered. */
  readonly statisticsRegisteredOn: CalendarDate | null;
}

/**
 * The day a project started (开工), or null while it has not: a project still at `study` (or on hold from it) has not
 * started whatever its milestones say; past it, the actual date of its 开工 milestone (which approving 开工 sets).
 */
export function startedOn(project: Pick<ProjectProgressFacts, 'stage' | 'previousStage' | 'groundbreakingOn'>): CalendarDate | null {
  if (project.stage === 'study' || (project.stage === 'on_hold' && (project.previousStage ?? 'study') === 'study')) return null;
  return project.groundbreakingOn;
}

/** The day a project was completed (竣工): at stage `complete`, the actual date of its 竣工验收 (else 投入使用). */
export function completedOn(project: Pick<ProjectProgressFacts, 'stage' | 'completionOn'>): CalendarDate | null {
  return project.stage === 'complete' ? project.completionOn : null;
}

/** Happened by the end of month m of year Y (a start, a completion, a registration). */
export function happenedBy(date: CalendarDate | null, year: number, month: number): boolean {
  return date !== null && date <= monthEnd(year, month);
}

/**
 * Start light (开工) at month m of Y for a project planned to start in month p of Y: green until p ends and whenever it
 * has started by the end of month m; not started: yellow from month p+1, red from month p+3.
 */
export function startLight(plannedStartMonth: number | null, started: CalendarDate | null, year: number, month: number): LightResult {
  if (plannedStartMonth === null || month <= plannedStartMonth || happenedBy(started, year, month)) return GREEN;
  const late = month - plannedStartMonth;
  const light: Light = late >= START_RED_AFTER_MONTHS ? 'red' : 'yellow';
  return {
    light,
    reasons: [
      {
        code: 'start_overdue',
        level: light,
        text: `计划 ${plannedStartMonth} 月开工，截至 ${month} 月末仍未开工（已过 ${late} 个月）`,
        en: `Planned to start in month ${plannedStartMonth}, not started by the end of month ${month} (${late} ${late === 1 ? 'month' : 'months'} late)`,
      },
    ],
  };
}

/**
 * Registration light (入库纳统) at month m of Y: a project started by the end of month m and not registered by then is
 * yellow from the month after its start month and red from the second month after ("先入库，后有数").
 */
export function registrationLight(started: CalendarDate | null, registeredOn: CalendarDate | null, year: number, month: number): LightResult {
  if (!happenedBy(started, year, month) || happenedBy(registeredOn, year, month)) return GREEN;
  const since = monthsSince(started as CalendarDate, year, month);
  const light: Light | null = since >= REGISTRATION_RED_AFTER_MONTHS ? 'red' : since >= REGISTRATION_YELLOW_AFTER_MONTHS ? 'yellow' : null;
  if (!light) return GREEN;
  return {
    light,
    reasons: [
      {
        code: 'not_registered',
        level: light,
        text: `已于 ${started} 开工，${since} 个月仍未入库纳统`,
        en: `Started on ${started as CalendarDate}, not registered for statistics ${since} ${since === 1 ? 'month' : 'months'} later`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// One project's figures.

export interface AnnualPlan {
  readonly plannedInvestment: string;
  readonly originalInvestment: string;
  readonly version: number;
  readonly plannedStartMonth: number | null;
  readonly plannedCompletionMonth: number | null;
}

export interface ProjectInvestmentInput extends ProjectProgressFacts {
  /** The project's current plan for the year; null when it has none. */
  readonly plan: AnnualPlan | null;
  readonly reports: readonly ReportAmount[];
}

export interface ProjectInvestmentFigures {
  readonly plannedInvestment: string | null;
  readonly originalInvestment: string | null;
  readonly planVersion: number | null;
  readonly completedYtd: string;
  /** 投资完成率, % with two decimals; null without a plan or with a plan of 0. */
  readonly completionRate: number | null;
  /** 序时进度, %. */
  readonly scheduleRate: number;
  /** 完成率 − 序时进度 in points; negative when behind; null without a rate. */
  readonly gapPoints: number | null;
  /** The investment light and its reasons. */
  readonly light: Light;
  readonly lightReasons: readonly LightReason[];
  readonly lights: { readonly investment: Light; readonly start: Light; readonly registration: Light };
  /** The project's light: the worst of the three, with every reason. */
  readonly projectLight: Light;
  readonly projectLightReasons: readonly LightReason[];
  readonly startedOn: CalendarDate | null;
  readonly completedOn: CalendarDate | null;
  readonly months: Array<{ month: number; completed: string; cumulative: string }>;
}

/** Hundredths behind the investment figures of one project, for the SQL twin's agreement and the summary. */
export function projectRates(plan: AnnualPlan | null, ytdFen: bigint, month: number): { rate: bigint | null; schedule: bigint; gap: bigint | null } {
  const rate = plan ? rateHundredths(ytdFen, toFen(plan.plannedInvestment)) : null;
  const schedule = scheduleHundredths(month);
  return { rate, schedule, gap: rate === null ? null : rate - schedule };
}

/** What a project's three lights are decided from at month m: its rate and 序时进度 (hundredths), planned start, start and registration. */
export interface LightFacts {
  readonly rate: bigint | null;
  readonly schedule: bigint;
  readonly plannedStartMonth: number | null;
  readonly startedOn: CalendarDate | null;
  readonly registeredOn: CalendarDate | null;
}

/** The three lights at month m of Y from their facts, and the project light (the worst) with every reason, worst first. */
export function lightsOf(facts: LightFacts, year: number, month: number, rules: InvestmentLightRules) {
  const investment = investmentLight(facts.rate, facts.schedule, rules);
  const start = startLight(facts.plannedStartMonth, facts.startedOn, year, month);
  const registration = registrationLight(facts.startedOn, facts.registeredOn, year, month);
  const reasons = [...investment.reasons, ...start.reasons, ...registration.reasons].sort((a, b) => LIGHT_RANK[b.level] - LIGHT_RANK[a.level]);
  return { investment, start, registration, light: worstLight(investment.light, start.light, registration.light), reasons };
}

/** The three lights of a project at month m of Y. */
export function projectLights(input: ProjectInvestmentInput, year: number, month: number, rules: InvestmentLightRules) {
  const { rate, schedule } = projectRates(input.plan, completedYtdFen(input.reports, year, month), month);
  const facts = {
    rate,
    schedule,
    plannedStartMonth: input.plan?.plannedStartMonth ?? null,
    startedOn: startedOn(input),
    registeredOn: input.statisticsRegisteredOn,
  };
  return lightsOf(facts, year, month, rules);
}

export function projectInvestmentFigures(input: ProjectInvestmentInput, year: number, month: number, rules: InvestmentLightRules): ProjectInvestmentFigures {
  const ytd = completedYtdFen(input.reports, year, month);
  const { rate, schedule, gap } = projectRates(input.plan, ytd, month);
  const lights = projectLights(input, year, month, rules);
  return {
    plannedInvestment: input.plan ? formatFen(toFen(input.plan.plannedInvestment)) : null,
    originalInvestment: input.plan ? formatFen(toFen(input.plan.originalInvestment)) : null,
    planVersion: input.plan?.version ?? null,
    completedYtd: formatFen(ytd),
    completionRate: rate === null ? null : hundredthsToNumber(rate),
    scheduleRate: hundredthsToNumber(schedule),
    gapPoints: gap === null ? null : hundredthsToNumber(gap),
    light: lights.investment.light,
    lightReasons: lights.investment.reasons,
    lights: { investment: lights.investment.light, start: lights.start.light, registration: lights.registration.light },
    projectLight: lights.light,
    projectLightReasons: lights.reasons,
    startedOn: startedOn(input),
    completedOn: completedOn(input),
    months: monthlySeries(input.reports, year, month),
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Rates of projects (开工率, 竣工率) and summaries.

/** A count rate with what it counts: 57 ÷ 67 = 85.07, and which denominator (a report must say which). */
export interface CountRate {
  readonly numerator: number;
  readonly denominator: number;
  /** %, two decimals; null when nothing was planned. */
  readonly rate: number | null;
  readonly label: string;
}

export function countRate(numerator: number, denominator: number, label: string): CountRate {
  const hundredths = rateHundredths(BigInt(numerator), BigInt(denominator));
  return { numerator, denominator, rate: hundredths === null ? null : hundredthsToNumber(hundredths), label };
}

/** Which projects a 开工率 or 竣工率 divides by: those planned by month m ("to date") or in the whole year. */
export type RateBasis = 'to_date' | 'year';

export function rateLabel(kind: 'start' | 'completion', basis: RateBasis, year: number, month: number): string {
  const word = kind === 'start' ? '开工' : '竣工';
  return basis === 'to_date'
    ? `${word}率＝截至 ${month} 月末已${word}项目数 ÷ 计划 1—${month} 月${word}项目数（分母：截至本月计划${word}）`
    : `${word}率＝截至 ${month} 月末已${word}项目数 ÷ ${year} 年计划${word}项目数（分母：全年计划${word}）`;
}

/** Planned to start (or complete) by month m (`to_date`) or at all this year (`year`). */
export function plannedBy(plannedMonth: number | null, basis: RateBasis, month: number): boolean {
  return plannedMonth !== null && (basis === 'year' || plannedMonth <= month);
}

export interface InvestmentSummary {
  readonly projectCount: number;
  readonly plannedInvestment: string;
  readonly originalPlannedInvestment: string;
  readonly completedYtd: string;
  readonly completionRate: number | null;
  readonly scheduleRate: number;
  readonly gapPoints: number | null;
  /** Projects by their project light (the worst of investment, start and registration). */
  readonly lights: Record<Light, number>;
  readonly lightsBy: Record<'investment' | 'start' | 'registration', Record<Light, number>>;
  readonly startRateToDate: CountRate;
  readonly startRateYear: CountRate;
  readonly completionRateToDate: CountRate;
  readonly completionRateYear: CountRate;
}

/**
 * The figures of a set of projects with a plan for year Y (a unit, a chapter, the district): amounts summed, the
 * completion rate of the sums (not the mean of the rates), lights counted per project, 开工率 and 竣工率 on both bases.
 * Projects without a plan for Y are not in the year's 调度 and are left out.
 */
export function summariseInvestment(projects: readonly ProjectInvestmentInput[], year: number, month: number, rules: InvestmentLightRules): InvestmentSummary {
  const planned = projects.filter((p) => p.plan !== null);
  const zero = () => ({ green: 0, yellow: 0, red: 0 });
  const lights = zero();
  const lightsBy = { investment: zero(), start: zero(), registration: zero() };
  let plan = 0n;
  let original = 0n;
  let ytd = 0n;
  const counts = { startToDate: [0, 0], startYear: [0, 0], completionToDate: [0, 0], completionYear: [0, 0] };
  for (const p of planned) {
    const a = p.plan as AnnualPlan;
    plan += toFen(a.plannedInvestment);
    original += toFen(a.originalInvestment);
    ytd += completedYtdFen(p.reports, year, month);
    const l = projectLights(p, year, month, rules);
    lights[l.light] += 1;
    lightsBy.investment[l.investment.light] += 1;
    lightsBy.start[l.start.light] += 1;
    lightsBy.registration[l.registration.light] += 1;
    const started = happenedBy(startedOn(p), year, month);
    const completed = happenedBy(completedOn(p), year, month);
    const tally = (pair: number[], plannedMonth: number | null, basis: RateBasis, done: boolean) => {
      if (!plannedBy(plannedMonth, basis, month)) return;
      pair[1] += 1;
      if (done) pair[0] += 1;
    };
    tally(counts.startToDate, a.plannedStartMonth, 'to_date', started);
    tally(counts.startYear, a.plannedStartMonth, 'year', started);
    tally(counts.completionToDate, a.plannedCompletionMonth, 'to_date', completed);
    tally(counts.completionYear, a.plannedCompletionMonth, 'year', completed);
  }
  const rate = rateHundredths(ytd, plan);
  const schedule = scheduleHundredths(month);
  return {
    projectCount: planned.length,
    plannedInvestment: formatFen(plan),
    originalPlannedInvestment: formatFen(original),
    completedYtd: formatFen(ytd),
    completionRate: rate === null ? null : hundredthsToNumber(rate),
    scheduleRate: hundredthsToNumber(schedule),
    gapPoints: rate === null ? null : hundredthsToNumber(rate - schedule),
    lights,
    lightsBy,
    startRateToDate: countRate(counts.startToDate[0], counts.startToDate[1], rateLabel('start', 'to_date', year, month)),
    startRateYear: countRate(counts.startYear[0], counts.startYear[1], rateLabel('start', 'year', year, month)),
    completionRateToDate: countRate(counts.completionToDate[0], counts.completionToDate[1], rateLabel('completion', 'to_date', year, month)),
    completionRateYear: countRate(counts.completionYear[0], counts.completionYear[1], rateLabel('completion', 'year', year, month)),
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Rankings.

export interface Rankable {
  readonly key: string;
  /** Hundredths of the metric, or null when the unit has nothing to be measured against (no plan, no planned start). */
  readonly value: bigint | null;
}

/**
 * Competition ranking, highest first: equal values (to the two decimals published) share a rank and the next rank
 * skips (1, 1, 3). Units without a value are not ranked last but returned apart.
 */
export function rankByValue<T extends Rankable>(items: readonly T[]): { ranked: Array<T & { rank: number }>; unranked: T[] } {
  const measured = items
    .filter((item) => item.value !== null)
    .sort((a, b) => (b.value === a.value ? a.key.localeCompare(b.key) : (b.value as bigint) > (a.value as bigint) ? 1 : -1));
  const ranked = measured.map((item, index) => ({ ...item, rank: 0, index }));
  for (const item of ranked) item.rank = item.index > 0 && ranked[item.index - 1].value === item.value ? ranked[item.index - 1].rank : item.index + 1;
  return { ranked: ranked.map(({ index: _index, ...item }) => item as T & { rank: number }), unranked: items.filter((item) => item.value === null) };
}

/** The definition published beside a ranking (formula, denominator, ties, who is not ranked): the API's rankings and the bulletin say the same. */
export function rankingDefinition(metric: 'completion_rate' | 'start_rate', basis: 'to_date' | 'year', year: number, month: number): string {
  const common = '保留两位小数（四舍五入），数值相同者并列同一名次';
  if (metric === 'completion_rate') {
    return `投资完成率＝该单位项目 ${year} 年 1—${month} 月已报送月报的完成投资之和 ÷ 该单位项目 ${year} 年度当前（含中期调整）计划投资之和 × 100%；${common}；未安排年度计划投资的单位不参与排名，单列。`;
  }
  const denominator = basis === 'year' ? `${year} 年计划开工的项目数（分母：全年计划开工）` : `计划于 1—${month} 月开工的项目数（分母：截至本月计划开工）`;
  return `开工率＝该单位截至 ${month} 月末已开工项目数 ÷ ${denominator} × 100%；${common}；没有计划开工项目的单位不参与排名，单列。`;
}
