import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/** alert: overdue and stale; workflow: requests and decisions (审批); digest: the weekly digest. */
export const NOTIFICATION_KINDS = ['alert', 'workflow', 'digest'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Whether a user wants e-mail of a kind; no row means yes. Unsubscribe links write `enabled = false`. */
@Entity('notification_preference')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** alert | workflow | digest */
  @PrimaryColumn({ type: 'text' })
  kind: string;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
