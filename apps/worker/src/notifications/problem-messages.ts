import { PROBLEM_CATEGORY_LABELS, ProblemCategory } from '@qj/domain';
import type { ProblemFacts } from '@qj/persistence';
import type { WorkflowMessage } from './workflow-messages';

const category = (problem: ProblemFacts): string => PROBLEM_CATEGORY_LABELS[problem.category as ProblemCategory] ?? '其他';
const unitOf = (problem: ProblemFacts): string => problem.assignedUnitName ?? '责任单位';

/** A problem raised (问题清单): the DRC's reviewers hear what blocks the project, to assign it. */
export function problemRaised(problem: ProblemFacts, actorName: string): WorkflowMessage {
  return {
    title: `【新问题】${problem.projectName}：${problem.title}`,
    body: `${problem.projectUnitName} ${actorName} 为「${problem.projectName}」提出问题「${problem.title}」（${category(problem)}），希望 ${problem.neededBy} 前解决。问题描述：${problem.description}。请交办给能解决的单位。`,
  };
}

/** Assigned (交办): the unit that must answer, and the project's owners, hear to whom and by when. */
export function problemAssigned(problem: ProblemFacts, actorName: string): WorkflowMessage {
  return {
    title: `【问题交办】${problem.title}（${unitOf(problem)}，${problem.dueDate} 前答复）`,
    body: `「${problem.projectName}」的问题「${problem.title}」（${category(problem)}）已由 ${actorName} 交办${unitOf(problem)}，请于 ${problem.dueDate} 前答复。问题描述：${problem.description}。`,
  };
}

/** A reply in the thread: the others concerned read it. */
export function problemReplied(problem: ProblemFacts, authorName: string, text: string): WorkflowMessage {
  return {
    title: `【问题回复】${problem.title}`,
    body: `${authorName} 回复了「${problem.projectName}」的问题「${problem.title}」：${text}`,
  };
}

/** Closed (销号) or reopened by a reviewer: both units hear it, with the note. */
export function problemClosedOrReopened(problem: ProblemFacts, closed: boolean, actorName: string, note: string | null): WorkflowMessage {
  return closed
    ? {
        title: `【问题销号】${problem.title}`,
        body: `「${problem.projectName}」的问题「${problem.title}」已由 ${actorName} 销号。说明：${note ?? '无'}。`,
      }
    : {
        title: `【问题重新打开】${problem.title}`,
        body: `「${problem.projectName}」的问题「${problem.title}」已由 ${actorName} 重新打开${problem.assignedUnitName ? `，仍由${problem.assignedUnitName}办理，办结时限 ${problem.dueDate}` : '，等待交办'}。原因：${note ?? '无'}。`,
      };
}
