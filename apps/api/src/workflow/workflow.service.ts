import { Injectable } from '@nestjs/common';
import { isImpliedByStage, PROJECT_STATUS_LABELS, stageOfStatus, type ProjectStatus } from '@qj/domain';
import { domainError, ValidationFailedException } from '@qj/http';
import {
  AuditRepository,
  MilestoneRepository,
  MilestoneRow,
  ProjectState,
  ProjectStateRepository,
  StatusLightRepository,
  TransitionRequestRepository,
  UnitOfWork,
  type Transaction,
} from '@qj/persistence';
import { domainEvent, isTransitionEvent } from '@qj/queue';
import { Accepted, Actor, DomainEvent, projectWorkflow, projectWorkflowEngine, projectWorkflowEngineFor, WorkflowSnapshot } from '@qj/workflow';
import { Clock } from '@qj/config';
import { AuthUser, canEditProject, canReadEverything, readScopeOf, refuseOutsideUnit } from '../auth';
import type { CreateTransitionRequestDto, OverrideDto, ReassignUnitDto } from './dto/transition-request.dto';
import { milestoneFields } from '../milestones/milestone-fields';
import { approvalRefusal, refusalToException } from './refusal.mapper';
import { assertPending } from './request-status';
import { Attachments } from '../files/files.service';

/** The roles a user holds on one project: `owner` only for their own unit's projects. */
export function actorFor(user: AuthUser, project: { unitId: string }): Actor {
  const roles = user.role === 'owner' ? (canEditProject(user, project) ? ['owner'] : []) : [user.role];
  return { id: user.id, roles };
}

function snapshotOf(project: ProjectState, milestones: readonly MilestoneRow[]): WorkflowSnapshot<ProjectStatus> {
  return {
    id: project.id,
    state: project.stage as ProjectStatus,
    previousState: project.previousStage as ProjectStatus | null,
    version: project.version,
    milestones: milestones.map((m) => ({
      code: m.code,
      name: m.name,
      done: m.status === 'done',
      notApplicable: m.status === 'not_applicable',
      approval: m.kind === 'approval',
    })),
  };
}

const projectNotFound = (id: string) => domainError('project_not_found', { id });
const requestNotFound = (id: string) => domainError('request_not_found', { id });
const projectChanged = (extensions?: Record<string, unknown>) => domainError('version_conflict', { subject: { zh: '项目', en: 'project' } }, { extensions });
const stageLabel = (status: string) => PROJECT_STATUS_LABELS[status as ProjectStatus]?.zh ?? status;
const evidenceLabel = (field: string) => (projectWorkflow.evidenceLabels as Record<string, { zh: string } | undefined>)[field]?.zh ?? field;

/** A change of stage and the milestone changes it brings: completions from the evidence, and 不适用 for the rest the stage implies. */
interface MilestoneSettlement {
  changes: Array<{ id: string; status: 'done' | 'not_applicable'; actualDate: string | null; notApplicableReason: string | null; documentNo?: string | null }>;
  comments: Map<string, string>;
}

/**
 * What a stage change does to the milestones, so stage and milestones agree: the approved transition's evidence
 * completes its milestones on their dates (an approval with its 文号, e.g. 施工许可 with the permit number); any milestone the new stage implies (e.g. 施工许可 at 开工建设) still
 * open — only possible through an override or a request decided by an older workflow version — is marked 不适用
 * saying why, which its owner can reopen.
 */
function settlementOf(decision: Accepted<ProjectStatus>, milestones: readonly MilestoneRow[], why: string): MilestoneSettlement {
  const completions = new Map(decision.completions.map((c) => [c.milestone, c]));
  const stage = stageOfStatus(decision.state, decision.previousState);
  const settlement: MilestoneSettlement = { changes: [], comments: new Map() };
  for (const m of milestones) {
    if (m.status !== 'pending') continue;
    const completion = completions.get(m.code);
    if (completion) {
      settlement.changes.push({ id: m.id, status: 'done', actualDate: completion.date, notApplicableReason: null, documentNo: completion.documentNo });
      const documented = completion.documentNo ? `（文号 ${completion.documentNo}）` : '';
      settlement.comments.set(m.id, `${why}，按${evidenceLabel(completion.evidenceField)}标记完成${documented}`);
    } else if (isImpliedByStage(m.code, stage, m.kind)) {
      const reason = `${why}，此前未办结，标记为不适用`;
      settlement.changes.push({ id: m.id, status: 'not_applicable', actualDate: null, notApplicableReason: reason });
      settlement.comments.set(m.id, reason);
    }
  }
  return settlement;
}

/** Use cases of the project workflow: request a transition, approve, reject or withdraw it, override. Each one transaction. */
@Injectable()
export class WorkflowService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly projects: ProjectStateRepository,
    private readonly milestones: MilestoneRepository,
    private readonly transitionRequests: TransitionRequestRepository,
    private readonly audit: AuditRepository,
    private readonly lights: StatusLightRepository,
    private readonly clock: Clock,
    private readonly attachments: Attachments,
  ) {}

  async requestTransition(user: AuthUser, projectId: string, dto: CreateTransitionRequestDto) {
    const id = await this.unitOfWork.run(async (manager) => {
      const project = await this.projects.lock(manager, projectId);
      if (!project) throw projectNotFound(projectId);
      if (user.role === 'owner' && !canEditProject(user, project)) refuseOutsideUnit(projectId, 'transition.request');
      const fileIds = dto.fileIds ?? [];
      await this.attachments.assertAttachable(manager, user, fileIds);
      if (await this.transitionRequests.pendingOf(manager, projectId)) {
        throw domainError('pending_request_exists', { subject: { zh: '该项目', en: 'project' } }, { extensions: { currentStage: project.stage } });
      }
      const milestones = await this.milestones.ofProject(manager, projectId);
      const decision = projectWorkflowEngine.decide(snapshotOf(project, milestones), {
        kind: 'request',
        to: dto.to as ProjectStatus,
        actor: actorFor(user, project),
        evidence: dto.evidence ?? {},
        reason: dto.reason ?? null,
        comment: dto.comment ?? null,
        now: this.clock.now(),
        today: this.clock.today(),
        expectedVersion: dto.version,
      });
      if (!decision.ok) throw refusalToException(decision);
      const requestId = await this.transitionRequests.insert(manager, {
        projectId,
        transitionId: decision.transitionId as string,
        workflowVersion: projectWorkflowEngine.definition.version,
        fromStage: project.stage,
        toStage: dto.to,
        evidence: dto.evidence ?? {},
        reason: dto.reason ?? null,
        comment: dto.comment ?? null,
        requestedBy: user.id,
      });
      await this.attachments.set(manager, user, { kind: 'transition_request', ownerId: requestId, projectId }, fileIds);
      await this.record(manager, user, project.id, decision.events, requestId, {
        entityType: 'transition_request',
        entityId: requestId,
        action: 'transition.requested',
        after: { to: dto.to, evidence: dto.evidence ?? {}, reason: dto.reason ?? null, fileIds },
        comment: dto.comment ?? null,
      });
      await this.projects.touchActivity(manager, projectId);
      return requestId;
    });
    return this.transitionRequests.find(id);
  }

  /**
   * Approve or reject a pending request, by the rules of the workflow version it was filed under. Rejecting is
   * always possible (even when a later release removed its transition); approving needs that version in the registry.
   */
  async decide(user: AuthUser, requestId: string, verdict: 'approve' | 'reject', comment: string | null) {
    if (verdict === 'reject') return this.close(user, requestId, 'reject', comment);
    await this.unitOfWork.run(async (manager) => {
      const request = await this.transitionRequests.lock(manager, requestId);
      if (!request) throw requestNotFound(requestId);
      const project = (await this.projects.lock(manager, request.projectId)) as ProjectState;
      const actor = actorFor(user, project);
      const engine = projectWorkflowEngineFor(request.workflowVersion);
      if (!engine) {
        throw domainError('workflow_version_retired', { version: request.workflowVersion });
      }
      const approval = engine.canApprove({ transitionId: request.transitionId, requestedBy: request.requestedBy }, actor);
      if (!approval.ok) throw approvalRefusal(approval.code, request.transitionId);
      assertPending(request);

      const milestones = await this.milestones.ofProject(manager, project.id);
      const decision = engine.decide(snapshotOf(project, milestones), {
        kind: 'apply',
        to: request.toStage as ProjectStatus,
        actor,
        evidence: request.evidence,
        reason: request.reason,
        comment,
        now: this.clock.now(),
        today: this.clock.today(),
        requestedBy: request.requestedBy,
      });
      if (!decision.ok) throw refusalToException(decision);
      const version = await this.projects.setStage(manager, project.id, project.version, decision.state, decision.previousState);
      if (version === undefined) throw projectChanged();
      await this.transitionRequests.decide(manager, requestId, 'approved', user.id, comment);
      await this.record(manager, user, project.id, decision.events, requestId, {
        entityType: 'project',
        entityId: project.id,
        action: 'transition.approved',
        before: { stage: project.stage, previousStage: project.previousStage, version: project.version },
        after: { stage: decision.state, previousStage: decision.previousState, version, requestId, requestedBy: request.requestedByName },
        comment,
      });
      const name = engine.definition.transitions.find((t) => t.id === request.transitionId)?.name.zh ?? stageLabel(decision.state);
      await this.settleMilestones(manager, user, project.id, settlementOf(decision, milestones, `随「${name}」申请批准`), milestones);
      await this.lights.refresh(manager, [project.id]);
    });
    return this.transitionRequests.find(requestId);
  }

  /** The requester takes back a pending request (before anyone decides it); audited like a decision. */
  withdraw(user: AuthUser, requestId: string, comment: string | null) {
    return this.close(user, requestId, 'withdraw', comment);
  }

  /** Reject (an approver) or withdraw (the requester): the request ends, the project stays where it is. */
  private async close(user: AuthUser, requestId: string, verdict: 'reject' | 'withdraw', comment: string | null) {
    await this.unitOfWork.run(async (manager) => {
      const request = await this.transitionRequests.lock(manager, requestId);
      if (!request) throw requestNotFound(requestId);
      const project = (await this.projects.lock(manager, request.projectId)) as ProjectState;
      // A version no longer in the registry is still rejected or withdrawn, under the current definition's roles.
      const engine = projectWorkflowEngineFor(request.workflowVersion) ?? projectWorkflowEngine;
      const decision = engine.closeRequest(snapshotOf(project, []), {
        verdict,
        transitionId: request.transitionId,
        to: request.toStage as ProjectStatus,
        requestedBy: request.requestedBy,
        actor: actorFor(user, project),
        comment,
        now: this.clock.now(),
      });
      if (!decision.ok) throw refusalToException(decision);
      assertPending(request);
      const status = verdict === 'reject' ? 'rejected' : 'withdrawn';
      await this.transitionRequests.decide(manager, requestId, status, user.id, comment);
      await this.record(manager, user, project.id, decision.events, requestId, {
        entityType: 'transition_request',
        entityId: requestId,
        action: verdict === 'reject' ? 'transition.rejected' : 'transition.withdrawn',
        before: { status: 'pending' },
        after: { status, to: request.toStage },
        comment,
      });
      await this.projects.touchActivity(manager, project.id);
    });
    return this.transitionRequests.find(requestId);
  }

  async override(user: AuthUser, projectId: string, dto: OverrideDto) {
    return this.unitOfWork.run(async (manager) => {
      const project = await this.projects.lock(manager, projectId);
      if (!project) throw projectNotFound(projectId);
      const milestones = await this.milestones.ofProject(manager, projectId);
      const decision = projectWorkflowEngine.decide(snapshotOf(project, milestones), {
        kind: 'override',
        to: dto.to as ProjectStatus,
        actor: actorFor(user, project),
        reason: dto.reason,
        now: this.clock.now(),
        today: this.clock.today(),
      });
      if (!decision.ok) throw refusalToException(decision);
      const version = await this.projects.setStage(manager, project.id, project.version, decision.state, decision.previousState);
      if (version === undefined) throw projectChanged();
      await this.record(manager, user, project.id, decision.events, null, {
        entityType: 'project',
        entityId: project.id,
        action: 'transition.overridden',
        before: { stage: project.stage, previousStage: project.previousStage, version: project.version },
        after: { stage: decision.state, previousStage: decision.previousState, version },
        comment: dto.reason,
      });
      const why = `管理员将阶段调整为「${stageLabel(decision.state)}」（${dto.reason.trim()}）`;
      await this.settleMilestones(manager, user, project.id, settlementOf(decision, milestones, why), milestones);
      await this.lights.refresh(manager, [project.id]);
      return { id: project.id, stage: decision.state, previousStage: decision.previousState, version };
    });
  }

  /** Writes a settlement: each milestone changed, with its audit row and a `milestone.updated` event. */
  private async settleMilestones(manager: Transaction, user: AuthUser, projectId: string, settlement: MilestoneSettlement, before: readonly MilestoneRow[]) {
    const settled = await this.milestones.settle(manager, settlement.changes, user.id);
    const previous = new Map(before.map((m) => [m.id, m]));
    await this.audit.record(
      manager,
      settled.map((m) => ({
        projectId,
        entityType: 'milestone',
        entityId: m.id,
        action: m.status === 'done' ? 'milestone.updated' : 'milestone.marked_not_applicable',
        actorId: user.id,
        actorName: user.displayName,
        before: milestoneFields(previous.get(m.id) as MilestoneRow),
        after: milestoneFields(m),
        comment: settlement.comments.get(m.id) ?? null,
      })),
      settled.map((m) =>
        domainEvent('milestone.updated', {
          aggregateId: projectId,
          actorId: user.id,
          data: { milestoneId: m.id, code: m.code, before: milestoneFields(previous.get(m.id) as MilestoneRow), after: milestoneFields(m) },
        }),
      ),
    );
  }

  /** Admin: hand a project to another responsible unit; its owners then see and edit it. */
  async reassignUnit(user: AuthUser, projectId: string, dto: ReassignUnitDto) {
    return this.unitOfWork.run(async (manager) => {
      const project = await this.projects.lock(manager, projectId);
      if (!project) throw projectNotFound(projectId);
      if (!(await this.projects.unitExists(manager, dto.unitId))) {
        throw new ValidationFailedException([{ field: 'unitId', message: { zh: `没有编号为 ${dto.unitId} 的单位`, en: `No unit with id ${dto.unitId}` } }]);
      }
      if (project.version !== dto.version) {
        throw projectChanged({ currentVersion: project.version, unitId: project.unitId });
      }
      if (project.unitId === dto.unitId) return { id: project.id, unitId: project.unitId, version: project.version };
      const version = (await this.projects.setUnit(manager, projectId, project.version, dto.unitId)) as number;
      await this.audit.record(
        manager,
        [
          {
            projectId,
            entityType: 'project',
            entityId: projectId,
            action: 'project.unit_reassigned',
            actorId: user.id,
            actorName: user.displayName,
            before: { unitId: project.unitId, version: project.version },
            after: { unitId: dto.unitId, version },
            comment: dto.comment ?? null,
          },
        ],
        [domainEvent('project.unit_reassigned', { aggregateId: projectId, actorId: user.id, data: { previousUnitId: project.unitId, unitId: dto.unitId } })],
      );
      return { id: project.id, unitId: dto.unitId, version };
    });
  }

  async listRequests(user: AuthUser, query: { status?: string; projectId?: string; page: number; pageSize: number }) {
    return this.transitionRequests.list(readScopeOf(user), query);
  }

  /** An owner cannot even see that another unit's request exists: 404, not 403. */
  async getRequest(user: AuthUser, requestId: string) {
    const request = await this.transitionRequests.find(requestId);
    if (!request || (!canReadEverything(user) && request.unitId !== user.unitId)) throw requestNotFound(requestId);
    return request;
  }

  async history(user: AuthUser, projectId: string) {
    const project = await this.projects.find(projectId);
    if (!project) throw projectNotFound(projectId);
    if (!canReadEverything(user) && !canEditProject(user, project)) refuseOutsideUnit(projectId, 'history.read');
    return { items: await this.audit.history(projectId) };
  }

  async allowedTransitions(user: AuthUser, projectId: string) {
    const [state, milestones] = await Promise.all([this.projects.state(projectId), this.milestones.ofProject(undefined, projectId)]);
    if (!state) throw projectNotFound(projectId);
    const snapshot = snapshotOf(state, milestones);
    const actor = actorFor(user, state);
    return {
      currentStage: state.stage,
      version: state.version,
      workflowVersion: projectWorkflowEngine.definition.version,
      transitions: projectWorkflowEngine.allowedTransitions(snapshot, actor),
      overrideTargets: user.role === 'admin' ? projectWorkflowEngine.overrideTargets(snapshot, actor) : [],
    };
  }

  /** The audit row and the outbox events of one change, written in its transaction; events name the transition request they concern. */
  private async record(
    manager: Transaction,
    user: AuthUser,
    projectId: string,
    events: readonly DomainEvent[],
    transitionRequestId: string | null,
    audit: { entityType: string; entityId: string; action: string; before?: unknown; after?: unknown; comment?: string | null },
  ) {
    await this.audit.record(
      manager,
      [{ projectId, actorId: user.id, actorName: user.displayName, ...audit }],
      events.map((event) => {
        if (!isTransitionEvent(event.name)) throw new Error(`the workflow emitted "${event.name}", which the event catalogue does not hold`);
        const data = { ...event.payload, aggregateVersion: event.aggregateVersion, transitionRequestId };
        return domainEvent(event.name, { aggregateId: event.aggregateId, actorId: event.actorId, data });
      }),
    );
  }
}
