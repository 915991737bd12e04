import { Injectable } from '@nestjs/common';
import { Clock } from '@qj/config';
import { approvalsCatalogue } from '@qj/catalog';
import { approvalStatusOf, countApprovals, hundredthsToNumber, milestoneStateOf, preworkRate } from '@qj/domain';
import { domainError, ValidationFailedException } from '@qj/http';
import { ApprovalRepository, ApprovalRow, AuditRepository, ProjectStateRepository, StatusLightRepository, UnitOfWork } from '@qj/persistence';
import { domainEvent, NewDomainEvent } from '@qj/queue';
import { assertCanEditProject, AuthUser, forbidden, readScopeOf, refuseOutsideUnit } from '../auth';
import { Attachments, filesChanged } from '../files/files.service';
import { milestoneFields } from '../milestones/milestone-fields';
import { targetMilestone, THE_MILESTONE } from '../milestones/milestones.service';
import type { PreworkDimension } from '@qj/persistence';
import type { UpdateApprovalDto } from './dto/prework.dto';

/** What the checklist shows of an approval: its state in the four words of 前期手续, its document as 文号 and 日期. */
export function approvalView(row: ApprovalRow) {
  return {
    id: row.id,
    projectId: row.projectId,
    code: row.code,
    name: row.name,
    department: row.department,
    stage: row.stage,
    sortOrder: row.sortOrder,
    parallelGroup: row.parallelGroup,
    status: approvalStatusOf(row),
    documentNo: row.documentNo,
    documentDate: row.status === 'done' ? row.actualDate : null,
    notApplicableReason: row.notApplicableReason,
    baselineDate: row.baselineDate,
    forecastDate: row.forecastDate,
    realisesTarget: row.realisesTarget,
    version: row.version,
    updatedAt: row.updatedAt,
    files: row.files,
  };
}

/** An approval's fields as audit rows and events record them: the milestone's, with its document number and 办理中. */
function approvalFields(row: ApprovalRow) {
  return { ...milestoneFields(row), documentNo: row.documentNo, inProgress: row.inProgress };
}

/** As the audit row records it: with its files, as the other attachments are audited. */
function auditedFields(row: ApprovalRow) {
  return { ...approvalFields(row), fileIds: row.files.map((file) => file.id) };
}

/** 前期手续: a project's approvals, their owners' updates, and 前期手续办结率 by dimension. */
@Injectable()
export class PreworkService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly approvals: ApprovalRepository,
    private readonly projects: ProjectStateRepository,
    private readonly audit: AuditRepository,
    private readonly lights: StatusLightRepository,
    private readonly clock: Clock,
    private readonly attachments: Attachments,
  ) {}

  /** A project's checklist. Owners read their own unit's projects only (403 outside_unit), like every scoped read. */
  async ofProject(user: AuthUser, projectId: string) {
    const project = await this.projects.find(projectId);
    if (!project) throw domainError('project_not_found', { id: projectId });
    const scope = readScopeOf(user);
    if (scope.kind === 'unit' && scope.unitId !== project.unitId) refuseOutsideUnit(projectId, 'approval.read');
    const found = await this.approvals.ofProject(projectId);
    const items = (found?.items ?? []).map(approvalView);
    const type = approvalsCatalogue.projectTypes.find((t) => t.code === found?.projectType);
    const counts = countApprovals(items.map((item) => item.status));
    return { projectId, projectType: type ? { code: type.code, label: type.name.zh } : null, counts: { ...counts, rate: preworkRate(counts) }, items };
  }

  /**
   * An owner sets an approval's state. Who first (the guard has checked the unit), then the rules: 已办结 with its
   * document (the date not after today), 不适用 with a reason and never for the milestone that realises the 2030
   * target, the version. `fileIds`, when given, is the whole list of its files (the 批复 scan): files left out are
   * detached, and a change of files alone is a change (a version, an audit row). A request that changes nothing
   * writes nothing. Reviewers hear of 不适用 and of reopening.
   */
  async update(user: AuthUser, approvalId: string, dto: UpdateApprovalDto) {
    const today = this.clock.today();
    return this.unitOfWork.run(async (tx) => {
      const current = await this.approvals.lock(tx, approvalId);
      if (!current || current.kind !== 'approval') throw domainError('approval_not_found', { id: approvalId });
      assertCanEditProject(user, current.project, 'approval.update');
      if (dto.status === 'done' && (dto.documentDate as string) > today) {
        throw new ValidationFailedException([
          { field: 'documentDate', message: { zh: `documentDate 不能晚于今天（${today}）`, en: `documentDate may not be later than today (${today})` } },
        ]);
      }
      if (dto.status === 'not_applicable' && current.realisesTarget) {
        throw targetMilestone(current, 'status');
      }
      const { project: _project, ...now } = current;
      if (current.version !== dto.version) throw domainError('version_conflict', { subject: THE_MILESTONE }, { extensions: { current: approvalView(now) } });
      const state = milestoneStateOf(dto.status);
      const patch = {
        status: state.status,
        inProgress: state.inProgress,
        // 已办结 is the milestone done on the document's date; any other state leaves no date or document behind.
        actualDate: dto.status === 'done' ? (dto.documentDate as string) : null,
        documentNo: dto.status === 'done' ? (dto.documentNo as string) : null,
        notApplicableReason: dto.status === 'not_applicable' ? (dto.reason as string) : null,
      };
      const files = dto.fileIds && { before: current.files.map((file) => file.id), after: [...dto.fileIds] };
      const changesFiles = files !== undefined && filesChanged(files);
      if (!changesFiles && (Object.keys(patch) as Array<keyof typeof patch>).every((key) => patch[key] === current[key])) return approvalView(now);
      if (files && changesFiles) {
        await this.attachments.assertAttachable(
          tx,
          user,
          files.after.filter((id) => !files.before.includes(id)),
        );
        await this.attachments.set(tx, user, { kind: 'approval', ownerId: approvalId, projectId: current.projectId }, files.after);
      }
      const updated = await this.approvals.update(tx, approvalId, dto.version, patch, user.id);
      if (!updated) throw domainError('version_conflict', { subject: THE_MILESTONE }, { extensions: { current: approvalView(now) } });
      const { action, event } = this.changeOf(user, current, updated, dto);
      await this.audit.record(
        tx,
        [
          {
            projectId: current.projectId,
            entityType: 'milestone',
            entityId: approvalId,
            action,
            actorId: user.id,
            actorName: user.displayName,
            before: auditedFields(current),
            after: auditedFields(updated),
            comment: dto.reason ?? null,
          },
        ],
        [event],
      );
      await this.projects.touchActivity(tx, current.projectId);
      await this.lights.refresh(tx, [current.projectId]);
      return approvalView(updated);
    });
  }

  /** The audit action and event of a change: 不适用 and reopening as the milestone routes name them, the rest as an update. */
  private changeOf(user: AuthUser, before: ApprovalRow, after: ApprovalRow, dto: UpdateApprovalDto): { action: string; event: NewDomainEvent } {
    const base = { aggregateId: before.projectId, actorId: user.id };
    if (after.status === 'not_applicable') {
      return {
        action: 'milestone.marked_not_applicable',
        event: domainEvent('milestone.not_applicable', { ...base, data: { milestoneId: after.id, code: after.code, reason: dto.reason as string } }),
      };
    }
    if (before.status === 'not_applicable') {
      return {
        action: 'milestone.applicable_again',
        event: domainEvent('milestone.applicable_again', {
          ...base,
          data: { milestoneId: after.id, code: after.code, previousReason: before.notApplicableReason },
        }),
      };
    }
    return {
      action: 'milestone.updated',
      event: domainEvent('milestone.updated', {
        ...base,
        data: { milestoneId: after.id, code: after.code, before: approvalFields(before), after: approvalFields(after) },
      }),
    };
  }

  /** 前期手续办结率 by a dimension; an owner reads their own unit's projects only, never the district's one row (403). */
  async summary(user: AuthUser, by: PreworkDimension) {
    const scope = readScopeOf(user);
    if (scope.kind !== 'all' && by === 'district') throw forbidden();
    const rows = await this.approvals.summary(by, scope);
    return {
      by,
      scope: scope.kind === 'all' ? 'district' : 'unit',
      items: rows.map(({ rateHundredths, ...row }) => ({ ...row, rate: rateHundredths === null ? null : hundredthsToNumber(BigInt(rateHundredths)) })),
    };
  }
}
