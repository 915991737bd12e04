import { diffDays, todayIn, type CalendarDate } from './calendar-date';
import { problemOverdueDays } from './rules';

/**
 * The problem list (问题清单): what blocks a project, raised by its owners, assigned by the DRC to the unit that can
 * solve it with a due date, answered there and closed (销号) by the DRC.
 */
export const PROBLEM_CATEGORIES = ['land', 'demolition', 'funding', 'approval', 'utilities', 'planning', 'other'] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];

/** The categories as the district names them. */
export const PROBLEM_CATEGORY_LABELS: Readonly<Record<ProblemCategory, string>> = {
  land: '用地',
  demolition: '征地拆迁',
  funding: '资金',
  approval: '审批',
  utilities: '水电气等要素',
  planning: '规划',
  other: '其他',
};

/** open: raised, not yet assigned; assigned: a unit answers it by its due date; closed: 销号 by a reviewer (reopening goes back). */
export const PROBLEM_STATUSES = ['open', 'assigned', 'closed'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const PROBLEM_STATUS_LABELS: Readonly<Record<ProblemStatus, string>> = { open: '待交办', assigned: '已交办', closed: '已销号' };

export function isProblemCategory(value: unknown): value is ProblemCategory {
  return typeof value === 'string' && (PROBLEM_CATEGORIES as readonly string[]).includes(value);
}

/** Where a reopened problem goes back to: to its unit when it had one, else to the DRC's desk. */
export function reopenedStatus(problem: { assignedUnitId: string | null }): ProblemStatus {
  return problem.assignedUnitId ? 'assigned' : 'open';
}

/**
 * An overdue problem escalates, each level once per due date: `overdue` the day after it (its unit and the reviewers
 * are told), `supervision` once it is `supervisionAfterDays` overdue (a numbered 督办单 to its unit and the leaders).
 */
export type ProblemEscalationLevel = 'overdue' | 'supervision';

export function problemEscalationLevels(overdueDays: number, supervisionAfterDays: number): ProblemEscalationLevel[] {
  if (overdueDays < 1) return [];
  return overdueDays >= supervisionAfterDays ? ['overdue', 'supervision'] : ['overdue'];
}

/**
 * How long an open problem has waited (days since it was raised, calendar days in APP_TIMEZONE): the dashboard's age
 * buckets, each up to and including `maxDays` (the last has no end). Problems open for long appear in the bulletin.
 * SQL twin: `problemAgeBucketSql` (libs/persistence/src/rules.sql.ts), built from this list.
 */
export const PROBLEM_AGE_BUCKETS = [
  { bucket: 'week', label: '7天以内', maxDays: 7 },
  { bucket: 'month', label: '8–30天', maxDays: 30 },
  { bucket: 'quarter', label: '31–90天', maxDays: 90 },
  { bucket: 'older', label: '90天以上', maxDays: null },
] as const satisfies ReadonlyArray<{ bucket: string; label: string; maxDays: number | null }>;
export type ProblemAgeBucket = (typeof PROBLEM_AGE_BUCKETS)[number]['bucket'];

/** The age bucket of a problem raised on `raisedOn` (its calendar day in APP_TIMEZONE), on `today`. */
export function problemAgeBucket(raisedOn: CalendarDate, today: CalendarDate): ProblemAgeBucket {
  const age = diffDays(today, raisedOn);
  for (const { bucket, maxDays } of PROBLEM_AGE_BUCKETS) if (maxDays === null || age <= maxDays) return bucket;
  return 'older';
}

/** Calendar days a 督办单 gives its unit to answer in writing. */
export const SUPERVISION_REPLY_DAYS = 5;

/** A 督办单's number as the district writes it: 督办〔2027〕3号 (numbered from 1 each year). */
export function supervisionNoticeNumber(year: number, sequence: number): string {
  return `督办〔${year}〕${sequence}号`;
}

/**
 * A problem as a report over a period reads it: its status and due date now, and the calendar days (APP_TIMEZONE) it
 * was raised and closed (销号; null while not closed — reopening clears the closing).
 */
export interface DatedProblem {
  status: string;
  dueDate: CalendarDate | null;
  raisedOn: CalendarDate;
  closedOn: CalendarDate | null;
}

/**
 * What a problem was on `day` (as the list would have answered that day): null before it was raised, closed from the
 * day of its 销号, else open — a problem closed later was still open then. Its due date is the one it has now.
 */
export function problemStatusOn(problem: DatedProblem, day: CalendarDate): 'open' | 'closed' | null {
  if (problem.raisedOn > day) return null;
  return problem.closedOn !== null && problem.closedOn <= day ? 'closed' : 'open';
}

/** What a period's report says of problems: raised (新增) and closed (销号) in it, and not closed and overdue on `asOf`. */
export interface ProblemPeriodCounts {
  opened: number;
  closed: number;
  openAtEnd: number;
  overdueAtEnd: number;
}

/**
 * The counts of a period [from, to] (whole days, both included), open and overdue as on `asOf` (its last day, or
 * today when it has not ended) by the one overdue rule (`problemOverdueDays`).
 */
export function countProblems(problems: readonly DatedProblem[], period: { from: CalendarDate; to: CalendarDate }, asOf: CalendarDate): ProblemPeriodCounts {
  const counts: ProblemPeriodCounts = { opened: 0, closed: 0, openAtEnd: 0, overdueAtEnd: 0 };
  for (const problem of problems) {
    if (problem.raisedOn >= period.from && problem.raisedOn <= period.to) counts.opened += 1;
    if (problem.closedOn !== null && problem.closedOn >= period.from && problem.closedOn <= period.to) counts.closed += 1;
    if (problemStatusOn(problem, asOf) === 'open') {
      counts.openAtEnd += 1;
      if (problemOverdueDaysOn(problem, asOf) > 0) counts.overdueAtEnd += 1;
    }
  }
  return counts;
}

/** Days the problem was overdue on `day` (0 when it was not, or did not exist yet): the rule applied to its status then. */
export function problemOverdueDaysOn(problem: DatedProblem, day: CalendarDate): number {
  const status = problemStatusOn(problem, day);
  return status === null ? 0 : problemOverdueDays({ status, dueDate: problem.dueDate }, day);
}

/** A problem row read from the database (timestamps) as a report over days reads it, the days in `timeZone` (APP_TIMEZONE). */
export function datedProblem<T extends { status: string; dueDate: CalendarDate | null; createdAt: Date; closedAt: Date | null }>(
  row: T,
  timeZone: string,
): T & DatedProblem {
  return { ...row, raisedOn: todayIn(timeZone, row.createdAt), closedOn: row.closedAt ? todayIn(timeZone, row.closedAt) : null };
}
