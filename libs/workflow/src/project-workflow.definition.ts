import type { MilestoneCode, ProjectStatus } from '@qj/domain';
import { projectGuards } from './project-workflow.guards';
import { defineWorkflow } from './workflow-definition.validator';
import { RETURN_TO_PREVIOUS, type TransitionDefinition, type WorkflowDefinition } from './workflow.types';

/** Evidence an owner files with a stage change; dates are `YYYY-MM-DD` in Asia/Shanghai. */
export interface ProjectEvidence {
  readonly approvalDocNo?: string; // 批复文号
  readonly approvalDate?: string; // 批复日期
  readonly constructionPermitNo?: string; // 施工许可证号
  readonly constructionPermitDate?: string; // 施工许可日期 (v2: completes 施工许可 when it is still open)
  readonly actualStartDate?: string; // 实际开工日期
  readonly acceptanceDate?: string; // 竣工验收日期
  readonly inServiceDate?: string; // 投入使用日期 (v2; the acceptance date when absent)
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

type ProjectWorkflowDefinition = WorkflowDefinition<ProjectStatus, ProjectEvidence>;

/**
 * Version 1, as released in the first wave. Kept so that requests filed under it are decided by its rules
 * (`projectWorkflowVersions`); never edit it — a change is a new version.
 *
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
const projectWorkflowV1: ProjectWorkflowDefinition = {
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
  rejectedEvent: 'project.transition_rejected',
  withdrawnEvent: 'transition.withdrawn',
  evidenceLabels: {
    approvalDocNo: { zh: '批复文号', en: 'Approval document number' },
    approvalDate: { zh: '批复日期', en: 'Approval date' },
    constructionPermitNo: { zh: '施工许可证号', en: 'Construction permit number' },
    actualStartDate: { zh: '实际开工日期', en: 'Actual start date' },
    acceptanceDate: { zh: '竣工验收日期', en: 'Completion acceptance date' },
  },
};

/**
 * Version 2 (stage and milestones agree by construction), the v1 transitions with these changes:
 * - 开工: 项目建议书, 可研批复, 初步设计批复 and 施工许可 must each be done or marked 不适用; approval marks 开工
 *   done on the actual start date, and 施工许可 on the permit date when it was still open.
 * - 建成投用: 主体完工 and 竣工验收 must be settled; approval marks 竣工验收 done on the acceptance date and 投入使用
 *   on its own date (the acceptance date when not given).
 */
const v2BeginSettled: MilestoneCode[] = ['proposal', 'feasibility_approval', 'preliminary_design_approval', 'construction_permit'];
const v2Changes: Partial<Record<string, Partial<TransitionDefinition<ProjectStatus, ProjectEvidence>>>> = {
  begin_construction: {
    guards: {
      milestonesSettled: { milestones: v2BeginSettled },
      evidenceDates: { fields: ['approvalDate', 'constructionPermitDate', 'actualStartDate'], notAfterToday: true },
    },
    completesMilestones: [
      { milestone: 'construction_permit', evidence: ['constructionPermitDate'], documentNo: 'constructionPermitNo' },
      { milestone: 'groundbreaking', evidence: ['actualStartDate'] },
    ],
  },
  complete: {
    guards: {
      milestonesSettled: { milestones: ['main_works_done', 'acceptance'] },
      evidenceDates: { fields: ['acceptanceDate', 'inServiceDate'], notAfterToday: true },
    },
    completesMilestones: [
      { milestone: 'acceptance', evidence: ['acceptanceDate'] },
      { milestone: 'in_service', evidence: ['inServiceDate', 'acceptanceDate'] },
    ],
  },
};

const projectWorkflowV2: ProjectWorkflowDefinition = {
  ...projectWorkflowV1,
  version: 2,
  transitions: projectWorkflowV1.transitions.map((t) => ({ ...t, ...v2Changes[t.id] })),
  evidenceLabels: {
    ...projectWorkflowV1.evidenceLabels,
    constructionPermitDate: { zh: '施工许可日期', en: 'Construction permit date' },
    inServiceDate: { zh: '投入使用日期', en: 'In-service date' },
  },
};

/**
 * Version 3 (前期手续 as data): 开工 needs every approval the project's type requires (the approvals catalogue,
 * `libs/catalog/data/approvals.v<N>.json`) done or 不适用 — for 企业投资 that is 备案, not 项目建议书 or 可研批复. A project
 * that tracks no approval falls back to version 2's four, so the guard fails closed. Everything else is version 2's.
 */
const projectWorkflowV3: ProjectWorkflowDefinition = {
  ...projectWorkflowV2,
  version: 3,
  transitions: projectWorkflowV2.transitions.map((t) =>
    t.id === 'begin_construction' ? { ...t, guards: { ...t.guards, milestonesSettled: { milestones: v2BeginSettled, approvalsOfType: true } } } : t,
  ),
};

/** Every released version, oldest first; the last is the one new requests are filed under. */
export const projectWorkflowDefinitions = [projectWorkflowV1, projectWorkflowV2, projectWorkflowV3].map((definition) =>
  defineWorkflow(definition, projectGuards),
);

/** The current project workflow. */
export const projectWorkflow = projectWorkflowDefinitions[projectWorkflowDefinitions.length - 1];
