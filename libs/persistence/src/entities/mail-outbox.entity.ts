import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * One row per e-mail to send, written in the transaction that decided to send it; `mail.send` jobs claim
 * rows with FOR UPDATE SKIP LOCKED, and a sweeper re-enqueues rows left pending (SMTP or Redis away).
 */
@Entity('mail_outbox')
@Check('mail_outbox_status_ck', `"status" IN ('pending', 'sending', 'sent', 'failed', 'skipped')`)
@Check('mail_outbox_kind_ck', `"kind" IN ('alert', 'digest', 'stale', 'workflow', 'report')`)
// The sweeper reads pending rows by age: a partial index written by hand in the migration.
@Index('mail_outbox_pending_idx', { synchronize: false })
@Index('mail_outbox_status_idx', ['status', 'id'])
export class MailOutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  /** Null when the user has no address and mail goes over real SMTP (the row is then `skipped`). */
  @Column({ name: 'to_address', type: 'text', nullable: true })
  toAddress: string | null;

  /** alert | digest | stale | workflow | report */
  @Column({ type: 'text' })
  kind: string;

  /** Whatever made the mail, e.g. `alert-<alert id>-<user id>`: the same mail is never queued twice. */
  @Column({ name: 'dedupe_key', type: 'text', unique: true })
  dedupeKey: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', default: 'pending' })
  status: MailStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
