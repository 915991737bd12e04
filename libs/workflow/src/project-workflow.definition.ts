import type { MilestoneCode, ProjectStatus } from '@qj/domain';
import { projectGuards } from './project-workflow.guards';
import { defineWorkflow } from './workflow-definition.validator';
import { RETURN_TO_PREVIOUS } from './workflow.types';

/** Evidence an owner files with a stage change; dates are `YYYY-MM-DD` in Asia/Shanghai. */
export interface ProjectEvidence {
  readonly approvalDocNo?: string; // 批复文号
  readonly approvalDate?: string; // 批复日期
  readonly constructionPermitNo?: string; // 施工许可证号
  readonly actualStartDate?: string; // 实际开工日期
  readonly acceptanceDate?: string; // 竣工验收日期
}

/** Roles are per project: the API grants 'owner' to users of the project's responsible unit. */
export const PROJECT_ROLES = {
  owner: 'owner', // 项目责任单位
  reviewer: 'reviewer', // 审核人（区发展改革委）
  admin: 'admin', // 系统管理员
} as const;

const { owner, reviewer, admin } = PROJECT_ROLES;
const reviewedBy = { required: true, by: [reviewer] };
const permitDone: MilestoneCode[] = ['construction_permit'];
const acceptanceDone: MilestoneCode[] = ['acceptance'];

/**
 * study (前期研究) → start (开工建设) → complete (建成投用), with on_hold (暂缓) and cancelled (取消).
 *
 * - Every change is requested and then approved by a reviewer other than the requester: a key
 *   project's status is reported upward, so no one changes it alone.
 * - No stage is skipped: there is no study → complete transition. An admin override can do it,
 *   with a reason, and its event records which guards and evidence it bypassed.
 * - Overrides bypass guards, evidence and approval but not terminality: complete and cancelled
 *   are final because completion and cancellation are reported upward; undoing one is a data
 *   correction outside the workflow, not a state change (flip `allowFromTerminal` to change that).
 * - on_hold remembers the stage it left and resume returns exactly there. A held project cannot
 *   be cancelled directly: it is resumed first (add `on_hold` to cancel's `from` to allow it).
 */
export const projectWorkflow = defineWorkflow<ProjectStatus, ProjectEvidence>(
  {
    id: 'project',
    version: 1,
    initial: 'study',
    states: {
      study: { label: { zh: '前期研究', en: 'Preliminary study' }, terminal: false },
      start: { label: { zh: '开工建设', en: 'Under construction' }, terminal: false },
      complete: { label: { zh: '建成投用', en: 'Completed and in service' }, terminal: true },
      on_hold: { label: { zh: '暂缓', en: 'On hold' }, terminal: false, remembersPrevious: true },
      cancelled: { label: { zh: '取消', en: 'Cancelled' }, terminal: true },
    },
    transitions: [
      {
        id: 'begin_construction',
        name: { zh: '开工', en: 'Begin construction' },
        from: 'study',
        to: 'start',
        requestableBy: [owner],
        approval: reviewedBy,
        requiredEvidence: ['approvalDocNo', 'approvalDate', 'constructionPermitNo', 'actualStartDate'],
        guards: {
          milestonesDone: { milestones: permitDone },
          evidenceDates: { fields: ['approvalDate', 'actualStartDate'], notAfterToday: true },
        },
        emits: ['project.stage_changed'],
      },
      {
        id: 'complete',
        name: { zh: '建成投用', en: 'Complete' },
        from: 'start',
        to: 'complete',
        requestableBy: [owner],
        approval: reviewedBy,
        requiredEvidence: ['acceptanceDate'],
        guards: {
          milestonesDone: { milestones: acceptanceDone },
          evidenceDates: { fields: ['acceptanceDate'], notAfterToday: true },
        },
        emits: ['project.stage_changed'],
      },
      {
        id: 'hold',
        name: { zh: '暂缓', en: 'Put on hold' },
        from: ['study', 'start'],
        to: 'on_hold',
        requestableBy: [owner, reviewer],
        approval: reviewedBy,
        requiresReason: true,
        emits: ['project.put_on_hold'],
      },
      {
        id: 'resume',
        name: { zh: '恢复', en: 'Resume' },
        from: 'on_hold',
        to: RETURN_TO_PREVIOUS,
        requestableBy: [owner, reviewer],
        approval: reviewedBy,
        emits: ['project.resumed'],
      },
      {
        id: 'cancel',
        name: { zh: '取消', en: 'Cancel' },
        from: ['study', 'start'],
        to: 'cancelled',
        requestableBy: [owner, reviewer],
        approval: reviewedBy,
        requiresReason: true,
        emits: ['project.cancelled'],
      },
    ],
    adminOverride: {
      roles: [admin],
      requiresReason: true,
      allowFromTerminal: false,
      emits: ['project.overridden'],
    },
    requestedEvent: 'project.transition_requested',
    evidenceLabels: {
      approvalDocNo: { zh: '批复文号', en: 'Approval document number' },
      approvalDate: { zh: '批复日期', en: 'Approval date' },
      constructionPermitNo: { zh: '施工许可证号', en: 'Construction permit number' },
      actualStartDate: { zh: '实际开工日期', en: 'Actual start date' },
      acceptanceDate: { zh: '竣工验收日期', en: 'Completion acceptance date' },
    },
  },
  projectGuards,
);
