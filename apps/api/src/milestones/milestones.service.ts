import { Injectable } from '@nestjs/common';
import { Clock } from '@qj/config';
import { isMilestoneOverdue, overdueDays, ProjectStatus, todayIn } from '@qj/domain';
import { DomainException, domainError, type FieldErrorInput, MAX_INT32, ValidationFailedException } from '@qj/http';
import {
  AuditRepository,
  MilestoneRepository,
  MilestoneRow,
  ProjectState,
  ProjectStateRepository,
  StatusLightRepository,
  UnitOfWork,
  type Transaction,
} from '@qj/persistence';
import { domainEvent, NewDomainEvent } from '@qj/queue';
import { assertCanEditProject, AuthUser, canReadEverything } from '../auth';
import type { MarkApplicableDto, MarkNotApplicableDto, UpdateMilestoneDto } from './dto/update-milestone.dto';
import { milestoneFields } from './milestone-fields';

/** Milestones: owners update forecast and actual dates; re-baselining is a reviewer's decision. */
@Injectable()
export class MilestonesService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly projects: ProjectStateRepository,
    private readonly milestones: MilestoneRepository,
    private readonly audit: AuditRepository,
    private readonly lights: StatusLightRepository,
    private readonly clock: Clock,
  ) {}

  async list(projectId: string) {
    const project = await this.projects.state(projectId);
    if (!project) throw domainError('project_not_found', { id: projectId });
    const milestones = await this.milestones.ofProject(undefined, projectId);
    // Days overdue by the one rule (libs/domain), so the console shows what the alerts and the list filters count.
    const today = this.clock.today();
    return { items: milestones.map((m) => ({ ...m, overdueDays: overdueDays(m, project.stage as ProjectStatus, today) })) };
  }

  async update(user: AuthUser, milestoneId: string, dto: UpdateMilestoneDto, ifMatch: string | undefined) {
    const expectedVersion = dto.version ?? parseIfMatch(ifMatch);
    const today = this.clock.today();
    return this.unitOfWork.run(async (manager) => {
      const current = await this.milestones.lock(manager, milestoneId);
      if (!current) throw milestoneNotFound(milestoneId);
      const { milestone, changed } = await this.apply(manager, user, current, dto, expectedVersion, today);
      if (changed) await this.lights.refresh(manager, [current.projectId]);
      return { ...milestone, overdue: isMilestoneOverdue(milestone, current.project.stage as ProjectStatus, today) };
    });
  }

  /**
   * Several milestones in one transaction (the Excel import), each through the same checks and writes as PATCH:
   * a refusal or a version conflict on any of them rolls back all.
   */
  async updateMany(user: AuthUser, updates: ReadonlyArray<{ milestoneId: string; version: number; dto: UpdateMilestoneDto }>): Promise<MilestoneRow[]> {
    const today = this.clock.today();
    return this.unitOfWork.run(async (manager) => {
      const locked = await this.milestones.withProjects(
        manager,
        updates.map((update) => update.milestoneId),
        true,
      );
      const results: MilestoneRow[] = [];
      for (const update of updates) {
        const current = locked.get(update.milestoneId);
        if (!current) throw milestoneNotFound(update.milestoneId);
        results.push((await this.apply(manager, user, current, update.dto, update.version, today)).milestone);
      }
      await this.lights.refresh(manager, [...new Set(results.map((milestone) => milestone.projectId))]);
      return results;
    });
  }

  /**
   * The owner says a milestone does not apply to this project (不适用), with a reason: it is settled without being
   * done, so it neither blocks a stage change nor counts as overdue. Not the milestone that realises the 2030 target
   * (that would hide the plan's own commitment), not a done one. Reviewers hear of it.
   */
  async markNotApplicable(user: AuthUser, milestoneId: string, dto: MarkNotApplicableDto) {
    return this.settle(user, milestoneId, dto.version, (current) => {
      if (current.realisesTarget) {
        throw targetMilestone(current, 'id');
      }
      if (current.status !== 'pending') {
        throw domainError('milestone_not_pending', { name: current.name, state: SETTLED_STATES[current.status] }, { extensions: { status: current.status } });
      }
      return {
        patch: { status: 'not_applicable', notApplicableReason: dto.reason },
        action: 'milestone.marked_not_applicable',
        event: domainEvent('milestone.not_applicable', {
          aggregateId: current.projectId,
          actorId: user.id,
          data: { milestoneId, code: current.code, reason: dto.reason },
        }),
        comment: dto.reason,
      };
    });
  }

  /** Reopens a milestone marked 不适用: pending again, with its dates as they were. */
  async markApplicable(user: AuthUser, milestoneId: string, dto: MarkApplicableDto) {
    return this.settle(user, milestoneId, dto.version, (current) => {
      if (current.status !== 'not_applicable') {
        throw domainError('milestone_not_marked', { name: current.name }, { extensions: { status: current.status } });
      }
      return {
        patch: { status: 'pending', notApplicableReason: null },
        action: 'milestone.applicable_again',
        event: domainEvent('milestone.applicable_again', {
          aggregateId: current.projectId,
          actorId: user.id,
          data: { milestoneId, code: current.code, previousReason: current.notApplicableReason },
        }),
        comment: dto.comment ?? null,
      };
    });
  }

  /** One status change of a milestone by its owner: unit checked first, then the rule, the version, the write and its audit. */
  private async settle(
    user: AuthUser,
    milestoneId: string,
    expectedVersion: number,
    rule: (current: MilestoneRow & { project: ProjectState }) => {
      patch: { status: 'pending' | 'not_applicable'; notApplicableReason: string | null };
      action: string;
      event: NewDomainEvent;
      comment: string | null;
    },
  ) {
    return this.unitOfWork.run(async (manager) => {
      const current = await this.milestones.lock(manager, milestoneId);
      if (!current) throw milestoneNotFound(milestoneId);
      assertCanEditProject(user, current.project, 'milestone.not_applicable');
      const { patch, action, event, comment } = rule(current);
      if (current.version !== expectedVersion) {
        const { project: _project, ...now } = current;
        throw domainError('version_conflict', { subject: THE_MILESTONE }, { extensions: { current: now } });
      }
      const [updated] = await this.milestones.settle(manager, [{ id: milestoneId, actualDate: current.actualDate, ...patch }], user.id);
      await this.audit.record(
        manager,
        [
          {
            projectId: current.projectId,
            entityType: 'milestone',
            entityId: milestoneId,
            action,
            actorId: user.id,
            actorName: user.displayName,
            before: milestoneFields(current),
            after: milestoneFields(updated),
            comment,
          },
        ],
        [event],
      );
      await this.projects.touchActivity(manager, current.projectId);
      await this.lights.refresh(manager, [current.projectId]);
      return updated;
    });
  }

  /**
   * Who may change which date, and the dates' own rules: throws the refusal PATCH answers. The Excel import checks
   * each row with it too, so both paths refuse the same things.
   */
  assertUpdateAllowed(user: AuthUser, current: MilestoneRow & { project: ProjectState }, dto: UpdateMilestoneDto, today: string): void {
    // Who first, whatever the body holds: an owner of another unit is refused even for a comment alone.
    if (user.role === 'owner') assertCanEditProject(user, current.project, 'milestone.update');
    // An approval is done only with its 批复文号 and date (and its scan), which the approvals checklist records.
    if (current.kind === 'approval' && dto.actualDate !== undefined && dto.actualDate !== current.actualDate) throw approvalOnChecklist(current, 'actualDate');
    const rebaseline = dto.baselineDate !== undefined && dto.baselineDate !== current.baselineDate;
    if (user.role === 'reviewer' && (!rebaseline || dto.forecastDate !== undefined || dto.actualDate !== undefined)) {
      throw domainError('reviewer_rebaseline_only');
    }
    if (rebaseline) {
      if (!canReadEverything(user)) throw domainError('rebaseline_needs_reviewer');
      if (!dto.comment)
        throw new ValidationFailedException([
          { field: 'comment', message: { zh: '调整基线须说明原因（comment）', en: 'A baseline change needs a reason (comment)' } },
        ]);
    }
    const errors: FieldErrorInput[] = [];
    if (dto.actualDate && dto.actualDate > today)
      errors.push({ field: 'actualDate', message: { zh: `actualDate 不能晚于今天（${today}）`, en: `actualDate may not be later than today (${today})` } });
    const createdOn = todayIn(this.clock.timeZone, current.project.createdAt);
    if (dto.forecastDate && dto.forecastDate < createdOn) {
      errors.push({
        field: 'forecastDate',
        message: {
          zh: `forecastDate 不能早于项目创建日期（${createdOn}）`,
          en: `forecastDate may not be earlier than the day the project was created (${createdOn})`,
        },
      });
    }
    if (errors.length) throw new ValidationFailedException(errors);
  }

  /**
   * One milestone's update in the caller's transaction, the milestone and its project locked: checks, write, audit row,
   * outbox event. An update that would change no date writes nothing at all (no version, no audit row, no activity):
   * a comment alone is not a change, so nobody can bump a version or reset a project's last activity with one.
   */
  private async apply(
    manager: Transaction,
    user: AuthUser,
    current: MilestoneRow & { project: ProjectState },
    dto: UpdateMilestoneDto,
    expectedVersion: number,
    today: string,
  ): Promise<{ milestone: MilestoneRow; changed: boolean }> {
    const milestoneId = current.id;
    this.assertUpdateAllowed(user, current, dto, today);
    const rebaseline = dto.baselineDate !== undefined && dto.baselineDate !== current.baselineDate;
    const actualDate = dto.actualDate === undefined ? current.actualDate : dto.actualDate;
    const patch = {
      baselineDate: dto.baselineDate ?? current.baselineDate,
      forecastDate: dto.forecastDate === undefined ? current.forecastDate : dto.forecastDate,
      actualDate,
      // An actual date is what makes a milestone done; clearing it reopens the milestone.
      status: actualDate ? 'done' : dto.actualDate === null ? 'pending' : current.status,
    } as const;
    const { project: _project, ...now } = current;
    if ((Object.keys(patch) as Array<keyof typeof patch>).every((key) => patch[key] === current[key])) return { milestone: now, changed: false };
    const updated = await this.milestones.update(manager, milestoneId, expectedVersion, patch, user.id);
    if (!updated) throw domainError('version_conflict', { subject: THE_MILESTONE }, { extensions: { current: now } });
    const before = milestoneFields(current);
    const after = milestoneFields(updated);
    await this.audit.record(
      manager,
      [
        {
          projectId: current.projectId,
          entityType: 'milestone',
          entityId: milestoneId,
          action: rebaseline ? 'milestone.rebaselined' : 'milestone.updated',
          actorId: user.id,
          actorName: user.displayName,
          before,
          after,
          comment: dto.comment ?? null,
        },
      ],
      [
        rebaseline
          ? domainEvent('milestone.rebaselined', {
              aggregateId: current.projectId,
              actorId: user.id,
              data: { milestoneId, code: current.code, before, after, rebaselineRequestId: null },
            })
          : domainEvent('milestone.updated', { aggregateId: current.projectId, actorId: user.id, data: { milestoneId, code: current.code, before, after } }),
      ],
    );
    await this.projects.touchActivity(manager, current.projectId);
    return { milestone: updated, changed: true };
  }
}

export const milestoneNotFound = (id: string) => domainError('milestone_not_found', { id });

/**
 * 422: an approval (前期手续) is done or reopened only by PATCH /api/approvals/:id, whose rules ask for the 批复文号
 * and date; the milestone routes keep its baseline and forecast dates, and 不适用 (the same rule on both routes: a
 * reason, never the target milestone). Names the field when one was sent.
 */
export function approvalOnChecklist(milestone: { id: string; name: string }, field?: string): DomainException {
  const message = {
    zh: `「${milestone.name}」是前期手续，请在前期手续中填写批复文号和批复日期办结`,
    en: `“${milestone.name}” is an approval: record it as done with its document number and date on the approvals checklist`,
  };
  return domainError(
    'approval_on_checklist',
    { name: milestone.name, id: milestone.id },
    { extensions: { route: `/api/approvals/${milestone.id}` }, errors: field ? [{ field, message }] : undefined },
  );
}

/** 422: the milestone that realises the 2030 target is never 不适用; `field` is what asked for it (the route's `id`, a body's `status`). */
export function targetMilestone(milestone: { name: string; code: string }, field: string): DomainException {
  const message = {
    zh: `「${milestone.name}」是实现 2030 年目标的里程碑，不能标记为不适用`,
    en: `“${milestone.name}” realises the 2030 target and cannot be marked not applicable`,
  };
  return domainError('target_milestone', { name: milestone.name }, { extensions: { milestone: milestone.code }, errors: [{ field, message }] });
}

export const THE_MILESTONE = { zh: '该里程碑', en: 'milestone' } as const;

/** How a settled milestone's state reads in a refusal. */
export type SettledState = 'done' | 'not_applicable';
export const SETTLED_STATES = { done: { zh: '已完成', en: 'done' }, not_applicable: { zh: '已标记为不适用', en: 'marked not applicable' } } as const;

/** `If-Match: "3"` or `If-Match: 3`; the body's `version` wins when both are sent. */
function parseIfMatch(header: string | undefined): number {
  const version = Number(header?.replace(/^W\//, '').replace(/"/g, ''));
  if (!header || !Number.isInteger(version) || version < 1 || version > MAX_INT32) {
    throw new ValidationFailedException([
      {
        field: 'version',
        message: { zh: '请提供 version（或 If-Match 头）：您看到的里程碑版本号', en: 'Give version (or an If-Match header): the milestone version you saw' },
      },
    ]);
  }
  return version;
}
