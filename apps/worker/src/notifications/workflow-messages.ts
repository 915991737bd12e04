import { AuditChange, describeChange, stageText } from '@qj/domain';
import type { AuditFacts, MilestoneFacts, RebaselineRequestFacts, TransitionRequestFacts } from '@qj/persistence';

/** What a notification says: its title (also the mail's subject) and one paragraph (the mail's body). */
export interface WorkflowMessage {
  title: string;
  body: string;
}

const sentence = (change: AuditChange): string => `${describeChange(change)}。`;
const decisionTag = (status: string): string => (status === 'approved' ? '已批准' : '已退回');

/** A transition request as an audit row would tell it, so its sentence is describeChange's. */
const transitionChange = (request: TransitionRequestFacts, action: string, comment: string | null): AuditChange => ({
  action,
  before: { stage: request.fromStage },
  after: { stage: request.toStage },
  comment,
});

export function transitionRequested(request: TransitionRequestFacts): WorkflowMessage {
  const change = transitionChange(request, 'transition.requested', request.reason);
  return {
    title: `【待审批】${request.projectName}：申请 ${stageText(request.fromStage)} → ${stageText(request.toStage)}`,
    body: `${request.requesterName} 为「${request.projectName}」提交了阶段转换申请：${sentence(change)}请在审批页处理。`,
  };
}

export function transitionDecided(request: TransitionRequestFacts): WorkflowMessage {
  const action = request.status === 'approved' ? 'transition.approved' : 'transition.rejected';
  return {
    title: `【${decisionTag(request.status)}】${request.projectName}：${describeChange(transitionChange(request, action, null))}`,
    body: `「${request.projectName}」${sentence(transitionChange(request, action, request.decisionComment))}审核人：${request.deciderName ?? '审核人'}；申请人：${request.requesterName}。`,
  };
}

export function transitionWithdrawn(request: TransitionRequestFacts): WorkflowMessage {
  return {
    title: `【已撤回】${request.projectName}：${describeChange(transitionChange(request, 'transition.withdrawn', null))}`,
    body: `${request.requesterName} 撤回了「${request.projectName}」的申请：${sentence(transitionChange(request, 'transition.withdrawn', null))}无需再审批。`,
  };
}

/** An administrator's direct change of stage (no request): the unit's owners hear it with its reason. */
export function transitionOverridden(projectName: string, audit: AuditFacts): WorkflowMessage {
  const change: AuditChange = { action: 'transition.overridden', before: audit.before, after: audit.after, comment: audit.comment };
  return {
    title: `【管理员调整】${projectName}：${describeChange({ ...change, comment: null })}`,
    body: `「${projectName}」${sentence(change)}操作人：${audit.actorName}。`,
  };
}

const rebaselineChange = (request: RebaselineRequestFacts, action: string, comment: string | null): AuditChange => ({
  action,
  milestoneName: request.milestoneName,
  before: { baselineDate: request.currentBaseline },
  after: { baselineDate: action === 'rebaseline.requested' || request.status === 'approved' ? request.proposedBaseline : request.currentBaseline },
  comment,
});

export function rebaselineRequested(request: RebaselineRequestFacts): WorkflowMessage {
  return {
    title: `【待审批】${request.projectName}：${describeChange(rebaselineChange(request, 'rebaseline.requested', null))}`,
    body: `${request.requesterName} 为「${request.projectName}」提交了基线调整申请：${sentence(rebaselineChange(request, 'rebaseline.requested', request.reason))}请在审批页处理。`,
  };
}

export function rebaselineDecided(request: RebaselineRequestFacts): WorkflowMessage {
  const action = request.status === 'approved' ? 'milestone.rebaselined' : 'rebaseline.rejected';
  const asked = `申请将基线日期由 ${request.currentBaseline ?? '未填'} 调整为 ${request.proposedBaseline}`;
  return {
    title: `【${decisionTag(request.status)}】${request.projectName}：${describeChange(rebaselineChange(request, action, null))}`,
    body: `「${request.projectName}」${sentence(rebaselineChange(request, action, request.decisionComment))}${action === 'rebaseline.rejected' ? `（${asked}）` : ''}审核人：${request.deciderName ?? '审核人'}；申请人：${request.requesterName}。`,
  };
}

export function rebaselineWithdrawn(request: RebaselineRequestFacts): WorkflowMessage {
  return {
    title: `【已撤回】${request.projectName}：${describeChange(rebaselineChange(request, 'rebaseline.withdrawn', null))}`,
    body: `${request.requesterName} 撤回了「${request.projectName}」的基线调整申请（${request.milestoneName} 基线日期 ${request.currentBaseline ?? '未填'} → ${request.proposedBaseline}），无需再审批。`,
  };
}

/** A milestone marked 不适用 (or applicable again) by its owner: the reviewers hear what and why. */
export function milestoneApplicability(milestone: MilestoneFacts, applicable: boolean, actorName: string | null, reason: string | null): WorkflowMessage {
  const action = applicable ? 'milestone.applicable_again' : 'milestone.marked_not_applicable';
  const change: AuditChange = { action, milestoneName: milestone.name, comment: reason };
  return {
    title: `【${applicable ? '恢复适用' : '不适用'}】${milestone.projectName}：${describeChange({ ...change, comment: null })}`,
    body: `「${milestone.projectName}」${sentence(change)}${actorName ? `操作人：${actorName}。` : ''}`,
  };
}

/** A month's bulletin (调度通报) generated as a draft, for the reviewers to read and publish. */
export function bulletinReady(month: string, period: string, requesterName: string | null): WorkflowMessage {
  const [year] = month.split('-');
  return {
    title: `【调度通报】${year}年${period}调度通报草稿已生成`,
    body: `${requesterName ? `${requesterName} 申请生成的` : ''}${year}年${period}重点项目调度通报（Word 正文及 Excel 附表）已生成草稿，请审阅后发布；发布后该月月报将不能再修改。`,
  };
}
