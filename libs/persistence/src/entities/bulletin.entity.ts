import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * A month's 调度通报 (bulletin): the Word document, its Excel annex and the figures both were rendered from. One row per
 * month: regenerating before publication replaces the draft in place (same id, `version` + 1), so a month has one
 * current bulletin and at most one published one — the unique index on `month` says both. Publishing freezes the month
 * (its reports lock, its investment snapshot is taken) and the row never changes again.
 */
@Entity('bulletin')
@Check('bulletin_status_ck', `"status" IN ('generating', 'draft', 'published', 'failed')`)
@Check('bulletin_month_ck', `"month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
// A draft and a published bulletin hold their files; a generating or failed one holds none (never half a bulletin).
@Check('bulletin_files_ck', `("status" IN ('draft', 'published')) = ("document" IS NOT NULL AND "annex" IS NOT NULL AND "figures" IS NOT NULL)`)
@Index('bulletin_month_uq', ['month'], { unique: true })
export class BulletinEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** YYYY-MM */
  @Column({ type: 'char', length: 7 })
  month: string;

  /** generating | draft | published | failed */
  @Column({ type: 'text' })
  status: string;

  /** Why the last generation failed (after its last attempt). */
  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason: string | null;

  @Column({ type: 'bytea', nullable: true })
  document: Buffer | null;

  @Column({ type: 'bytea', nullable: true })
  annex: Buffer | null;

  /** The BulletinData both files were rendered from. */
  @Column({ type: 'jsonb', nullable: true })
  figures: Record<string, unknown> | null;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by' })
  requester?: UserEntity;

  @Column({ name: 'generated_at', type: 'timestamptz', nullable: true })
  generatedAt: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_by' })
  publisher?: UserEntity;

  /** Each generation requested adds one; the job carries it, so a superseded generation writes nothing. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
