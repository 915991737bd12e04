import type { Actor, ApprovalRule, WorkflowDefinition } from './workflow.types';

/** What a stored, pending request needs to be judged: which transition and who asked. */
export interface PendingRequest {
  readonly transitionId: string;
  readonly requestedBy: string;
}

export type ApprovalRefusalCode = 'unknown_transition' | 'approval_not_required' | 'own_request' | 'forbidden';
export type ApprovalCheck = { readonly ok: true } | { readonly ok: false; readonly code: ApprovalRefusalCode; readonly message: string };

export function approvalRuleOf<State extends string, Evidence>(definition: WorkflowDefinition<State, Evidence>, transitionId: string): ApprovalRule | null {
  return definition.transitions.find((t) => t.id === transitionId)?.approval ?? null;
}

export function hasAnyRole(actor: Actor, roles: readonly string[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}

/**
 * Whether `actor` may approve `request`. Own request is checked before role, so a reviewer who
 * filed a request hears the real reason (four-eyes), not "wrong role".
 */
export function canApprove<State extends string, Evidence>(
  definition: WorkflowDefinition<State, Evidence>,
  request: PendingRequest,
  actor: Actor,
): ApprovalCheck {
  const rule = approvalRuleOf(definition, request.transitionId);
  if (!rule) return { ok: false, code: 'unknown_transition', message: `流程中没有此操作：${request.transitionId}` };
  if (!rule.required) return { ok: false, code: 'approval_not_required', message: '此操作无需审批' };
  if (request.requestedBy === actor.id) return { ok: false, code: 'own_request', message: '不能审批本人提交的申请' };
  if (!hasAnyRole(actor, rule.by)) return { ok: false, code: 'forbidden', message: '无权审批此申请' };
  return { ok: true };
}
