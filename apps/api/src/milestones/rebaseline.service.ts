import { Injectable } from '@nestjs/common';
import { domainError, ValidationFailedException } from '@qj/http';
import { AuditRepository, MilestoneRepository, ProjectStateRepository, RebaselineRequestRepository, StatusLightRepository, UnitOfWork } from '@qj/persistence';
import { domainEvent } from '@qj/queue';
import { assertCanEditProject, AuthUser, readScopeOf } from '../auth';
import { assertPending } from '../workflow/request-status';
import type { RebaselineRequestDto } from './dto/update-milestone.dto';
import { milestoneFields } from './milestone-fields';
import { milestoneNotFound, SETTLED_STATES, THE_MILESTONE } from './milestones.service';

/** Re-baselining asked by an owner and decided by a reviewer. */
@Injectable()
export class RebaselineService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly projects: ProjectStateRepository,
    private readonly milestones: MilestoneRepository,
    private readonly rebaselineRequests: RebaselineRequestRepository,
    private readonly audit: AuditRepository,
    private readonly lights: StatusLightRepository,
  ) {}

  async request(user: AuthUser, milestoneId: string, dto: RebaselineRequestDto) {
    const id = await this.unitOfWork.run(async (manager) => {
      const milestone = await this.milestones.lock(manager, milestoneId);
      if (!milestone) throw milestoneNotFound(milestoneId);
      assertCanEditProject(user, milestone.project, 'rebaseline.request');
      if (milestone.status !== 'pending') throw domainError('milestone_done', { state: SETTLED_STATES[milestone.status] });
      if (dto.baselineDate === milestone.baselineDate) {
        throw new ValidationFailedException([
          { field: 'baselineDate', message: { zh: 'baselineDate 与当前基线相同', en: 'baselineDate is the current baseline' } },
        ]);
      }
      if (await this.rebaselineRequests.pendingOf(manager, milestoneId)) {
        throw domainError('pending_request_exists', { subject: THE_MILESTONE });
      }
      const requestId = await this.rebaselineRequests.insert(manager, {
        milestoneId,
        projectId: milestone.projectId,
        currentBaseline: milestone.baselineDate,
        proposedBaseline: dto.baselineDate,
        reason: dto.reason,
        requestedBy: user.id,
      });
      await this.audit.record(
        manager,
        [
          {
            projectId: milestone.projectId,
            entityType: 'rebaseline_request',
            entityId: requestId,
            action: 'rebaseline.requested',
            actorId: user.id,
            actorName: user.displayName,
            before: { baselineDate: milestone.baselineDate },
            after: { baselineDate: dto.baselineDate, milestone: milestone.name },
            comment: dto.reason,
          },
        ],
        [
          domainEvent('rebaseline.requested', {
            aggregateId: milestone.projectId,
            actorId: user.id,
            data: { rebaselineRequestId: requestId, milestoneId, proposedBaseline: dto.baselineDate },
          }),
        ],
      );
      await this.projects.touchActivity(manager, milestone.projectId);
      return requestId;
    });
    return this.rebaselineRequests.find(id);
  }

  async decide(user: AuthUser, requestId: string, verdict: 'approve' | 'reject', comment: string | null) {
    await this.unitOfWork.run(async (manager) => {
      const request = await this.rebaselineRequests.lock(manager, requestId);
      if (!request) throw domainError('request_not_found', { id: requestId });
      if (request.requestedBy === user.id) throw domainError('own_request');
      assertPending(request);
      const milestone = (await this.milestones.lock(manager, request.milestoneId)) as NonNullable<Awaited<ReturnType<MilestoneRepository['lock']>>>;
      await this.rebaselineRequests.decide(manager, requestId, verdict === 'approve' ? 'approved' : 'rejected', user.id, comment);
      if (verdict === 'reject') {
        await this.audit.record(
          manager,
          [
            {
              projectId: request.projectId,
              entityType: 'rebaseline_request',
              entityId: requestId,
              action: 'rebaseline.rejected',
              actorId: user.id,
              actorName: user.displayName,
              comment,
            },
          ],
          [
            domainEvent('rebaseline.rejected', {
              aggregateId: request.projectId,
              actorId: user.id,
              data: { rebaselineRequestId: requestId, milestoneId: request.milestoneId, comment },
            }),
          ],
        );
        return;
      }
      const updated = await this.milestones.update(
        manager,
        milestone.id,
        milestone.version,
        { baselineDate: request.proposedBaseline, forecastDate: milestone.forecastDate, actualDate: milestone.actualDate, status: milestone.status },
        user.id,
      );
      await this.audit.record(
        manager,
        [
          {
            projectId: request.projectId,
            entityType: 'milestone',
            entityId: milestone.id,
            action: 'milestone.rebaselined',
            actorId: user.id,
            actorName: user.displayName,
            before: milestoneFields(milestone),
            after: { ...milestoneFields(updated as NonNullable<typeof updated>), requestId, requestedBy: request.requestedByName },
            comment: comment ?? request.reason,
          },
        ],
        [
          domainEvent('milestone.rebaselined', {
            aggregateId: request.projectId,
            actorId: user.id,
            data: {
              milestoneId: milestone.id,
              code: milestone.code,
              before: milestoneFields(milestone),
              after: milestoneFields(updated as NonNullable<typeof updated>),
              rebaselineRequestId: requestId,
            },
          }),
        ],
      );
      await this.lights.refresh(manager, [request.projectId]);
    });
    return this.rebaselineRequests.find(requestId);
  }

  /** The requester takes back a pending re-baselining request; others get 403, a decided one 409. */
  async withdraw(user: AuthUser, requestId: string, comment: string | null) {
    await this.unitOfWork.run(async (manager) => {
      const request = await this.rebaselineRequests.lock(manager, requestId);
      if (!request) throw domainError('request_not_found', { id: requestId });
      if (request.requestedBy !== user.id) throw domainError('not_requester');
      assertPending(request);
      await this.rebaselineRequests.decide(manager, requestId, 'withdrawn', user.id, comment);
      await this.audit.record(
        manager,
        [
          {
            projectId: request.projectId,
            entityType: 'rebaseline_request',
            entityId: requestId,
            action: 'rebaseline.withdrawn',
            actorId: user.id,
            actorName: user.displayName,
            before: { status: 'pending' },
            after: { status: 'withdrawn' },
            comment,
          },
        ],
        [
          domainEvent('rebaseline.withdrawn', {
            aggregateId: request.projectId,
            actorId: user.id,
            data: { rebaselineRequestId: requestId, milestoneId: request.milestoneId },
          }),
        ],
      );
      await this.projects.touchActivity(manager, request.projectId);
    });
    return this.rebaselineRequests.find(requestId);
  }

  list(user: AuthUser, query: { status?: string; page: number; pageSize: number }) {
    return this.rebaselineRequests.list(readScopeOf(user), query);
  }
}
