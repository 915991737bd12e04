import { addDays, type CalendarDate } from './calendar-date';

/**
 * The months of the monthly 调度: a report month is `YYYY-MM` within the plan period (2026-01 … 2030-12); each
 * month's report (月报) is due on REPORT_DUE_DAY of the next month, a calendar day in APP_TIMEZONE.
 */

export type ReportMonth = string;

export const PLAN_YEARS = { from: 2026, to: 2030 } as const;
export const REPORT_MONTHS = { from: '2026-01', to: '2030-12' } as const;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isReportMonthFormat(value: unknown): value is ReportMonth {
  return typeof value === 'string' && MONTH_PATTERN.test(value);
}

/** A year of the plan period (2026–2030). */
export function isPlanYear(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= PLAN_YEARS.from && value <= PLAN_YEARS.to;
}

/** `YYYY-MM` within the plan period. */
export function isPlanMonth(value: unknown): value is ReportMonth {
  return isReportMonthFormat(value) && value >= REPORT_MONTHS.from && value <= REPORT_MONTHS.to;
}

/** The month a day falls in: 2027-03-14 → 2027-03. */
export function monthOfDate(date: CalendarDate): ReportMonth {
  return date.slice(0, 7);
}

export function yearOfMonth(month: ReportMonth): number {
  return Number(month.slice(0, 4));
}

/** Throws unless `month` is a month number, 1–12. */
export function assertMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be an integer 1–12 (got ${month})`);
}

/** Month m of year Y as `YYYY-MM`, the key of a monthly report: (2026, 10) → '2026-10'. */
export function monthKey(year: number, month: number): ReportMonth {
  assertMonth(month);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The last day of the month: what "by month m" means for a start, a completion or a registration. */
export function monthEnd(year: number, month: number): CalendarDate {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${monthKey(year, month)}-${String(last).padStart(2, '0')}`;
}

/** Whole months from the month of `date` to month m of year Y (0 in the same month; negative when `date` is later). */
export function monthsSince(date: CalendarDate, year: number, month: number): number {
  return year * 12 + month - (Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)));
}

/** The twelve months of a year, January first. */
export function monthsOfYear(year: number): ReportMonth[] {
  return Array.from({ length: 12 }, (_, index) => monthKey(year, index + 1));
}

/** 2027-12 → 2028-01. */
export function nextMonth(month: ReportMonth): ReportMonth {
  const [year, m] = month.split('-').map(Number);
  return m === 12 ? monthKey(year + 1, 1) : monthKey(year, m + 1);
}

/** 2028-01 → 2027-12. */
export function previousMonth(month: ReportMonth): ReportMonth {
  const [year, m] = month.split('-').map(Number);
  return m === 1 ? monthKey(year - 1, 12) : monthKey(year, m - 1);
}

/** The day a month's report is due: `dueDay` (1–28) of the next month. 2027-03 with 5 → 2027-04-05. */
export function reportDueOn(month: ReportMonth, dueDay: number): CalendarDate {
  return addDays(`${nextMonth(month)}-01`, dueDay - 1);
}

/** A report first submitted on `submittedOn` is late when that day is after its due day; on the due day it is on time. */
export function isLateSubmission(month: ReportMonth, submittedOn: CalendarDate, dueDay: number): boolean {
  return submittedOn > reportDueOn(month, dueDay);
}

/** A month not yet submitted is overdue once its due day has passed. */
export function isReportOverdue(month: ReportMonth, submitted: boolean, today: CalendarDate, dueDay: number): boolean {
  return !submitted && today > reportDueOn(month, dueDay);
}

/** Days before the due day from which owners with unreported projects are reminded (due − 3 … due). */
export const REPORT_REMINDER_DAYS = 3;

/**
 * What the daily report scan raises on `today`: `reminder` for the month whose due day is within the next
 * REPORT_REMINDER_DAYS days (today included), `late` for the latest month whose due day has passed. A scan that
 * missed days still raises them (once: the caller's unique key), and only for months of the plan period.
 */
export function reportNoticesDue(today: CalendarDate, dueDay: number): { reminder: ReportMonth | null; late: ReportMonth | null } {
  const current = monthOfDate(today);
  const last = previousMonth(current);
  const reminder =
    [last, current].find((month) => {
      const due = reportDueOn(month, dueDay);
      return today <= due && today >= addDays(due, -REPORT_REMINDER_DAYS);
    }) ?? null;
  const late = lastDueMonth(today, dueDay);
  return { reminder: reminder && isPlanMonth(reminder) ? reminder : null, late: isPlanMonth(late) ? late : null };
}

/** The latest month whose due day is before `today`: the month a digest speaks of. */
export function lastDueMonth(today: CalendarDate, dueDay: number): ReportMonth {
  const last = previousMonth(monthOfDate(today));
  return today > reportDueOn(last, dueDay) ? last : previousMonth(last);
}

/** Stages (项目状态) whose projects no longer report: completed (竣工) or cancelled (取消). */
export const NON_REPORTING_STAGES = ['complete', 'cancelled'] as const;

/**
 * Whether a project is expected to report (应报) a month: it has an annual plan (年度计划) for the month's year and
 * is still active (not completed nor cancelled; 暂缓 projects report, if only zero). A report counts as made once
 * submitted; a draft or a returned report is not one.
 */
export function expectsReport(project: { stage: string; hasPlanForYear: boolean }): boolean {
  return project.hasPlanForYear && !(NON_REPORTING_STAGES as readonly string[]).includes(project.stage);
}
