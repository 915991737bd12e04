import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/** An in-app notification (站内通知) for one user; written in the same transaction as the alert or decision that caused it. */
@Entity('notification')
@Index('notification_user_idx', ['userId', 'createdAt'])
// A request's decision, an event or a digest notifies each person once, however often it is seen (NULLs never collide).
@Index('notification_once_uq', ['userId', 'dedupeKey'], { unique: true })
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** alert | workflow (requests, decisions, 不适用 markings) | digest | report (月报 reminders, returned reports, adjusted plans) */
  @Column({ type: 'text' })
  kind: string;

  /** overdue | escalated_14 | supervision_30 | stale (alerts); reminder | late (月报); null otherwise. */
  @Column({ type: 'text', nullable: true })
  level: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId: string | null;

  @Column({ name: 'milestone_id', type: 'uuid', nullable: true })
  milestoneId: string | null;

  @Column({ name: 'alert_id', type: 'bigint', nullable: true })
  alertId: string | null;

  /** What made it, e.g. `transition-<request id>-approved` or `digest-<period>`: the same thing never notifies a person twice. */
  @Column({ name: 'dedupe_key', type: 'text', nullable: true })
  dedupeKey: string | null;

  /** Where the console opens it (a path such as `/digests/2026-W48`); else the project's page. */
  @Column({ type: 'text', nullable: true })
  link: string | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
