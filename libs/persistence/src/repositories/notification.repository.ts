import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface NewNotification {
  userId: string;
  kind: 'alert' | 'workflow' | 'digest' | 'report';
  level: string | null;
  title: string;
  body: string;
  projectId: string | null;
  milestoneId: string | null;
  alertId: string | null;
  /** Once per (user, dedupe key): a second insert with the same key is ignored. */
  dedupeKey?: string | null;
  /** A console path to open instead of the project's page. */
  link?: string | null;
}

export interface NotificationView {
  id: string;
  kind: string;
  level: string | null;
  title: string;
  body: string;
  projectId: string | null;
  milestoneId: string | null;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

const VIEW = `id::text, kind, level, title, body, project_id AS "projectId", milestone_id AS "milestoneId", link, read_at AS "readAt", created_at AS "createdAt"`;

/** In-app notifications (站内通知). Every read and write is scoped by the user they belong to. */
@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Returns the users notified now: those whose (user, dedupe key) was not there already. */
  async insertMany(manager: EntityManager, rows: readonly NewNotification[]): Promise<Set<string>> {
    if (!rows.length) return new Set();
    const inserted: Array<{ userId: string }> = await manager.query(
      `INSERT INTO notification (user_id, kind, level, title, body, project_id, milestone_id, alert_id, dedupe_key, link)
       SELECT user_id, kind, level, title, body, project_id, milestone_id, alert_id, dedupe_key, link
       FROM jsonb_to_recordset($1::jsonb) AS r(user_id uuid, kind text, level text, title text, body text, project_id uuid, milestone_id uuid,
            alert_id bigint, dedupe_key text, link text)
       ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING user_id AS "userId"`,
      [
        JSON.stringify(
          rows.map((row) => ({
            user_id: row.userId,
            kind: row.kind,
            level: row.level,
            title: row.title,
            body: row.body,
            project_id: row.projectId,
            milestone_id: row.milestoneId,
            alert_id: row.alertId,
            dedupe_key: row.dedupeKey ?? null,
            link: row.link ?? null,
          })),
        ),
      ],
    );
    return new Set(inserted.map((row) => row.userId));
  }

  /** Newest first, with the number still unread. */
  async listForUser(userId: string, limit: number, unreadOnly = false): Promise<{ items: NotificationView[]; unread: number }> {
    const items: NotificationView[] = await this.dataSource.query(
      `SELECT ${VIEW} FROM notification WHERE user_id = $1 AND (NOT $3 OR read_at IS NULL) ORDER BY created_at DESC, id DESC LIMIT $2`,
      [userId, limit, unreadOnly],
    );
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return { items, unread: n };
  }

  /** Marks one of the user's notifications read (keeping the first read time); undefined when it is not theirs. */
  async markRead(userId: string, id: string): Promise<NotificationView | undefined> {
    if (!/^\d{1,18}$/.test(id)) return undefined;
    const [rows] = await this.dataSource.query(
      `UPDATE notification SET read_at = COALESCE(read_at, now()) WHERE id = $1::bigint AND user_id = $2 RETURNING ${VIEW}`,
      [id, userId],
    );
    return rows[0];
  }

  async markAllRead(userId: string): Promise<number> {
    const [, affected] = await this.dataSource.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return affected;
  }
}
