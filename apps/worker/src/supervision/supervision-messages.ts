import type { OverdueProblem } from '@qj/persistence';

/** The day after its due date: the assigned unit and the reviewers hear the problem is overdue. */
export function problemOverdue(problem: OverdueProblem): { title: string; body: string } {
  return {
    title: `【问题逾期】${problem.title}（${problem.unitName}）`,
    body: `「${problem.projectName}」的问题「${problem.title}」交办${problem.unitName}，办结时限 ${problem.dueDate}，已逾期 ${problem.overdueDays} 天。请尽快办理并在问题清单中答复。`,
  };
}

/** A 督办单 issued: the unit it is sent to, the reviewers and the leaders hear its number and the reply date. */
export function supervisionIssued(problem: OverdueProblem, number: string, replyBy: string): { title: string; body: string } {
  return {
    title: `【督办】${number} ${problem.title}`,
    body: `「${problem.projectName}」的问题「${problem.title}」交办${problem.unitName}后已逾期 ${problem.overdueDays} 天，现发出督办单 ${number}，请${problem.unitName}于 ${replyBy} 前在问题清单中书面答复。督办单可在系统中下载。`,
  };
}
