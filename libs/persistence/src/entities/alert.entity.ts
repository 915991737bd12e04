import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ALERT_LEVELS = ['overdue', 'escalated_14', 'supervision_30', 'stale'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

/**
 * An alert raised once per (milestone, level, episode): `episode` is the due date that was missed, so a
 * milestone re-dated and overdue again is a new episode. Stale-project alerts have no milestone; their
 * episode is the date of the project's last activity. The unique index (written by hand in the migration,
 * NULLS NOT DISTINCT) is what makes the alert go once, whatever the number of workers and retries.
 */
@Entity('alert')
@Check('alert_level_ck', `"level" IN ('overdue', 'escalated_14', 'supervision_30', 'stale')`)
@Index('alert_once_uq', { synchronize: false })
@Index('alert_project_idx', ['projectId'])
export class AlertEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'milestone_id', type: 'uuid', nullable: true })
  milestoneId: string | null;

  @Column({ type: 'text' })
  level: AlertLevel;

  @Column({ type: 'date' })
  episode: string;

  /** Days overdue (or quiet, for stale) when the alert was raised. */
  @Column({ type: 'integer' })
  days: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
