import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProjectEntity } from './project.entity';

/** reminder: before the due day (截止前提醒); late: the due day passed without a submitted report (逾期未报). */
export const REPORT_REMINDER_LEVELS = ['reminder', 'late'] as const;
export type ReportReminderLevel = (typeof REPORT_REMINDER_LEVELS)[number];

/**
 * A monthly report (月报) not submitted in time, noticed once per (project, month, level): the unique index is what
 * makes the reminder and the late notice go once, whatever the number of scans, workers and retries. Its own table
 * rather than `alert`: an alert is a milestone's episode (a missed date, days overdue), a report's is its month.
 */
@Entity('report_reminder')
@Check('report_reminder_level_ck', `"level" IN ('reminder', 'late')`)
@Check('report_reminder_month_ck', `month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
@Index('report_reminder_once_uq', ['projectId', 'month', 'level'], { unique: true })
@Index('report_reminder_month_idx', ['month', 'level'])
export class ReportReminderEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  /** The month reported (YYYY-MM), due on REPORT_DUE_DAY of the next. */
  @Column({ type: 'char', length: 7 })
  month: string;

  @Column({ type: 'text' })
  level: ReportReminderLevel;

  /** The unit responsible when it was raised (the owners told). */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
