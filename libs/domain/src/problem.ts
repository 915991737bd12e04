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
