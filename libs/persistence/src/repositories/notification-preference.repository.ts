import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NOTIFICATION_KINDS, NotificationKind } from '../entities/notification-preference.entity';

export type NotificationPreferences = Record<NotificationKind, boolean>;

/** Which e-mail each user wants; a missing row means yes. */
@Injectable()
export class NotificationPreferenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(userId: string): Promise<NotificationPreferences> {
    const rows: Array<{ kind: NotificationKind; enabled: boolean }> = await this.dataSource.query(
      `SELECT kind, enabled FROM notification_preference WHERE user_id = $1`,
      [userId],
    );
    const preferences = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, true])) as NotificationPreferences;
    for (const row of rows) if (NOTIFICATION_KINDS.includes(row.kind)) preferences[row.kind] = row.enabled;
    return preferences;
  }

  async set(userId: string, patch: Partial<NotificationPreferences>): Promise<NotificationPreferences> {
    const entries = NOTIFICATION_KINDS.filter((kind) => typeof patch[kind] === 'boolean').map((kind) => ({ kind, enabled: patch[kind] }));
    if (entries.length) {
      await this.dataSource.query(
        `INSERT INTO notification_preference (user_id, kind, enabled)
         SELECT $1, kind, enabled FROM jsonb_to_recordset($2::jsonb) AS r(kind text, enabled boolean)
         ON CONFLICT (user_id, kind) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()`,
        [userId, JSON.stringify(entries)],
      );
    }
    return this.get(userId);
  }

  /** Of `userIds`, those who turned `kind` off. */
  async optedOut(manager: EntityManager, userIds: readonly string[], kind: NotificationKind): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows: Array<{ userId: string }> = await manager.query(
      `SELECT user_id AS "userId" FROM notification_preference WHERE user_id = ANY($1::uuid[]) AND kind = $2 AND NOT enabled`,
      [userIds, kind],
    );
    return new Set(rows.map((row) => row.userId));
  }
}
