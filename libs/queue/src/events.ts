import { plainToInstance } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, validateSync } from 'class-validator';
import { currentRequestId } from './request-context';

/**
 * Every domain event the API writes to the outbox, with the class of its `data` (validated when a worker takes
 * the event), and the one envelope they travel in. The aggregate of every event is its project.
 */

/** A milestone's fields as audit rows and events record them. */
export class MilestoneFields {
  @IsOptional() @IsString() baselineDate: string | null;
  @IsOptional() @IsString() forecastDate: string | null;
  @IsOptional() @IsString() actualDate: string | null;
  @IsString() status: string;
  @IsOptional() @IsString() notApplicableReason: string | null;
  @IsInt() version: number;
  /** An approval's 批复文号 and 办理中 flag (absent for other milestones). */
  @IsOptional() @IsString() documentNo?: string | null;
  @IsOptional() @IsBoolean() inProgress?: boolean;
}

/** A decision of the project workflow (`libs/workflow`): its facts, and the transition request it concerns. */
export class TransitionEventData {
  @IsString() workflowId: string;
  @IsInt() workflowVersion: number;
  @IsString() kind: string;
  /** null for an override that follows no declared transition. */
  @IsOptional() @IsString() transitionId: string | null;
  @IsString() from: string;
  @IsString() to: string;
  @IsOptional() @IsString() previousState: string | null;
  @IsOptional() @IsString() reason: string | null;
  @IsOptional() @IsString() comment: string | null;
  @IsObject() evidence: Readonly<Record<string, unknown>>;
  @IsOptional() @IsUUID() requestedBy: string | null;
  /** Override only: what the declared path would have refused. */
  @IsOptional() @IsObject() bypassed?: object;
  /** The project's version after the decision (unchanged for a request). */
  @IsInt() aggregateVersion: number;
  /** The transition request filed, decided or withdrawn; null for an override. */
  @IsOptional() @IsUUID() transitionRequestId: string | null;
}

export class UnitReassignedData {
  @IsUUID() previousUnitId: string;
  @IsUUID() unitId: string;
}

export class MilestoneChangeData {
  @IsUUID() milestoneId: string;
  @IsString() code: string;
  @IsObject() before: MilestoneFields;
  @IsObject() after: MilestoneFields;
}

export class MilestoneRebaselinedData extends MilestoneChangeData {
  /** The re-baseline request approved; null when a reviewer moved the baseline directly. */
  @IsOptional() @IsUUID() rebaselineRequestId: string | null;
}

export class MilestoneNotApplicableData {
  @IsUUID() milestoneId: string;
  @IsString() code: string;
  @IsString() reason: string;
}

export class MilestoneApplicableAgainData {
  @IsUUID() milestoneId: string;
  @IsString() code: string;
  @IsOptional() @IsString() previousReason: string | null;
}

export class RebaselineRequestedData {
  @IsUUID() rebaselineRequestId: string;
  @IsUUID() milestoneId: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) proposedBaseline: string;
}

export class RebaselineRejectedData {
  @IsUUID() rebaselineRequestId: string;
  @IsUUID() milestoneId: string;
  @IsOptional() @IsString() comment: string | null;
}

export class RebaselineWithdrawnData {
  @IsUUID() rebaselineRequestId: string;
  @IsUUID() milestoneId: string;
}

/** 项目代码, 总投资 and the other investment facts of a project, before and after an edit (only the fields changed). */
export class ProjectFactsUpdatedData {
  @IsObject() before: Readonly<Record<string, unknown>>;
  @IsObject() after: Readonly<Record<string, unknown>>;
}

/** An annual plan issued (version 1, the original) or adjusted (中期调整, later versions, with a reason). Amounts in 万元 as decimal strings. */
export class InvestmentPlanIssuedData {
  @IsInt() year: number;
  @IsInt() version: number;
  @Matches(/^\d+(\.\d{1,2})?$/) plannedInvestment: string;
  @IsOptional() @Matches(/^\d+(\.\d{1,2})?$/) previousInvestment: string | null;
  @IsOptional() @IsInt() plannedStartMonth: number | null;
  @IsOptional() @IsInt() plannedCompletionMonth: number | null;
  @IsOptional() @IsString() reason: string | null;
}

/** A monthly report (月报) submitted (counted in the figures from now on) or returned by a reviewer (no longer counted). */
export class MonthlyReportEventData {
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/) month: string;
  @Matches(/^\d+(\.\d{1,2})?$/) completedInvestment: string;
  @IsOptional() @IsBoolean() late?: boolean;
  @IsOptional() @IsString() comment?: string | null;
}

/** A problem of the 问题清单 raised, assigned, answered, closed (销号) or reopened; its facts are read from the tables by `problemId`. */
export class ProblemEventData {
  @IsUUID() problemId: string;
  @IsString() status: string;
  @IsOptional() @IsUUID() assignedUnitId: string | null;
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) dueDate: string | null;
  /** problem.replied: the reply written. */
  @IsOptional() @IsUUID() replyId?: string;
}

/** The catalogue: each event's name and the class of its data. */
export const DOMAIN_EVENTS = {
  'project.transition_requested': TransitionEventData,
  'project.stage_changed': TransitionEventData,
  'project.put_on_hold': TransitionEventData,
  'project.resumed': TransitionEventData,
  'project.cancelled': TransitionEventData,
  'project.overridden': TransitionEventData,
  'project.transition_rejected': TransitionEventData,
  'transition.withdrawn': TransitionEventData,
  'project.unit_reassigned': UnitReassignedData,
  'milestone.updated': MilestoneChangeData,
  'milestone.rebaselined': MilestoneRebaselinedData,
  'milestone.not_applicable': MilestoneNotApplicableData,
  'milestone.applicable_again': MilestoneApplicableAgainData,
  'rebaseline.requested': RebaselineRequestedData,
  'rebaseline.rejected': RebaselineRejectedData,
  'rebaseline.withdrawn': RebaselineWithdrawnData,
  'project.facts_updated': ProjectFactsUpdatedData,
  'investment_plan.issued': InvestmentPlanIssuedData,
  'monthly_report.submitted': MonthlyReportEventData,
  'monthly_report.returned': MonthlyReportEventData,
  'problem.raised': ProblemEventData,
  'problem.assigned': ProblemEventData,
  'problem.replied': ProblemEventData,
  'problem.closed': ProblemEventData,
  'problem.reopened': ProblemEventData,
} as const;

export type EventName = keyof typeof DOMAIN_EVENTS;
export type EventData<N extends EventName> = InstanceType<(typeof DOMAIN_EVENTS)[N]>;
export const EVENT_NAMES = Object.keys(DOMAIN_EVENTS) as EventName[];

/** The events the project workflow's decisions emit (the definition names them; a unit test checks they are all here). */
export type TransitionEventName = { [N in EventName]: (typeof DOMAIN_EVENTS)[N] extends typeof TransitionEventData ? N : never }[EventName];
export const isTransitionEvent = (name: string): name is TransitionEventName =>
  Object.hasOwn(DOMAIN_EVENTS, name) && DOMAIN_EVENTS[name as EventName] === TransitionEventData;

/** The envelope every domain event travels in, from the outbox row to the jobs that consume it. */
export interface DomainEventEnvelope<N extends EventName = EventName> {
  name: N;
  /** The project the event is about. */
  aggregateId: string;
  /** Who caused it (null for the system). */
  actorId: string | null;
  /** When it was written: the transaction's time, the same as its audit row's. */
  occurredAt: string;
  /** The HTTP request that caused it (`x-request-id`), to follow it into the jobs' log lines; null outside a request. */
  requestId: string | null;
  data: EventData<N>;
}

/** Any one event, narrowed by its name (`switch (event.name)` gives the data its type). */
export type DomainEvent = { [N in EventName]: DomainEventEnvelope<N> }[EventName];

/** An event as written to the outbox: the database stamps `occurredAt`. */
export type NewDomainEvent = { [N in EventName]: Omit<DomainEventEnvelope<N>, 'occurredAt'> }[EventName];

/**
 * The only way to build an event to write: a name the catalogue does not hold, or data of another shape, does
 * not compile. The request id comes from the request under way.
 */
export function domainEvent<N extends EventName>(name: N, event: { aggregateId: string; actorId: string | null; data: EventData<N> }): NewDomainEvent {
  return { name, aggregateId: event.aggregateId, actorId: event.actorId, requestId: currentRequestId(), data: event.data } as NewDomainEvent;
}

/** What is wrong with an event's data for its name (unknown fields included), or null when it is valid. */
export function eventDataProblems(name: string, data: unknown): string | null {
  if (!Object.hasOwn(DOMAIN_EVENTS, name)) return `no event is named "${name}"`;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'data is not an object';
  const errors = validateSync(plainToInstance(DOMAIN_EVENTS[name as EventName] as new () => object, data), {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: false,
  });
  return errors.length
    ? errors.flatMap((error) => Object.values(error.constraints ?? {}).map((message) => `data.${error.property}: ${message}`)).join('; ')
    : null;
}
