import { hundredthsToNumber, rateHundredths } from './investment';
import type { LocalizedLabel } from './stage';

/**
 * 前期手续 (approvals, 要件): what a project needs before it may start. Approvals are milestones of kind `approval`
 * (so dates, overdue, 不适用 and the workflow's guards treat them as milestones); their catalogue is data
 * (`libs/catalog/data/approvals.v<N>.json`), not code. The SQL twin of these rules is `libs/persistence/src/prework.sql.ts`.
 */

/** The four states an approval shows: 未启动, 办理中, 已办结, 不适用. */
export const APPROVAL_STATUSES = ['not_started', 'in_progress', 'done', 'not_applicable'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const APPROVAL_STATUS_LABELS: Readonly<Record<ApprovalStatus, LocalizedLabel>> = {
  not_started: { zh: '未启动', en: 'Not started' },
  in_progress: { zh: '办理中', en: 'In progress' },
  done: { zh: '已办结', en: 'Done' },
  not_applicable: { zh: '不适用', en: 'Not applicable' },
};

export function isApprovalStatus(value: unknown): value is ApprovalStatus {
  return typeof value === 'string' && (APPROVAL_STATUSES as readonly string[]).includes(value);
}

/**
 * An approval's status from its milestone: the milestone's own status (pending, done, not_applicable) stays what every
 * other rule reads — an approval 办理中 is still open, so it can be overdue — and `inProgress` tells 办理中 from 未启动.
 */
export function approvalStatusOf(milestone: { status: string; inProgress: boolean }): ApprovalStatus {
  if (milestone.status === 'done') return 'done';
  if (milestone.status === 'not_applicable') return 'not_applicable';
  return milestone.inProgress ? 'in_progress' : 'not_started';
}

/** The milestone columns an approval status is written as. */
export function milestoneStateOf(status: ApprovalStatus): { status: 'pending' | 'done' | 'not_applicable'; inProgress: boolean } {
  if (status === 'done' || status === 'not_applicable') return { status, inProgress: false };
  return { status: 'pending', inProgress: status === 'in_progress' };
}

/** Counts of a set of required approvals: how many there are, how many are done, how many 不适用. */
export interface ApprovalCounts {
  readonly required: number;
  readonly done: number;
  readonly notApplicable: number;
}

/**
 * 前期手续办结率 = done ÷ (required − not applicable), in %, two decimals (rounded half up, as every rate of the
 * tracker); null when nothing is left to require. An approval marked 不适用 is settled but not obtained: it leaves the
 * denominator rather than counting as done.
 */
export function preworkRate(counts: ApprovalCounts): number | null {
  const { required, done, notApplicable } = counts;
  if (![required, done, notApplicable].every((n) => Number.isInteger(n) && n >= 0) || done + notApplicable > required) {
    throw new RangeError(`inconsistent approval counts: ${JSON.stringify(counts)}`);
  }
  const hundredths = rateHundredths(BigInt(done), BigInt(required - notApplicable));
  return hundredths === null ? null : hundredthsToNumber(hundredths);
}

/** Tallies approvals (by their status) into the counts the rate divides. */
export function countApprovals(statuses: Iterable<ApprovalStatus>): ApprovalCounts {
  let required = 0;
  let done = 0;
  let notApplicable = 0;
  for (const status of statuses) {
    required += 1;
    if (status === 'done') done += 1;
    if (status === 'not_applicable') notApplicable += 1;
  }
  return { required, done, notApplicable };
}

/**
 * Which projects the district's 前期手续办结率 counts: those in preparation (前期研究) now. A started project's approvals
 * are behind it, a held or cancelled one is not being prepared.
 */
export function isInPreparation(status: string): boolean {
  return status === 'study';
}
