import { addDays, diffDays, parseCalendarDate, type CalendarDate } from './calendar-date';
import { isStage, stageIndex, STAGES, type LocalizedLabel, type Stage } from './stage';

export const MILESTONE_CODES = [
  'proposal',
  'feasibility_approval',
  'preliminary_design_approval',
  'construction_permit',
  'groundbreaking',
  'main_works_done',
  'acceptance',
  'in_service',
] as const;
export type MilestoneCode = (typeof MILESTONE_CODES)[number];

export interface MilestoneTemplate {
  readonly code: MilestoneCode;
  /** The stage whose target this milestone serves: the last one of a stage realises that target. */
  readonly stage: Stage;
  readonly name: LocalizedLabel;
  /** Global order across stages, so one sort shows a project's whole path. */
  readonly sortOrder: number;
  /** Relative share of the schedule that leads up to this milestone, for default baselines. */
  readonly spanWeight: number;
  /**
   * From this status on the milestone must already be done: a project under construction has its
   * feasibility approval, construction permit and groundbreaking behind it.
   */
  readonly doneOnceAt: Stage;
}

// Weights reflect typical durations: approvals take months, the main works take years.
export const MILESTONE_TEMPLATES: readonly MilestoneTemplate[] = [
  { code: 'proposal', stage: 'study', name: { zh: '项目建议书', en: 'Project proposal' }, sortOrder: 10, spanWeight: 1, doneOnceAt: 'start' },
  {
    code: 'feasibility_approval',
    stage: 'study',
    name: { zh: '可行性研究报告批复', en: 'Feasibility study approved' },
    sortOrder: 20,
    spanWeight: 2,
    doneOnceAt: 'start',
  },
  {
    code: 'preliminary_design_approval',
    stage: 'start',
    name: { zh: '初步设计批复', en: 'Preliminary design approved' },
    sortOrder: 30,
    spanWeight: 1,
    doneOnceAt: 'start',
  },
  { code: 'construction_permit', stage: 'start', name: { zh: '施工许可', en: 'Construction permit' }, sortOrder: 40, spanWeight: 1, doneOnceAt: 'start' },
  { code: 'groundbreaking', stage: 'start', name: { zh: '开工', en: 'Groundbreaking' }, sortOrder: 50, spanWeight: 1, doneOnceAt: 'start' },
  { code: 'main_works_done', stage: 'complete', name: { zh: '主体完工', en: 'Main works finished' }, sortOrder: 60, spanWeight: 6, doneOnceAt: 'complete' },
  { code: 'acceptance', stage: 'complete', name: { zh: '竣工验收', en: 'Completion acceptance' }, sortOrder: 70, spanWeight: 1, doneOnceAt: 'complete' },
  { code: 'in_service', stage: 'complete', name: { zh: '投入使用', en: 'In service' }, sortOrder: 80, spanWeight: 1, doneOnceAt: 'complete' },
];

export function isMilestoneCode(value: unknown): value is MilestoneCode {
  return typeof value === 'string' && (MILESTONE_CODES as readonly string[]).includes(value);
}

export function milestoneTemplate(code: MilestoneCode): MilestoneTemplate {
  const template = MILESTONE_TEMPLATES.find((t) => t.code === code);
  if (!template) throw new RangeError(`Unknown milestone code: ${code}`);
  return template;
}

/**
 * Whether a project at `stage` must have this milestone behind it (done or 不适用): its `doneOnceAt` is reached. Every
 * approval (前期手续, kind `approval`, from the approvals catalogue) is behind a project that has started.
 */
export function isImpliedByStage(code: string, stage: Stage | null, kind: string = 'milestone'): boolean {
  const template = MILESTONE_TEMPLATES.find((t) => t.code === code);
  const doneOnceAt = kind === 'approval' ? 'start' : template?.doneOnceAt;
  return Boolean(doneOnceAt && stage && stageIndex(stage) >= stageIndex(doneOnceAt));
}

export function milestoneTemplatesOf(stage: Stage): readonly MilestoneTemplate[] {
  return MILESTONE_TEMPLATES.filter((t) => t.stage === stage);
}

/** The milestone whose completion realises a target: 可研批复 for study, 开工 for start, 投入使用 for complete. */
export function targetMilestoneCode(target: Stage): MilestoneCode {
  const ofStage = milestoneTemplatesOf(target);
  return ofStage[ofStage.length - 1].code;
}

export const PLAN_START: CalendarDate = '2026-01-01';
export const PLAN_END: CalendarDate = '2030-12-31';

export interface BaselineMilestone {
  readonly code: MilestoneCode;
  readonly stage: Stage;
  readonly name: LocalizedLabel;
  readonly sortOrder: number;
  /** null for a milestone already done: there is no schedule left to keep. */
  readonly baselineDate: CalendarDate | null;
  readonly done: boolean;
  /** True for the milestone that realises the 2030 target (what RAG checks against the deadline). */
  readonly realisesTarget: boolean;
}

/**
 * Default milestones and baselines for a project with a 2030 `target`, now at `currentStage`.
 *
 * - Milestones are created for every stage up to the target (or the current stage, if further):
 *   a `start` target gets no complete-stage milestones, as nothing of them is due by 2030.
 * - Milestones the current stage implies (`doneOnceAt`) are created done with no baseline, rather
 *   than left out, so the path stays complete and workflow guards can find 施工许可 by code.
 * - The remaining ones are spread over [planStart, planEnd] by `spanWeight`, the target milestone
 *   landing on planEnd: the latest date still consistent with the plan. Pass today as planStart
 *   for a project that joins mid-plan.
 */
export function defaultBaselines(
  target: Stage,
  planStart: CalendarDate = PLAN_START,
  planEnd: CalendarDate = PLAN_END,
  currentStage: Stage = 'study',
): BaselineMilestone[] {
  if (!isStage(target)) throw new RangeError(`Unknown target stage: ${String(target)}`);
  if (!isStage(currentStage)) throw new RangeError(`Unknown current stage: ${String(currentStage)}`);
  const span = diffDays(parseCalendarDate(planEnd), parseCalendarDate(planStart));
  if (span <= 0) throw new RangeError(`planEnd (${planEnd}) must be after planStart (${planStart})`);

  const lastStage = STAGES[Math.max(stageIndex(target), stageIndex(currentStage))];
  const templates = MILESTONE_TEMPLATES.filter((t) => stageIndex(t.stage) <= stageIndex(lastStage));
  const isDone = (t: MilestoneTemplate) => stageIndex(currentStage) >= stageIndex(t.doneOnceAt);
  const pending = templates.filter((t) => !isDone(t));
  const totalWeight = pending.reduce((sum, t) => sum + t.spanWeight, 0);

  const baselineByCode = new Map<MilestoneCode, CalendarDate>();
  let cumulative = 0;
  for (const t of pending) {
    cumulative += t.spanWeight;
    baselineByCode.set(t.code, addDays(planStart, Math.round((cumulative / totalWeight) * span)));
  }

  const targetCode = targetMilestoneCode(target);
  return templates.map((t) => ({
    code: t.code,
    stage: t.stage,
    name: t.name,
    sortOrder: t.sortOrder,
    baselineDate: baselineByCode.get(t.code) ?? null,
    done: isDone(t),
    realisesTarget: t.code === targetCode,
  }));
}
