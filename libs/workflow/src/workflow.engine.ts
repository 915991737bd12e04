import { approvalRuleOf, canApprove, hasAnyRole, type ApprovalCheck, type PendingRequest } from './approval.policy';
import { builtinGuards, isPresent } from './builtin.guards';
import { defineWorkflow, fromStates } from './workflow-definition.validator';
import {
  RETURN_TO_PREVIOUS,
  type Accepted,
  type Actor,
  type AllowedTransition,
  type Decision,
  type DomainEvent,
  type FailedGuard,
  type GuardContext,
  type GuardRegistry,
  type GuardState,
  type MilestoneCompletion,
  type Refusal,
  type RefusalCode,
  type TransitionDefinition,
  type TransitionEventPayload,
  type WorkflowCommand,
  type WorkflowDefinition,
  type WorkflowSnapshot,
} from './workflow.types';

type Def<S extends string, E> = WorkflowDefinition<S, E>;
type Transition<S extends string, E> = TransitionDefinition<S, E>;

function isDeclaredState<S extends string, E>(definition: Def<S, E>, state: unknown): state is S {
  return typeof state === 'string' && Object.prototype.hasOwnProperty.call(definition.states, state);
}

function labelOf<S extends string, E>(definition: Def<S, E>, state: S): string {
  return definition.states[state]?.label.zh ?? state;
}

/** The concrete state a transition leads to from this snapshot; null when a return has nowhere to go. */
export function resolveTarget<S extends string, E>(definition: Def<S, E>, transition: Transition<S, E>, snapshot: WorkflowSnapshot<S>): S | null {
  if (transition.to !== RETURN_TO_PREVIOUS) return transition.to;
  const previous = snapshot.previousState;
  return isDeclaredState(definition, previous) && previous !== snapshot.state ? previous : null;
}

/** The declared transition from the snapshot's state to `to`; the validator guarantees at most one. */
export function findTransition<S extends string, E>(definition: Def<S, E>, snapshot: WorkflowSnapshot<S>, to: S): Transition<S, E> | undefined {
  return definition.transitions.find((t) => fromStates(t).includes(snapshot.state) && resolveTarget(definition, t, snapshot) === to);
}

/**
 * Each guard of a transition as it stands before any evidence is given: the checklist an owner reads before the
 * form. A milestone the form's dates will complete (`needs_evidence`) does not make the guard fail here.
 */
function guardStates<S extends string, E>(
  definition: Def<S, E>,
  transition: Transition<S, E>,
  snapshot: WorkflowSnapshot<S>,
  actor: Actor,
  to: S,
  guards: GuardRegistry,
): GuardState[] {
  const context = { definition, transition, snapshot, command: { kind: 'request', to, actor, evidence: {}, now: new Date() } } as unknown as GuardContext;
  return Object.entries(transition.guards ?? {}).map(([guard, params]) => {
    const fn = guards[guard];
    const outcome = fn ? fn(params, context) : { ok: false as const, detail: `未注册的校验规则：${guard}`, checklist: [] };
    const checklist = outcome.checklist ?? [];
    const ok = outcome.ok || (checklist.length > 0 && checklist.every((item) => item.state !== 'pending'));
    return { guard, ok, detail: ok ? null : outcome.ok ? null : outcome.detail, checklist };
  });
}

/** Transitions from the current state that `actor` may request or approve (empty in a terminal state), with their guards' state. */
export function allowedTransitions<S extends string, E>(
  definition: Def<S, E>,
  snapshot: WorkflowSnapshot<S>,
  actor: Actor,
  guards: GuardRegistry = builtinGuards,
): AllowedTransition<S>[] {
  if (!isDeclaredState(definition, snapshot.state) || definition.states[snapshot.state].terminal) return [];
  const allowed: AllowedTransition<S>[] = [];
  for (const t of definition.transitions) {
    const to = fromStates(t).includes(snapshot.state) ? resolveTarget(definition, t, snapshot) : null;
    if (to === null) continue;
    const canRequest = hasAnyRole(actor, t.requestableBy);
    const canApproveIt = t.approval.required && hasAnyRole(actor, t.approval.by);
    if (!canRequest && !canApproveIt) continue;
    allowed.push({
      transitionId: t.id,
      name: t.name,
      to,
      canRequest,
      canApprove: canApproveIt,
      requiresApproval: t.approval.required,
      approverRoles: t.approval.required ? t.approval.by : [],
      requiredEvidence: t.requiredEvidence ?? [],
      requiresReason: t.requiresReason ?? false,
      guards: guardStates(definition, t, snapshot, actor, to, guards),
    });
  }
  return allowed;
}

/** States an admin override could move this snapshot to, for the admin's UI. */
export function overrideTargets<S extends string, E>(definition: Def<S, E>, snapshot: WorkflowSnapshot<S>, actor: Actor): S[] {
  const rule = definition.adminOverride;
  if (!isDeclaredState(definition, snapshot.state) || !hasAnyRole(actor, rule.roles)) return [];
  if (definition.states[snapshot.state].terminal && !rule.allowFromTerminal) return [];
  const targets = rule.targets ?? (Object.keys(definition.states) as S[]);
  return targets.filter((s) => s !== snapshot.state);
}

interface Checks {
  readonly reasonMissing: boolean;
  readonly missingEvidence: string[];
  readonly failedGuards: FailedGuard[];
}

function runChecks<S extends string, E>(
  definition: Def<S, E>,
  transition: Transition<S, E>,
  snapshot: WorkflowSnapshot<S>,
  command: WorkflowCommand<S, E>,
  guards: GuardRegistry,
): Checks {
  const evidence = (command.evidence ?? {}) as Record<string, unknown>;
  const missingEvidence = (transition.requiredEvidence ?? []).filter((field) => !isPresent(evidence[field]));
  // Guard functions are typed against the loosest context; the definition's own types are narrower.
  const context = { definition, transition, snapshot, command } as unknown as GuardContext;
  const failedGuards: FailedGuard[] = [];
  for (const [guard, params] of Object.entries(transition.guards ?? {})) {
    const fn = guards[guard];
    // An unregistered guard fails closed: a missing check must not read as a passed one.
    const outcome = fn ? fn(params, context) : { ok: false as const, detail: `未注册的校验规则：${guard}`, missing: [] };
    if (!outcome.ok) failedGuards.push({ guard, detail: outcome.detail, missing: outcome.missing ?? [] });
  }
  return { reasonMissing: Boolean(transition.requiresReason) && !isPresent(command.reason), missingEvidence, failedGuards };
}

function previousAfter<S extends string, E>(definition: Def<S, E>, from: S, to: S, previous: S | null): S | null {
  if (!definition.states[to].remembersPrevious) return null;
  // Moving between two holding states keeps the stage originally left.
  return definition.states[from].remembersPrevious ? previous : from;
}

function text(value: string | null | undefined): string | null {
  return isPresent(value) ? (value as string).trim() : null;
}

/**
 * Decides a command against a snapshot; pure, so the caller persists the new state and the events
 * together (outbox) and a refusal changes nothing. Checks run in a fixed order — state, version,
 * terminality, route, role, then reason/evidence/guards — and a refusal still lists every missing
 * piece of evidence and failed guard so the user can fix everything at once.
 */
export function decide<S extends string, E>(
  definition: Def<S, E>,
  snapshot: WorkflowSnapshot<S>,
  command: WorkflowCommand<S, E>,
  guards: GuardRegistry = builtinGuards,
): Decision<S> {
  const known = isDeclaredState(definition, snapshot.state);
  const previous = snapshot.previousState ?? null;
  type RefusalExtra = Partial<Pick<Refusal<S>, 'transitionId' | 'failedGuards' | 'missingEvidence'>>;
  const refuse = (code: RefusalCode, message: string, extra: RefusalExtra = {}): Refusal<S> => ({
    ok: false,
    code,
    message,
    currentState: snapshot.state,
    previousState: previous,
    requestedState: command.to ?? null,
    transitionId: extra.transitionId ?? null,
    allowed: known ? allowedTransitions(definition, snapshot, command.actor, guards) : [],
    failedGuards: extra.failedGuards ?? [],
    missingEvidence: extra.missingEvidence ?? [],
  });

  if (!known) return refuse('unknown_state', `未知状态：${snapshot.state}`);
  if (command.expectedVersion !== undefined && command.expectedVersion !== snapshot.version) {
    return refuse('version_conflict', '项目已被他人更新，请刷新后重试');
  }
  const override = definition.adminOverride;
  if (definition.states[snapshot.state].terminal && !(command.kind === 'override' && override.allowFromTerminal)) {
    return refuse('terminal_state', `项目已${labelOf(definition, snapshot.state)}，状态不能再变更`);
  }
  if (!isDeclaredState(definition, command.to)) return refuse('unknown_state', `未知状态：${String(command.to)}`);
  const notAllowed = () => refuse('transition_not_allowed', `不能从「${labelOf(definition, snapshot.state)}」变更为「${labelOf(definition, command.to)}」`);

  const accept = (transition: Transition<S, E> | null, events: readonly string[], bypassed?: TransitionEventPayload<S>['bypassed']): Accepted<S> => {
    const changes = command.kind !== 'request';
    const state = changes ? command.to : snapshot.state;
    const previousState = changes ? previousAfter(definition, snapshot.state, command.to, previous) : previous;
    const version = changes ? snapshot.version + 1 : snapshot.version;
    const payload: TransitionEventPayload<S> = {
      workflowId: definition.id,
      workflowVersion: definition.version,
      kind: command.kind,
      transitionId: transition?.id ?? null,
      from: snapshot.state,
      to: command.to,
      previousState,
      reason: text(command.reason),
      comment: text(command.comment),
      evidence: { ...(command.evidence ?? {}) },
      requestedBy: command.kind === 'request' ? command.actor.id : (command.requestedBy ?? null),
      ...(bypassed ? { bypassed } : {}),
    };
    const occurredAt = command.now.toISOString();
    const toEvent = (name: string): DomainEvent<TransitionEventPayload<S>> => ({
      name,
      aggregateId: snapshot.id,
      aggregateVersion: version,
      occurredAt,
      actorId: command.actor.id,
      payload,
    });
    return {
      ok: true,
      kind: command.kind,
      transitionId: transition?.id ?? null,
      from: snapshot.state,
      state,
      previousState,
      version,
      changed: changes,
      events: events.map(toEvent),
      completions: command.kind === 'apply' && transition ? completionsOf(transition, snapshot, command.evidence) : [],
    };
  };

  if (command.kind === 'override') {
    if (!hasAnyRole(command.actor, override.roles)) return refuse('forbidden', '仅管理员可强制变更状态');
    if (command.to === snapshot.state || (override.targets && !override.targets.includes(command.to))) return notAllowed();
    if (override.requiresReason && !isPresent(command.reason)) return refuse('reason_required', '强制变更须填写原因');
    // Record what the declared path would have refused, so the audit shows what was bypassed.
    const declared = findTransition(definition, snapshot, command.to) ?? null;
    const checks = declared ? runChecks(definition, declared, snapshot, command, guards) : null;
    return accept(null, override.emits, {
      declaredTransitionId: declared?.id ?? null,
      failedGuards: checks?.failedGuards ?? [],
      missingEvidence: checks?.missingEvidence ?? [],
    });
  }

  const transition = findTransition(definition, snapshot, command.to);
  if (!transition) return notAllowed();
  const transitionId = transition.id;

  if (command.kind === 'request' || !transition.approval.required) {
    if (!hasAnyRole(command.actor, transition.requestableBy)) return refuse('forbidden', '无权执行此操作', { transitionId });
  } else {
    if (!command.requestedBy) return refuse('approval_required', '此操作须经审批，请先提交申请', { transitionId });
    const approval = canApprove(definition, { transitionId, requestedBy: command.requestedBy }, command.actor);
    if (!approval.ok) return refuse(approval.code === 'own_request' ? 'own_request' : 'forbidden', approval.message, { transitionId });
  }

  const { reasonMissing, missingEvidence, failedGuards } = runChecks(definition, transition, snapshot, command, guards);
  const extra = { transitionId, missingEvidence, failedGuards };
  if (reasonMissing) return refuse('reason_required', '须填写原因', extra);
  if (missingEvidence.length > 0) {
    const labels = definition.evidenceLabels as Record<string, { zh: string } | undefined> | undefined;
    return refuse('evidence_missing', `缺少材料：${missingEvidence.map((f) => labels?.[f]?.zh ?? f).join('、')}`, extra);
  }
  if (failedGuards.length > 0) return refuse('guard_failed', failedGuards.map((g) => g.detail).join('；'), extra);

  return accept(transition, command.kind === 'request' ? [definition.requestedEvent] : transition.emits);
}

/** The milestones an approved transition marks done: pending ones (not 不适用) whose evidence date is given. */
function completionsOf<S extends string, E>(
  transition: Transition<S, E>,
  snapshot: WorkflowSnapshot<S>,
  evidence: Partial<E> | undefined,
): MilestoneCompletion[] {
  const given = (evidence ?? {}) as Record<string, unknown>;
  const completions: MilestoneCompletion[] = [];
  for (const rule of transition.completesMilestones ?? []) {
    const milestone = snapshot.milestones.find((m) => m.code === rule.milestone || m.name === rule.milestone);
    const field = rule.evidence.find((name) => isPresent(given[name]));
    if (!milestone || milestone.done || milestone.notApplicable || !field) continue;
    const documentNo = rule.documentNo && isPresent(given[rule.documentNo]) ? String(given[rule.documentNo]).trim() : null;
    completions.push({ milestone: milestone.code ?? rule.milestone, date: String(given[field]).trim(), evidenceField: field, documentNo });
  }
  return completions;
}

/** Ending a pending request without applying it: an approver rejects it, or its requester withdraws it. */
export interface CloseRequestCommand<S extends string> {
  readonly verdict: 'reject' | 'withdraw';
  readonly transitionId: string;
  /** The state the request asked for. */
  readonly to: S;
  readonly requestedBy: string;
  readonly actor: Actor;
  readonly comment?: string | null;
  readonly now: Date;
}

/**
 * Rejecting or withdrawing is always possible while a request is pending, whatever the state and guards are now:
 * only who may do it is checked. A request whose transition a later release removed is still rejected by the
 * approver roles of the definition it was filed under (any approver role of it, when the transition is gone).
 */
export function closeRequest<S extends string, E>(definition: Def<S, E>, snapshot: WorkflowSnapshot<S>, command: CloseRequestCommand<S>): Decision<S> {
  const refuse = (code: RefusalCode, message: string): Refusal<S> => ({
    ok: false,
    code,
    message,
    currentState: snapshot.state,
    previousState: snapshot.previousState ?? null,
    requestedState: null,
    transitionId: command.transitionId,
    allowed: [],
    failedGuards: [],
    missingEvidence: [],
  });
  if (command.verdict === 'withdraw') {
    if (command.actor.id !== command.requestedBy) return refuse('not_requester', '只有申请人本人可以撤回申请');
  } else {
    const roles = approvalRuleOf(definition, command.transitionId)?.by ?? definition.transitions.flatMap((t) => t.approval.by);
    if (command.requestedBy === command.actor.id) return refuse('own_request', '不能审批本人提交的申请');
    if (!hasAnyRole(command.actor, roles)) return refuse('forbidden', '无权审批此申请');
  }
  const payload: TransitionEventPayload<S> = {
    workflowId: definition.id,
    workflowVersion: definition.version,
    kind: command.verdict,
    transitionId: command.transitionId,
    from: snapshot.state,
    to: command.to,
    previousState: snapshot.previousState ?? null,
    reason: null,
    comment: text(command.comment),
    evidence: {},
    requestedBy: command.requestedBy,
  };
  const name = command.verdict === 'reject' ? definition.rejectedEvent : definition.withdrawnEvent;
  return {
    ok: true,
    kind: command.verdict,
    transitionId: command.transitionId,
    from: snapshot.state,
    state: snapshot.state,
    previousState: snapshot.previousState ?? null,
    version: snapshot.version,
    changed: false,
    events: [{ name, aggregateId: snapshot.id, aggregateVersion: snapshot.version, occurredAt: command.now.toISOString(), actorId: command.actor.id, payload }],
    completions: [],
  };
}

export interface WorkflowEngine<S extends string, E> {
  readonly definition: WorkflowDefinition<S, E>;
  decide(snapshot: WorkflowSnapshot<S>, command: WorkflowCommand<S, E>): Decision<S>;
  allowedTransitions(snapshot: WorkflowSnapshot<S>, actor: Actor): AllowedTransition<S>[];
  overrideTargets(snapshot: WorkflowSnapshot<S>, actor: Actor): S[];
  canApprove(request: PendingRequest, actor: Actor): ApprovalCheck;
  closeRequest(snapshot: WorkflowSnapshot<S>, command: CloseRequestCommand<S>): Decision<S>;
}

/** Binds a definition to its guard registry, validating both once (throws on a bad definition). */
export function createWorkflowEngine<S extends string, E>(definition: Def<S, E>, guards: GuardRegistry = builtinGuards): WorkflowEngine<S, E> {
  const checked = defineWorkflow(definition, guards);
  return {
    definition: checked,
    decide: (snapshot, command) => decide(checked, snapshot, command, guards),
    allowedTransitions: (snapshot, actor) => allowedTransitions(checked, snapshot, actor, guards),
    overrideTargets: (snapshot, actor) => overrideTargets(checked, snapshot, actor),
    canApprove: (request, actor) => canApprove(checked, request, actor),
    closeRequest: (snapshot, command) => closeRequest(checked, snapshot, command),
  };
}
