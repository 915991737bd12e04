import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MailStatus } from '../entities/mail-outbox.entity';

export type MailKind = 'alert' | 'digest' | 'stale' | 'workflow' | 'report';

export interface NewMail {
  userId: string | null;
  /** Null: nobody to send to; the row is written `skipped` with `skipReason`, so operators see why. */
  toAddress: string | null;
  kind: MailKind;
  dedupeKey: string;
  subject: string;
  html: string;
  text: string;
  skipReason?: string;
}

/** A row claimed for sending. */
export interface OutgoingMail {
  id: string;
  userId: string | null;
  toAddress: string;
  kind: MailKind;
  subject: string;
  html: string;
  text: string;
  attempts: number;
}

export interface MailView {
  id: string;
  userId: string | null;
  username: string | null;
  toAddress: string | null;
  kind: MailKind;
  dedupeKey: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** What a send attempt came to: `retry` keeps the row pending (the job retries), `failed` is a permanent refusal. */
export type SendOutcome = { status: 'sent' } | { status: 'failed'; error: string } | { status: 'retry'; error: Error };

export type DeliveryResult = 'sent' | 'failed' | 'skipped' | 'not-pending' | 'busy' | { retry: Error };

/** The mail outbox: rows written with the change that caused them, sent by `mail.send` jobs. */
@Injectable()
export class MailOutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes the mails whose dedupe key is new; returns the ids of those left to send. */
  async enqueue(manager: EntityManager, mails: readonly NewMail[]): Promise<string[]> {
    if (!mails.length) return [];
    const rows: Array<{ id: string; status: MailStatus }> = await manager.query(
      `INSERT INTO mail_outbox (user_id, to_address, kind, dedupe_key, subject, html, text, status, last_error)
       SELECT user_id, to_address, kind, dedupe_key, subject, html, text,
              CASE WHEN to_address IS NULL THEN 'skipped' ELSE 'pending' END, skip_reason
       FROM jsonb_to_recordset($1::jsonb) AS r(user_id uuid, to_address text, kind text, dedupe_key text, subject text, html text, text text, skip_reason text)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id::text, status`,
      [
        JSON.stringify(
          mails.map((mail) => ({
            user_id: mail.userId,
            to_address: mail.toAddress,
            kind: mail.kind,
            dedupe_key: mail.dedupeKey,
            subject: mail.subject,
            html: mail.html,
            text: mail.text,
            skip_reason: mail.toAddress ? null : (mail.skipReason ?? '无收件地址'),
          })),
        ),
      ],
    );
    return rows.filter((row) => row.status === 'pending').map((row) => row.id);
  }

  /**
   * Claims the row with FOR UPDATE SKIP LOCKED and holds it while `send` runs, so two jobs for one row cannot
   * both send; marks it sent (or failed) in the same transaction. A crash before commit leaves it pending
   * for a retry. A transient failure is recorded (attempts, last error) and handed back for the job to retry.
   * A user who turned the kind off (stale-project mail counts as `alert`) since the mail was queued gets nothing (`skipped`);
   * each other mail kind is its own preference (workflow mail was once checked against `alert` here).
   */
  async deliver(id: string, send: (mail: OutgoingMail) => Promise<SendOutcome>): Promise<DeliveryResult> {
    return this.dataSource.transaction(async (manager) => {
      const [mail]: Array<OutgoingMail & { status: MailStatus; optedOut: boolean }> = await manager.query(
        `SELECT o.id::text, o.user_id AS "userId", o.to_address AS "toAddress", o.kind, o.subject, o.html, o.text, o.attempts, o.status,
                EXISTS (SELECT 1 FROM notification_preference np
                        WHERE np.user_id = o.user_id AND np.kind = CASE o.kind WHEN 'stale' THEN 'alert' ELSE o.kind END AND NOT np.enabled) AS "optedOut"
         FROM mail_outbox o WHERE o.id = $1::bigint AND o.status IN ('pending', 'sending') FOR UPDATE OF o SKIP LOCKED`,
        [id],
      );
      if (!mail) {
        const [row] = await manager.query(`SELECT status FROM mail_outbox WHERE id = $1::bigint`, [id]);
        return row && (row.status === 'pending' || row.status === 'sending') ? 'busy' : 'not-pending';
      }
      if (mail.optedOut) {
        await manager.query(`UPDATE mail_outbox SET status = 'skipped', last_error = '用户已退订此类邮件' WHERE id = $1::bigint`, [id]);
        return 'skipped';
      }
      const outcome = await send(mail);
      switch (outcome.status) {
        case 'sent':
          await manager.query(`UPDATE mail_outbox SET status = 'sent', attempts = attempts + 1, sent_at = now(), last_error = NULL WHERE id = $1::bigint`, [
            id,
          ]);
          return 'sent';
        case 'failed':
          await manager.query(`UPDATE mail_outbox SET status = 'failed', attempts = attempts + 1, last_error = $2 WHERE id = $1::bigint`, [id, outcome.error]);
          return 'failed';
        case 'retry':
          await manager.query(`UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1::bigint`, [id, outcome.error.message]);
          return { retry: outcome.error };
      }
    });
  }

  /** Mail still pending after `olderThanSeconds`: its job was lost, failed for good, or Redis was away. */
  async stalePending(olderThanSeconds: number, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id::text FROM mail_outbox WHERE status IN ('pending', 'sending') AND created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT $2`,
      [olderThanSeconds, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Newest first, optionally by status: for administrators (never the bodies). */
  async list(options: { status?: MailStatus; limit: number }): Promise<{ items: MailView[]; counts: Record<string, number> }> {
    const items: MailView[] = await this.dataSource.query(
      `SELECT o.id::text, o.user_id AS "userId", au.username, o.to_address AS "toAddress", o.kind, o.dedupe_key AS "dedupeKey", o.subject,
              o.status, o.attempts, o.last_error AS "lastError", o.created_at AS "createdAt", o.sent_at AS "sentAt"
       FROM mail_outbox o LEFT JOIN app_user au ON au.id = o.user_id
       WHERE ($1::text IS NULL OR o.status = $1) ORDER BY o.id DESC LIMIT $2`,
      [options.status ?? null, options.limit],
    );
    const rows: Array<{ status: string; n: number }> = await this.dataSource.query(`SELECT status, count(*)::int AS n FROM mail_outbox GROUP BY status`);
    return { items, counts: Object.fromEntries(rows.map((row) => [row.status, row.n])) };
  }
}
