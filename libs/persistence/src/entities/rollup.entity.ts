import { Column, Entity, PrimaryColumn } from 'typeorm';

export type StageCounts = Record<'study' | 'start' | 'complete' | 'on_hold' | 'cancelled', number>;
export type TargetCounts = Record<'study' | 'start' | 'complete', number>;
export type RagCounts = Record<'green' | 'amber' | 'red', number>;
/** 前期手续 of the projects in preparation under a key: approvals required, done, 不适用, and 前期手续办结率 (%, or null). */
export interface PreworkCounts {
  required: number;
  done: number;
  notApplicable: number;
  rate: number | null;
}

/** Status of the projects under one part, chapter, column, sector or unit: kept current by the workers. */
@Entity('rollup')
export class RollupEntity {
  /** part | chapter | column | sector | unit */
  @PrimaryColumn({ type: 'text' })
  dimension: string;

  /** The part/chapter/column number, the sector code or the unit id. */
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  label: string;

  @Column({ name: 'sort_order', type: 'integer' })
  sortOrder: number;

  @Column({ type: 'integer' })
  total: number;

  @Column({ name: 'by_stage', type: 'jsonb' })
  byStage: StageCounts;

  /** How many projects the plan wants studied / started / complete by 2030. */
  @Column({ type: 'jsonb' })
  targets: TargetCounts;

  /** Of those, how many are already there. */
  @Column({ type: 'jsonb' })
  reached: TargetCounts;

  @Column({ type: 'jsonb' })
  rag: RagCounts;

  @Column({ name: 'overdue_milestones', type: 'integer' })
  overdueMilestones: number;

  @Column({ name: 'stale_projects', type: 'integer' })
  staleProjects: number;

  @Column({ name: 'pending_requests', type: 'integer' })
  pendingRequests: number;

  @Column({ type: 'jsonb' })
  prework: PreworkCounts;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;
}

/** A weekly copy of every roll-up, kept and never overwritten: week-over-week changes and the trend. */
@Entity('rollup_snapshot')
export class RollupSnapshotEntity {
  /** ISO week, e.g. 2026-W48. */
  @PrimaryColumn({ type: 'text' })
  week: string;

  @PrimaryColumn({ type: 'text' })
  dimension: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ name: 'taken_at', type: 'timestamptz', default: () => 'now()' })
  takenAt: Date;
}
