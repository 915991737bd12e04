import { Injectable } from '@nestjs/common';
import type { ProjectStatus } from '@qj/domain';
import { DomainException, ValidationFailedException } from '@qj/http';
import { MilestoneRow, ProjectState, refreshProjectRag, WorkflowRepository } from '@qj/persistence';
import { Actor, DomainEvent, projectWorkflowEngine, ProjectEvidence, WorkflowSnapshot } from '@qj/workflow';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import type { EntityManager } from 'typeorm';
import { AuthUser, canEditProject, canReadEverything, refuseOutsideUnit } from '../auth';
import type { CreateTransitionRequestDto, OverrideDto, ReassignUnitDto } from './dto/transition-request.dto';
import { refusalToException } from './refusal.mapper';

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
    milestones: milestones.map((m) => ({ code: m.code, name: m.name, done: m.status === 'done' })),
  };
}

/** Events about a request carry its id at the top of their outbox payload: notifications read the request by it. */
const withRequestId = (requestId: string) => <E extends DomainEvent<unknown>>(event: E): E & { requestId: string } => ({ ...event, requestId });

const projectNotFound = (id: string) => new DomainException('project_not_found', 404, `没有编号为 ${id} 的项目`);
const requestNotFound = (id: string) => new DomainException('request_not_found', 404, `没有编号为 ${id} 的申请`);

/** Use cases of the project workflow: request a transition, approve or reject it, override. Each one transaction. */
@Injectable()
export class WorkflowService {
  constructor(
    private readonly repository: WorkflowRepository,
    private readonly config: ConfigService<Env, true>,
  ) {}

  private get timeZone(): string {
    return this.config.get('APP_TIMEZONE');
  }

  async requestTransition(user: AuthUser, projectId: string, dto: CreateTransitionRequestDto) {
    const id = await this.repository.transaction(async (manager) => {
      const project = await this.repository.lockProject(manager, projectId);
      if (!project) throw projectNotFound(projectId);
      if (user.role === 'owner' && !canEditProject(user, project)) refuseOutsideUnit(user, projectId, 'transition.request');
      if (await this.repository.pendingRequestOf(manager, projectId)) {
        throw new DomainException('pending_request_exists', 409, '该项目已有待审批的申请，请等待审核或撤回后再提交', { currentStage: project.stage });
      }
      const milestones = await this.repository.milestonesOf(manager, projectId);
      const decision = projectWorkflowEngine.decide(snapshotOf(project, milestones), {
        kind: 'request',
        to: dto.to as ProjectStatus,
        actor: actorFor(user, project),
        evidence: (dto.evidence ?? {}) as Partial<ProjectEvidence>,
        reason: dto.reason ?? null,
        comment: dto.comment ?? null,
        now: new Date(),
        expectedVersion: dto.version,
      });
      if (!decision.ok) throw refusalToException(decision);
      const requestId = await this.repository.insertRequest(manager, {
        projectId,
        transitionId: decision.transitionId as string,
        fromStage: project.stage,
        toStage: dto.to,
        evidence: dto.evidence ?? {},
        reason: dto.reason ?? null,
        comment: dto.comment ?? null,
        requestedBy: user.id,
      });
      await this.record(manager, user, project.id, decision.events.map(withRequestId(requestId)), {
        entityType: 'transition_request',
        entityId: requestId,
        action: 'transition.requested',
        after: { to: dto.to, evidence: dto.evidence ?? {}, reason: dto.reason ?? null },
        comment: dto.comment ?? null,
      });
      await this.repository.touchActivity(manager, projectId);
      return requestId;
    });
    return this.repository.request(id);
  }

  async decide(user: AuthUser, requestId: string, verdict: 'approve' | 'reject', comment: string | null) {
    await this.repository.transaction(async (manager) => {
      const request = await this.repository.lockRequest(manager, requestId);
      if (!request) throw requestNotFound(requestId);
      if (request.status !== 'pending') {
        throw new DomainException('request_already_decided', 409, `该申请已处理（${request.status === 'approved' ? '已批准' : '已驳回'}）`, {
          requestStatus: request.status,
          decidedBy: request.decidedByName,
          decidedAt: request.decidedAt,
        });
      }
      const project = (await this.repository.lockProject(manager, request.projectId)) as ProjectState;
      const actor = actorFor(user, project);
      const approval = projectWorkflowEngine.canApprove({ transitionId: request.transitionId, requestedBy: request.requestedBy }, actor);
      if (!approval.ok) throw new DomainException(approval.code, approval.code === 'own_request' || approval.code === 'forbidden' ? 403 : 409, approval.message);

      if (verdict === 'reject') {
        await this.repository.decideRequest(manager, requestId, 'rejected', user.id, comment);
        await this.record(manager, user, project.id, [
          { name: 'project.transition_rejected', aggregateId: project.id, aggregateVersion: project.version, occurredAt: new Date().toISOString(), actorId: user.id, payload: { requestId, to: request.toStage } as never },
        ].map(withRequestId(requestId)), { entityType: 'transition_request', entityId: requestId, action: 'transition.rejected', before: { status: 'pending' }, after: { status: 'rejected' }, comment });
        await this.repository.touchActivity(manager, project.id);
        return;
      }

      const milestones = await this.repository.milestonesOf(manager, project.id);
      const decision = projectWorkflowEngine.decide(snapshotOf(project, milestones), {
        kind: 'apply',
        to: request.toStage as ProjectStatus,
        actor,
        evidence: request.evidence as Partial<ProjectEvidence>,
        reason: request.reason,
        comment,
        now: new Date(),
        requestedBy: request.requestedBy,
      });
      if (!decision.ok) throw refusalToException(decision);
      const version = await this.repository.setStage(manager, project.id, project.version, decision.state, decision.previousState);
      if (version === undefined) throw new DomainException('stale_version', 409, '项目已被他人修改，请刷新后重试');
      await this.repository.decideRequest(manager, requestId, 'approved', user.id, comment);
      await this.record(manager, user, project.id, decision.events.map(withRequestId(requestId)), {
        entityType: 'project',
        entityId: project.id,
        action: 'transition.approved',
        before: { stage: project.stage, previousStage: project.previousStage, version: project.version },
        after: { stage: decision.state, previousStage: decision.previousState, version, requestId, requestedBy: request.requestedByName },
        comment,
      });
      await refreshProjectRag(manager, [project.id], this.timeZone);
    });
    return this.repository.request(requestId);
  }

  async override(user: AuthUser, projectId: string, dto: OverrideDto) {
    return this.repository.transaction(async (manager) => {
      const project = await this.repository.lockProject(manager, projectId);
      if (!project) throw projectNotFound(projectId);
      const milestones = await this.repository.milestonesOf(manager, projectId);
      const decision = projectWorkflowEngine.decide(snapshotOf(project, milestones), {
        kind: 'override',
        to: dto.to as ProjectStatus,
        actor: actorFor(user, project),
        reason: dto.reason,
        now: new Date(),
      });
      if (!decision.ok) throw refusalToException(decision);
      const version = await this.repository.setStage(manager, project.id, project.version, decision.state, decision.previousState);
      if (version === undefined) throw new DomainException('stale_version', 409, '项目已被他人修改，请刷新后重试');
      await this.record(manager, user, project.id, decision.events, {
        entityType: 'project',
        entityId: project.id,
        action: 'transition.overridden',
        before: { stage: project.stage, previousStage: project.previousStage, version: project.version },
        after: { stage: decision.state, previousStage: decision.previousState, version },
        comment: dto.reason,
      });
      await refreshProjectRag(manager, [project.id], this.timeZone);
      return { id: project.id, stage: decision.state, previousStage: decision.previousState, version };
    });
  }

  /** Admin: hand a project to another responsible unit; its owners then see and edit it. */
  async reassignUnit(user: AuthUser, projectId: string, dto: ReassignUnitDto) {
    return this.repository.transaction(async (manager) => {
      const project = await this.repository.lockProject(manager, projectId);
      if (!project) throw projectNotFound(projectId);
      if (!(await this.repository.unitExists(manager, dto.unitId))) {
        throw new ValidationFailedException([{ field: 'unitId', message: `没有编号为 ${dto.unitId} 的单位` }]);
      }
      if (project.version !== dto.version) {
        throw new DomainException('version_conflict', 409, '项目已被他人修改，请刷新后重试', { currentVersion: project.version, unitId: project.unitId });
      }
      if (project.unitId === dto.unitId) return { id: project.id, unitId: project.unitId, version: project.version };
      const version = (await this.repository.setUnit(manager, projectId, project.version, dto.unitId)) as number;
      await this.repository.record(manager, [
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
      ], [
        {
          name: 'project.unit_reassigned',
          aggregateId: projectId,
          payload: { projectId, previousUnitId: project.unitId, unitId: dto.unitId, actorId: user.id, occurredAt: new Date().toISOString() },
        },
      ]);
      return { id: project.id, unitId: dto.unitId, version };
    });
  }

  async listRequests(user: AuthUser, query: { status?: string; projectId?: string; page: number; pageSize: number }) {
    return this.repository.requests({ ...query, unitId: canReadEverything(user) ? undefined : (user.unitId ?? '00000000-0000-0000-0000-000000000000') });
  }

  /** An owner cannot even see that another unit's request exists: 404, not 403. */
  async getRequest(user: AuthUser, requestId: string) {
    const request = await this.repository.request(requestId);
    if (!request || (!canReadEverything(user) && request.unitId !== user.unitId)) throw requestNotFound(requestId);
    return request;
  }

  async history(user: AuthUser, projectId: string) {
    const project = await this.repository.project(projectId);
    if (!project) throw projectNotFound(projectId);
    if (!canReadEverything(user) && !canEditProject(user, project)) refuseOutsideUnit(user, projectId, 'history.read');
    return { items: await this.repository.history(projectId) };
  }

  async allowedTransitions(user: AuthUser, projectId: string) {
    const [state, milestones] = await Promise.all([this.repository.projectState(projectId), this.repository.milestonesOf(undefined, projectId)]);
    if (!state) throw projectNotFound(projectId);
    const snapshot = snapshotOf(state, milestones);
    const actor = actorFor(user, state);
    return {
      currentStage: state.stage,
      version: state.version,
      transitions: projectWorkflowEngine.allowedTransitions(snapshot, actor),
      overrideTargets: user.role === 'admin' ? projectWorkflowEngine.overrideTargets(snapshot, actor) : [],
    };
  }

  /** The audit row and the outbox events of one change, written in its transaction. */
  private async record(
    manager: EntityManager,
    user: AuthUser,
    projectId: string,
    events: readonly DomainEvent<unknown>[],
    audit: { entityType: string; entityId: string; action: string; before?: unknown; after?: unknown; comment?: string | null },
  ) {
    await this.repository.record(
      manager,
      [{ projectId, actorId: user.id, actorName: user.displayName, ...audit }],
      events.map((event) => ({ name: event.name, aggregateId: event.aggregateId, payload: event as unknown as Record<string, unknown> })),
    );
  }
}
