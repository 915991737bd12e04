import { NON_REPORTING_STAGES, REGISTRATION_RED_AFTER_MONTHS, REGISTRATION_YELLOW_AFTER_MONTHS, START_RED_AFTER_MONTHS } from '@qj/domain';

/**
 * The SQL renderings of the investment rules in `libs/domain/src/investment.ts`: every aggregate query over plans and
 * monthly reports builds its figures here, so the summary, the rankings and the monthly snapshot count as the domain
 * does (test/investment/agreement.e2e-spec.ts). Arguments are column expressions and already-bound parameter
 * placeholders (`$2::int`), never user input. Amounts stay `numeric` (exact); rates are integer hundredths of a percent.
 */

/** Report `r` counts in the figures (only submitted reports do). */
export function submittedReportSql(r: string): string {
  return `${r}.status = 'submitted'`;
}

/** Project `p` is expected to report (应报) in `year` (see `expectsReport`): a plan for that year, not completed nor cancelled. */
export function expectsReportSql(p: string, year: string): string {
  return `(${p}.stage NOT IN (${NON_REPORTING_STAGES.map((stage) => `'${stage}'`).join(', ')})
    AND EXISTS (SELECT 1 FROM investment_plan ip WHERE ip.project_id = ${p}.id AND ip.year = ${year}))`;
}

/** Report `r` is a submitted report of months 1–m of `year` (`monthKey` is 'YYYY-MM' of month m). */
export function submittedThroughSql(r: string, year: string, monthKey: string): string {
  return `(${submittedReportSql(r)} AND ${r}.year = ${year} AND ${r}.month <= ${monthKey})`;
}

/**
 * numerator ÷ denominator × 100 in hundredths of a percent, rounded half-up, null when the denominator is 0
 * (see `rateHundredths`): div() truncates exactly, so floor((2·n·10000 + d) ÷ 2d) is the half-up rounding.
 */
export function rateHundredthsSql(numerator: string, denominator: string): string {
  return `(CASE WHEN (${denominator}) > 0 THEN div(2 * (${numerator})::numeric * 10000 + (${denominator})::numeric, 2 * (${denominator})::numeric) END)`;
}

/** 序时进度 of months 1–m in hundredths: m ÷ 12. */
export function scheduleHundredthsSql(month: string): string {
  return rateHundredthsSql(month, '12');
}

/** A light from 序时进度 − 完成率 (hundredths) against the thresholds (hundredths): see `investmentLight`. */
export function investmentLightSql(rateHundredths: string, scheduleHundredths: string, yellowHundredths: string, redHundredths: string): string {
  const behind = `((${scheduleHundredths}) - (${rateHundredths}))`;
  return `(CASE WHEN (${rateHundredths}) IS NULL THEN 'green' WHEN ${behind} > ${redHundredths} THEN 'red'
     WHEN ${behind} >= ${yellowHundredths} THEN 'yellow' ELSE 'green' END)`;
}

/** The day project `p` started (`startedOn`): null at study or on hold from it, else its 开工 milestone's actual date. */
export function startedOnSql(p: string, groundbreakingOn: string): string {
  return `(CASE WHEN ${p}.stage = 'study' OR (${p}.stage = 'on_hold' AND COALESCE(${p}.previous_stage, 'study') = 'study') THEN NULL ELSE ${groundbreakingOn} END)`;
}

/** The day project `p` was completed (`completedOn`): at `complete`, its 竣工验收 (else 投入使用) actual date. */
export function completedOnSql(p: string, completionOn: string): string {
  return `(CASE WHEN ${p}.stage = 'complete' THEN ${completionOn} END)`;
}

/** `date` is set and not after `monthEnd` (`happenedBy`). */
export function happenedBySql(date: string, monthEnd: string): string {
  return `COALESCE(${date} <= ${monthEnd}, false)`;
}

/** Start light at month m (`startLight`): yellow from the month after the planned month, red from three months after. */
export function startLightSql(plannedStartMonth: string, startedOn: string, month: string, monthEnd: string): string {
  return `(CASE WHEN ${plannedStartMonth} IS NULL OR ${month} <= ${plannedStartMonth} OR ${happenedBySql(startedOn, monthEnd)} THEN 'green'
     WHEN ${month} - ${plannedStartMonth} >= ${START_RED_AFTER_MONTHS} THEN 'red' ELSE 'yellow' END)`;
}

/** Registration light at month m (`registrationLight`): started by then and not registered by then. */
export function registrationLightSql(startedOn: string, registeredOn: string, year: string, month: string, monthEnd: string): string {
  const since = `(${year} * 12 + ${month} - (extract(year FROM ${startedOn})::int * 12 + extract(month FROM ${startedOn})::int))`;
  return `(CASE WHEN NOT ${happenedBySql(startedOn, monthEnd)} OR ${happenedBySql(registeredOn, monthEnd)} THEN 'green'
     WHEN ${since} >= ${REGISTRATION_RED_AFTER_MONTHS} THEN 'red' WHEN ${since} >= ${REGISTRATION_YELLOW_AFTER_MONTHS} THEN 'yellow' ELSE 'green' END)`;
}

/** The worst of lights (text expressions): red over yellow over green. */
export function worstLightSql(...lights: string[]): string {
  const order = `ARRAY['green', 'yellow', 'red']::text[]`;
  return `(${order})[GREATEST(${lights.map((light) => `array_position(${order}, ${light})`).join(', ')})]`;
}

/** Planned to start (or complete) by month m (`basis` to_date) or this year at all (`plannedBy`). */
export function plannedBySql(plannedMonth: string, basis: 'to_date' | 'year', month: string): string {
  return basis === 'year' ? `(${plannedMonth} IS NOT NULL)` : `COALESCE(${plannedMonth} <= ${month}, false)`;
}

/** Already-bound placeholders of a figures period: year Y, month m, 'YYYY-MM' of m, the last day of m, the light thresholds in hundredths. */
export interface FiguresPeriodSql {
  readonly year: string;
  readonly month: string;
  readonly monthKey: string;
  readonly monthEnd: string;
  readonly yellow: string;
  readonly red: string;
}

/**
 * Every project's figures of year Y at month m, one row per project (the SQL twin of `projectInvestmentFigures` without
 * the reasons' text and the months): `planned`, `original`, `plan_version`, `psm`, `pcm` (null without a plan for Y),
 * `ytd` (submitted reports of months 1–m), `rate_h` and `schedule_h` (hundredths), `started_on`, `completed_on`,
 * `registered_on`, the lights `inv`, `st`, `reg` and their worst `light`. `p` (project), `u` (its unit) and `ip` (its plan
 * for Y) are in scope for `columns` and `where`, so the summary, the project list and the red list read the same figures.
 */
export function projectFiguresSql(period: FiguresPeriodSql, options: { columns?: string; where?: string } = {}): string {
  const { year, month, monthKey, monthEnd, yellow, red } = period;
  const rateH = rateHundredthsSql('f.ytd', 'f.planned');
  return `SELECT f.*, ${rateH} AS rate_h, ${scheduleHundredthsSql(month)} AS schedule_h, x.inv, x.st, x.reg, ${worstLightSql('x.inv', 'x.st', 'x.reg')} AS light
    FROM (
      SELECT p.id AS project_id, p.unit_id, ${options.columns ? `${options.columns},` : ''}
             ip.planned_investment AS planned, ip.original_investment AS original, ip.version AS plan_version,
             ip.planned_start_month AS psm, ip.planned_completion_month AS pcm, COALESCE(r.ytd, 0) AS ytd,
             ${startedOnSql('p', 'ms.groundbreaking_on')} AS started_on,
             ${completedOnSql('p', 'COALESCE(ms.acceptance_on, ms.in_service_on)')} AS completed_on,
             p.statistics_registered_on AS registered_on
      FROM project p
      JOIN unit u ON u.id = p.unit_id
      LEFT JOIN investment_plan ip ON ip.project_id = p.id AND ip.year = ${year}
      LEFT JOIN (
        SELECT r.project_id, sum(r.completed_investment) AS ytd FROM monthly_report r
        WHERE ${submittedThroughSql('r', year, monthKey)} GROUP BY r.project_id
      ) r ON r.project_id = p.id
      LEFT JOIN (
        -- One pass over the three milestones that date a start and a completion, hash-joined (not a subquery per project).
        SELECT m.project_id, max(m.actual_date) FILTER (WHERE m.code = 'groundbreaking') AS groundbreaking_on,
               max(m.actual_date) FILTER (WHERE m.code = 'acceptance') AS acceptance_on, max(m.actual_date) FILTER (WHERE m.code = 'in_service') AS in_service_on
        FROM milestone m WHERE m.code IN ('groundbreaking', 'acceptance', 'in_service') AND m.status = 'done' GROUP BY m.project_id
      ) ms ON ms.project_id = p.id
      WHERE ${options.where ?? 'true'}
    ) f, LATERAL (SELECT ${investmentLightSql(rateH, scheduleHundredthsSql(month), yellow, red)} AS inv,
                         ${startLightSql('f.psm', 'f.started_on', month, monthEnd)} AS st,
                         ${registrationLightSql('f.started_on', 'f.registered_on', year, month, monthEnd)} AS reg) x`;
}

/** The project light's level (`combineProjectLight` of libs/domain): the worst of the milestone RAG (amber is yellow) and the 调度's light. */
export function combinedLightSql(rag: string, light: string): string {
  return worstLightSql(`(CASE ${rag} WHEN 'amber' THEN 'yellow' ELSE ${rag} END)`, light);
}
