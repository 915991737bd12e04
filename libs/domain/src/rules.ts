import { diffDays, todayIn, type CalendarDate } from './calendar-date';
import { isStage, stageIndex, type ProjectStatus, type Stage } from './stage';

/**
 * The tracker's business rules, each defined once. Every query renders them through
 * `libs/persistence/src/rules.sql.ts` (the SQL twin of this file), so the dashboard, the list filters, the alerts,
 * the digest and the export count the same things. A test checks that the two renderings agree.
 */

/** pending: open; done: has its actual date; not_applicable (不适用): settled by its owner with a reason. */
export const MILESTONE_STATUSES = ['pending', 'done', 'not_applicable'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** A project counts for overdue and stale only while it still has work ahead: not completed, not cancelled. */
export const INACTIVE_STATUSES: readonly ProjectStatus[] = ['complete', 'cancelled'];

export function isActiveStatus(status: ProjectStatus): boolean {
  return !INACTIVE_STATUSES.includes(status);
}

/** A project with no update by a person for this many days (in APP_TIMEZONE calendar days) is stale (长期未更新). */
export const STALE_DAYS = 30;

/** The day a milestone is due: its forecast when the owner gave one, else its baseline. */
export function dueDateOf(milestone: { forecastDate?: CalendarDate | null; baselineDate: CalendarDate | null }): CalendarDate | null {
  return milestone.forecastDate ?? milestone.baselineDate;
}

/**
 * Days a milestone is overdue on `today` (0 when it is not): open, due before today, its project active.
 * A milestone due today is not yet overdue.
 */
export function overdueDays(
  milestone: { status: string; forecastDate?: CalendarDate | null; baselineDate: CalendarDate | null },
  projectStatus: ProjectStatus,
  today: CalendarDate,
): number {
  const due = dueDateOf(milestone);
  if (milestone.status !== 'pending' || !due || !isActiveStatus(projectStatus)) return 0;
  return Math.max(0, diffDays(today, due));
}

export function isMilestoneOverdue(
  milestone: { status: string; forecastDate?: CalendarDate | null; baselineDate: CalendarDate | null },
  projectStatus: ProjectStatus,
  today: CalendarDate,
): boolean {
  return overdueDays(milestone, projectStatus, today) > 0;
}

/** Stale: active, and the last update by a person was STALE_DAYS or more calendar days before `today`. */
export function isStale(project: { status: ProjectStatus; lastActivityDay: CalendarDate }, today: CalendarDate): boolean {
  return isActiveStatus(project.status) && diffDays(today, project.lastActivityDay) >= STALE_DAYS;
}

/**
 * Whether a project has reached its 2030 target: it is past the target stage, or at it with the target realised —
 * at `start` or `complete` the stage itself is the target (the approval completed its milestone); a `study` target
 * is reached when its feasibility approval (the milestone that realises it) is done. Held and cancelled: not reached.
 */
export function isTargetReached(project: { status: ProjectStatus; target: Stage }, targetMilestoneDone: boolean): boolean {
  if (!isStage(project.status)) return false;
  const at = stageIndex(project.status);
  const target = stageIndex(project.target);
  if (at !== target) return at > target;
  return project.target !== 'study' || targetMilestoneDone;
}

/** "Today" as the rules count it: a calendar day in the tracker's time zone (APP_TIMEZONE), and that zone. */
export interface BusinessDay {
  readonly today: CalendarDate;
  readonly timeZone: string;
}

export function businessDay(timeZone: string, now: Date = new Date()): BusinessDay {
  return { today: todayIn(timeZone, now), timeZone };
}

/**
 * Days a problem (问题清单) is overdue on `today` (0 when it is not): not closed, and its due date (the one the DRC
 * set when assigning it) before today. A problem due today is not yet overdue; one without a due date never is.
 */
export function problemOverdueDays(problem: { status: string; dueDate: CalendarDate | null }, today: CalendarDate): number {
  if (problem.status === 'closed' || !problem.dueDate) return 0;
  return Math.max(0, diffDays(today, problem.dueDate));
}

export function isProblemOverdue(problem: { status: string; dueDate: CalendarDate | null }, today: CalendarDate): boolean {
  return problemOverdueDays(problem, today) > 0;
}
