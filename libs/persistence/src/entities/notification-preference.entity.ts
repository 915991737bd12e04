import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * alert: overdue and stale; workflow: requests and decisions (审批); digest: the weekly digest; report: the monthly
 * 调度 (月报 reminders and late notices, returned reports, adjusted annual plans).
 */
export const NOTIFICATION_KINDS = ['alert', 'workflow', 'digest', 'report'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Whether a user wants e-mail of a kind; no row means yes. Unsubscribe links write `enabled = false`. */
@Entity('notification_preference')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** alert | workflow | digest | report */
  @PrimaryColumn({ type: 'text' })
  kind: string;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
