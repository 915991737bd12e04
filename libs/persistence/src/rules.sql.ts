import { INACTIVE_STATUSES, PROBLEM_AGE_BUCKETS, PROJECT_STATUSES, STAGES, STALE_DAYS } from '@qj/domain';

/**
 * The SQL renderings of the business rules in `libs/domain/src/rules.ts`: every query that counts overdue
 * milestones, stale projects or reached targets builds its condition here, so no two places can disagree.
 * Arguments are table aliases and already-bound parameter placeholders (`$2::date`), never user input.
 */

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
const INACTIVE = list(INACTIVE_STATUSES);

/** Position of a stage column in plan order (study 1, start 2, complete 3; null for on_hold and cancelled). */
export function stageOrderSql(column: string): string {
  return `array_position(ARRAY[${list(STAGES)}]::text[], ${column})`;
}

/** Position of a status column in the order lists sort by (the stages, then on_hold, cancelled). */
export function statusOrderSql(column: string): string {
  return `array_position(ARRAY[${list(PROJECT_STATUSES)}]::text[], ${column})`;
}

/** `p` is a project row: it still has work ahead (not completed, not cancelled). */
export function activeProjectSql(p: string): string {
  return `${p}.stage NOT IN (${INACTIVE})`;
}

/** The day milestone `m` is due: its forecast, else its baseline. */
export function dueDateSql(m: string): string {
  return `COALESCE(${m}.forecast_date, ${m}.baseline_date)`;
}

/** 最近更新 of project `p`: the latest change to the project or any of its milestones (the list sorts by it, the detail shows it). */
export function lastChangedAtSql(p: string): string {
  return `GREATEST(${p}.updated_at, ${p}.last_activity_at, (SELECT max(lc.updated_at) FROM milestone lc WHERE lc.project_id = ${p}.id))`;
}

/**
 * Project `p`'s next due milestone as JSON (id, code, name, dueDate, overdueDays on `today`), or null: the open
 * milestone due first (overdue ones first of all), in plan order among equals.
 */
export function nextMilestoneSql(p: string, today: string): string {
  return `(SELECT json_build_object('id', nm.id, 'code', nm.code, 'name', nm.name, 'dueDate', to_char(${dueDateSql('nm')}, 'YYYY-MM-DD'),
            'overdueDays', CASE WHEN ${overdueMilestoneSql('nm', p, today)} THEN ${overdueDaysSql('nm', today)} ELSE 0 END)
           FROM milestone nm WHERE nm.project_id = ${p}.id AND nm.status = 'pending' AND ${dueDateSql('nm')} IS NOT NULL
           ORDER BY ${dueDateSql('nm')}, nm.sort_order LIMIT 1)`;
}

/** Milestone `m` of project `p` is overdue on `today` (a date expression): open, due before today, project active. */
export function overdueMilestoneSql(m: string, p: string, today: string): string {
  return `(${m}.status = 'pending' AND ${dueDateSql(m)} < ${today} AND ${activeProjectSql(p)})`;
}

/** Days milestone `m` is past due on `today`; meaningful where `overdueMilestoneSql` holds. */
export function overdueDaysSql(m: string, today: string): string {
  return `(${today} - ${dueDateSql(m)})`;
}

/** The calendar day, in `timeZone` (a text expression), of project `p`'s last update by a person. */
export function lastActivityDaySql(p: string, timeZone: string): string {
  return `(${p}.last_activity_at AT TIME ZONE ${timeZone})::date`;
}

/** Project `p` is stale on `today`: active, and quiet for STALE_DAYS calendar days or more in `timeZone`. */
export function staleProjectSql(p: string, today: string, timeZone: string): string {
  return `(${activeProjectSql(p)} AND ${lastActivityDaySql(p, timeZone)} <= ${today} - ${STALE_DAYS})`;
}

/** Project `p` has reached its 2030 target (see `isTargetReached`). */
export function targetReachedSql(p: string): string {
  const index = stageOrderSql;
  return `(CASE WHEN ${p}.stage NOT IN (${list(STAGES)}) THEN false
     WHEN ${index(`${p}.stage`)} <> ${index(`${p}.target`)} THEN ${index(`${p}.stage`)} > ${index(`${p}.target`)}
     ELSE ${p}.target <> 'study' OR EXISTS (SELECT 1 FROM milestone tm WHERE tm.project_id = ${p}.id AND tm.realises_target AND tm.status = 'done') END)`;
}

/** Problem `pr` (问题清单) is overdue on `today` (see `isProblemOverdue`): not closed, due before today. */
export function overdueProblemSql(pr: string, today: string): string {
  return `(${pr}.status <> 'closed' AND ${pr}.due_date < ${today})`;
}

/** Days problem `pr` is past due on `today`; meaningful where `overdueProblemSql` holds. */
export function problemOverdueDaysSql(pr: string, today: string): string {
  return `(${today} - ${pr}.due_date)`;
}

/** The calendar day, in `timeZone` (a text expression), problem `pr` was raised on. */
export function problemRaisedOnSql(pr: string, timeZone: string): string {
  return `(${pr}.created_at AT TIME ZONE ${timeZone})::date`;
}

/** Problem `pr`'s age bucket on `today` (see `problemAgeBucket`), from PROBLEM_AGE_BUCKETS. */
export function problemAgeBucketSql(pr: string, today: string, timeZone: string): string {
  const age = `(${today} - ${problemRaisedOnSql(pr, timeZone)})`;
  const arms = PROBLEM_AGE_BUCKETS.map(({ bucket, maxDays }) => (maxDays === null ? `ELSE '${bucket}'` : `WHEN ${age} <= ${maxDays} THEN '${bucket}'`));
  return `(CASE ${arms.join(' ')} END)`;
}

/**
 * Who reads problem `pr` of project `p` beyond the DRC: the project's unit (who raised it) and the unit it is assigned
 * to (who answers it); `unit` is a SQL expression of a unit id. The problem list, a problem's page and its files
 * (FileRepository) all ask this; the access guard's `problem` resource names the same two units.
 */
export function problemInUnitSql(pr: string, p: string, unit: string): string {
  return `(${p}.unit_id = ${unit} OR ${pr}.assigned_unit_id = ${unit})`;
}
