/** Bilingual label: Chinese is what users read, English is for logs and code readers. */
export interface LocalizedLabel {
  readonly zh: string;
  readonly en: string;
}

/** The three stages a key project moves through, in plan order. */
export const STAGES = ['study', 'start', 'complete'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Readonly<Record<Stage, LocalizedLabel>> = {
  study: { zh: '前期研究', en: 'Preliminary study' },
  start: { zh: '开工建设', en: 'Under construction' },
  complete: { zh: '建成投用', en: 'Completed and in service' },
};

/** Status = a stage, or one of the two states outside the stage line. */
export const PROJECT_STATUSES = [...STAGES, 'on_hold', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS: Readonly<Record<ProjectStatus, LocalizedLabel>> = {
  ...STAGE_LABELS,
  on_hold: { zh: '暂缓', en: 'On hold' },
  cancelled: { zh: '取消', en: 'Cancelled' },
};

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export function isProjectStatus(value: unknown): value is ProjectStatus {
  return typeof value === 'string' && (PROJECT_STATUSES as readonly string[]).includes(value);
}

/** 0 for study, 1 for start, 2 for complete. */
export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** Negative when `a` comes before `b`, so it can be passed to Array.prototype.sort. */
export function compareStages(a: Stage, b: Stage): number {
  return stageIndex(a) - stageIndex(b);
}

/** The stage after `stage`, or null after complete. */
export function nextStage(stage: Stage): Stage | null {
  return STAGES[stageIndex(stage) + 1] ?? null;
}

/**
 * The stage a project is in for reporting: a held project still belongs to the stage it left
 * (`previousStatus`), a cancelled one to none.
 */
export function stageOfStatus(status: ProjectStatus, previousStatus?: ProjectStatus | null): Stage | null {
  if (isStage(status)) return status;
  if (status === 'on_hold' && isStage(previousStatus)) return previousStatus;
  return null;
}
