/**
 * The vocabulary of the workflow engine. A definition is plain, JSON-shaped data (no functions),
 * so it can be versioned, diffed and shown to users; behaviour lives in the engine and in a
 * registry of named guard functions.
 */

export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

/** Role names are contextual: the caller resolves "owner of this project" before asking. */
export type Role = string;

export interface Actor {
  readonly id: string;
  readonly roles: readonly Role[];
}

/** `to` of a transition that goes back to the state remembered on entering a holding state. */
export const RETURN_TO_PREVIOUS = '$previous' as const;
export type ReturnToPrevious = typeof RETURN_TO_PREVIOUS;

export interface StateDefinition {
  readonly label: LocalizedText;
  /** No transition leaves a terminal state, not even an admin override (unless the rule says so). */
  readonly terminal: boolean;
  /** Entering this state records the state it was entered from, for a later RETURN_TO_PREVIOUS. */
  readonly remembersPrevious?: boolean;
}

export interface ApprovalRule {
  readonly required: boolean;
  /** Roles any of which may approve; the requester never approves their own request. */
  readonly by: readonly Role[];
}

/** Parameters of the built-in guards; custom guards add their own keys. */
export interface BuiltinGuardParams {
  /** Each entry matches a snapshot milestone by code or by name. */
  readonly milestonesDone: { readonly milestones: readonly string[] };
  readonly milestonesSettled: { readonly milestones: readonly string[] };
  readonly evidencePresent: { readonly fields: readonly string[] };
  readonly reasonPresent: Readonly<Record<string, never>>;
}

/** Guard id → parameters. Keys must name guards in the registry the engine is given. */
export type GuardDeclarations = { readonly [K in keyof BuiltinGuardParams]?: BuiltinGuardParams[K] } & {
  readonly [guard: string]: unknown;
};

export interface TransitionDefinition<State extends string, Evidence> {
  /** Stable id, referenced by pending requests and events. */
  readonly id: string;
  readonly name: LocalizedText;
  readonly from: State | readonly State[];
  readonly to: State | ReturnToPrevious;
  readonly requestableBy: readonly Role[];
  readonly approval: ApprovalRule;
  readonly guards?: GuardDeclarations;
  readonly requiredEvidence?: readonly (keyof Evidence & string)[];
  readonly requiresReason?: boolean;
  /** Event names emitted when the transition is applied. */
  readonly emits: readonly string[];
  /**
   * Milestones the approved transition marks done, each on the date of the first of its evidence fields that
   * is present: the evidence that proves a stage change is the milestones' actual dates, so they cannot disagree.
   */
  readonly completesMilestones?: readonly MilestoneCompletionRule[];
}

export interface MilestoneCompletionRule {
  /** Milestone code (or name), as `milestonesSettled` refers to it. */
  readonly milestone: string;
  /** Evidence date fields in order of preference. */
  readonly evidence: readonly string[];
  /** The evidence field whose text is the milestone's document number (文号), recorded with it when given. */
  readonly documentNo?: string;
}

export interface AdminOverrideRule<State extends string> {
  readonly roles: readonly Role[];
  readonly requiresReason: boolean;
  /** Whether an override may leave a terminal state. */
  readonly allowFromTerminal: boolean;
  /** States an override may move to; all states when absent. */
  readonly targets?: readonly State[];
  readonly emits: readonly string[];
}

export interface WorkflowDefinition<State extends string, Evidence = Record<string, unknown>> {
  readonly id: string;
  /** Bumped on every change; events carry it so history says which rules applied. */
  readonly version: number;
  readonly initial: State;
  readonly states: { readonly [S in State]: StateDefinition };
  readonly transitions: readonly TransitionDefinition<State, Evidence>[];
  readonly adminOverride: AdminOverrideRule<State>;
  /** Event emitted by a successful 'request' (which changes nothing). */
  readonly requestedEvent: string;
  /** Events emitted when a pending request is rejected by an approver or withdrawn by its requester. */
  readonly rejectedEvent: string;
  readonly withdrawnEvent: string;
  /** Names of evidence fields for refusal messages (批复文号 rather than approvalDocNo). */
  readonly evidenceLabels?: { readonly [K in keyof Evidence]?: LocalizedText };
}

/** What a guard can know about a milestone. */
export interface MilestoneFact {
  readonly code?: string;
  readonly name?: string;
  readonly done: boolean;
  /** Marked 不适用 by its owner, with a reason: settled without being done. */
  readonly notApplicable?: boolean;
  /** One of the approvals (前期手续) the project's type requires. */
  readonly approval?: boolean;
}

export interface WorkflowSnapshot<State extends string> {
  /** The aggregate (project) id, copied into events. */
  readonly id: string;
  readonly state: State;
  /** The state left on entering a holding state; null or absent otherwise. */
  readonly previousState?: State | null;
  /** Optimistic-concurrency version of the aggregate; +1 on every state change. */
  readonly version: number;
  readonly milestones: readonly MilestoneFact[];
  /** Anything else a custom guard needs (budget, unit, …). */
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/**
 * - request: the owner asks; validated now so they hear "no" early, but nothing changes.
 * - apply: the transition happens (directly, or on a reviewer's approval of a request).
 * - override: an admin moves the state outside the declared transitions, with a reason.
 */
export type CommandKind = 'request' | 'apply' | 'override';
/** What an event's payload records: a command, or the end of a request without applying it. */
export type EventKind = CommandKind | 'reject' | 'withdraw';

export interface WorkflowCommand<State extends string, Evidence> {
  readonly kind: CommandKind;
  /** The concrete target state; for a resume, the state being returned to. */
  readonly to: State;
  readonly actor: Actor;
  readonly evidence?: Partial<Evidence>;
  readonly reason?: string | null;
  readonly comment?: string | null;
  readonly now: Date;
  /** The plan's calendar day (`YYYY-MM-DD`) at `now`, in APP_TIMEZONE (the Clock's `today()`): what date guards compare with. */
  readonly today: string;
  /** For 'apply' of a transition that needs approval: who made the request being approved. */
  readonly requestedBy?: string | null;
  /** When given, the snapshot's version must match (the client acted on what it saw). */
  readonly expectedVersion?: number;
}

export interface DomainEvent<Payload = TransitionEventPayload> {
  readonly name: string;
  readonly aggregateId: string;
  /** Aggregate version after the decision (unchanged for a request). */
  readonly aggregateVersion: number;
  readonly occurredAt: string;
  readonly actorId: string;
  readonly payload: Payload;
}

export interface TransitionEventPayload<State extends string = string> {
  readonly workflowId: string;
  readonly workflowVersion: number;
  readonly kind: EventKind;
  /** null for an override that follows no declared transition. */
  readonly transitionId: string | null;
  readonly from: State;
  readonly to: State;
  /** previousState after the decision. */
  readonly previousState: State | null;
  readonly reason: string | null;
  readonly comment: string | null;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly requestedBy: string | null;
  /** Override only: what the declared path would have refused, for the audit trail. */
  readonly bypassed?: {
    readonly declaredTransitionId: string | null;
    readonly failedGuards: readonly FailedGuard[];
    readonly missingEvidence: readonly string[];
  };
}

export interface FailedGuard {
  readonly guard: string;
  /** Chinese, for the user. */
  readonly detail: string;
  readonly missing: readonly string[];
}

/** A transition the actor could take part in from the current state. */
export interface AllowedTransition<State extends string> {
  readonly transitionId: string;
  readonly name: LocalizedText;
  readonly to: State;
  readonly canRequest: boolean;
  readonly canApprove: boolean;
  readonly requiresApproval: boolean;
  readonly approverRoles: readonly Role[];
  readonly requiredEvidence: readonly string[];
  readonly requiresReason: boolean;
  /** The guards as they stand now (no evidence yet): the checklist the owner sees before filling the form. */
  readonly guards: readonly GuardState[];
}

export type RefusalCode =
  | 'unknown_state'
  | 'version_conflict'
  | 'terminal_state'
  | 'transition_not_allowed'
  | 'forbidden'
  | 'approval_required'
  | 'own_request'
  | 'not_requester'
  | 'reason_required'
  | 'evidence_missing'
  | 'guard_failed';

export interface Refusal<State extends string> {
  readonly ok: false;
  readonly code: RefusalCode;
  /** Chinese, for the user; the code is what programs branch on. */
  readonly message: string;
  readonly currentState: State;
  readonly previousState: State | null;
  /** The state the command asked for, when it named one. */
  readonly requestedState: State | null;
  readonly transitionId: string | null;
  /** What this actor may do instead. */
  readonly allowed: readonly AllowedTransition<State>[];
  /** All failed guards / missing evidence, even when another code came first, so one round trip shows everything. */
  readonly failedGuards: readonly FailedGuard[];
  readonly missingEvidence: readonly string[];
}

export interface Accepted<State extends string> {
  readonly ok: true;
  readonly kind: EventKind;
  readonly transitionId: string | null;
  readonly from: State;
  readonly state: State;
  readonly previousState: State | null;
  readonly version: number;
  readonly changed: boolean;
  readonly events: readonly DomainEvent<TransitionEventPayload<State>>[];
  /** Milestones to mark done with this change (an approved transition's `completesMilestones`); empty otherwise. */
  readonly completions: readonly MilestoneCompletion[];
}

export interface MilestoneCompletion {
  /** The milestone's code as the snapshot has it. */
  readonly milestone: string;
  /** `YYYY-MM-DD`, from the evidence. */
  readonly date: string;
  readonly evidenceField: string;
  /** The document number (文号) from the rule's `documentNo` field; null when the rule names none or it was left empty. */
  readonly documentNo: string | null;
}

export type Decision<State extends string> = Accepted<State> | Refusal<State>;

export interface GuardContext<State extends string = string, Evidence = unknown> {
  readonly definition: WorkflowDefinition<State, Evidence>;
  readonly transition: TransitionDefinition<State, Evidence>;
  readonly snapshot: WorkflowSnapshot<State>;
  readonly command: WorkflowCommand<State, Evidence>;
}

/** One line of a milestone guard's checklist, as the console shows it before the owner fills the form. */
export interface ChecklistItem {
  readonly milestone: string;
  readonly name: string;
  /**
   * done / not_applicable: settled; by_evidence: this request's evidence marks it done; needs_evidence: it will be
   * marked done on a date the form asks for (`evidence`); pending: must be done or marked 不适用 first;
   * untracked: the project has no such milestone, so nothing is required of it.
   */
  readonly state: 'done' | 'not_applicable' | 'by_evidence' | 'needs_evidence' | 'pending' | 'untracked';
  readonly evidence?: readonly string[];
}

export type GuardOutcome =
  | { readonly ok: true; readonly checklist?: readonly ChecklistItem[] }
  | { readonly ok: false; readonly detail: string; readonly missing?: readonly string[]; readonly checklist?: readonly ChecklistItem[] };

/** A guard's state for a transition not yet requested: what is met, what is missing. */
export interface GuardState {
  readonly guard: string;
  readonly ok: boolean;
  readonly detail: string | null;
  readonly checklist: readonly ChecklistItem[];
}

/** A pure check. Params come from the definition, so a guard must not trust their shape blindly. */
export type GuardFn<Params = unknown> = (params: Params, context: GuardContext<string, unknown>) => GuardOutcome;

// `any`: each entry has its own params type; the definition validator checks the keys exist.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type GuardRegistry = Readonly<Record<string, GuardFn<any>>>;
