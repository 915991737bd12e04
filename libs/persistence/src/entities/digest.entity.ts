import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * One weekly digest (周报) per recipient and ISO week: the primary key is what makes running the week again
 * send nothing new; `digest.send` claims the row with FOR UPDATE SKIP LOCKED while it composes the mail.
 */
@Entity('digest')
@Check('digest_status_ck', `"status" IN ('pending', 'queued', 'skipped')`)
export class DigestEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** The period: its ISO week (2026-W48), or under DIGEST_PERIOD=firing the week and fire time (2026-W48-20261123T010000Z). */
  @PrimaryColumn({ type: 'text' })
  week: string;

  /** pending (claimed, not yet composed) | queued (its mail row written) | skipped (composed, not mailed: opted out). */
  @Column({ type: 'text', default: 'pending' })
  status: string;

  @Column({ name: 'mail_id', type: 'bigint', nullable: true })
  mailId: string | null;

  /** The digest as composed for this period, whether mailed or not: the console opens it from its notification. */
  @Column({ type: 'text', nullable: true })
  subject: string | null;

  @Column({ type: 'text', nullable: true })
  html: string | null;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
