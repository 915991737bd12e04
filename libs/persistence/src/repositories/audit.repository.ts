import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NewDomainEvent } from '@qj/queue';
import { managerOf, Transaction } from './transaction';

/** One audit row of a project's history. */
export interface HistoryRow {
  id: string;
  at: Date;
  entityType: string;
  entityId: string;
  action: string;
  actorId: string | null;
  actorName: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  comment: string | null;
}

/** The operation log's filters (操作日志): all optional, combined with AND; days are calendar days in `timeZone`, inclusive. */
export interface AuditSearch {
  unitId?: string;
  userId?: string;
  kind?: string;
  from?: string;
  to?: string;
  timeZone: string;
}

/** One row of the operation log: the audit row with who, which unit and which project, as the log shows them. */
export interface AuditLogRow {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  actorId: string | null;
  actorName: string;
  unit: { id: string; code: string; name: string } | null;
  project: { id: string; name: string; code: string | null } | null;
  milestoneName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  comment: string | null;
}

export interface AuditEntry {
  projectId: string | null;
  /** An administrator's change to a user or unit: the unit it concerns (the user's, or the unit itself), when there is one. */
  unitId?: string | null;
  entityType: string;
  entityId: string;
  action: string;
  actorId: string | null;
  actorName: string;
  before?: unknown;
  after?: unknown;
  comment?: string | null;
}

/** The unit a log row is shown under and filtered by (see AuditRepository.search); `a` the row, `p` its project, `au` its actor. */
const ROW_UNIT = `COALESCE(p.unit_id, CASE WHEN a.entity_type IN ('user', 'unit') THEN a.unit_id ELSE au.unit_id END)`;

/**
 * What every change leaves behind, in its own transaction: audit rows (a project's history) and the outbox events
 * the relay takes to the workers.
 */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The audit rows and the outbox events of one change, written in its transaction in one statement. */
  async record(tx: Transaction, entries: readonly AuditEntry[], events: readonly NewDomainEvent[] = []): Promise<void> {
    if (!entries.length && !events.length) return;
    await managerOf(tx).query(
      `WITH audited AS (
         INSERT INTO audit_event (project_id, unit_id, entity_type, entity_id, action, actor_id, actor_name, before, after, comment)
         SELECT project_id, unit_id, entity_type, entity_id, action, actor_id, actor_name, before, after, comment
         FROM jsonb_to_recordset($1::jsonb) AS r(project_id uuid, unit_id uuid, entity_type text, entity_id text, action text, actor_id uuid,
              actor_name text, before jsonb, after jsonb, comment text)
       )
       INSERT INTO outbox_event (name, aggregate_id, actor_id, request_id, payload)
       SELECT name, aggregate_id, actor_id, request_id, payload
       FROM jsonb_to_recordset($2::jsonb) AS r(name text, aggregate_id text, actor_id uuid, request_id text, payload jsonb)`,
      [
        JSON.stringify(
          entries.map((entry) => ({
            project_id: entry.projectId,
            unit_id: entry.unitId ?? null,
            entity_type: entry.entityType,
            entity_id: entry.entityId,
            action: entry.action,
            actor_id: entry.actorId,
            actor_name: entry.actorName,
            before: entry.before ?? null,
            after: entry.after ?? null,
            comment: entry.comment ?? null,
          })),
        ),
        JSON.stringify(
          events.map((event) => ({
            name: event.name,
            aggregate_id: event.aggregateId,
            actor_id: event.actorId,
            request_id: event.requestId,
            payload: event.data,
          })),
        ),
      ],
    );
  }

  /**
   * The operation log: audit rows across projects, newest first (by time, then id). A row's unit is its project's (as the project stands
   * now); for an administrator's change to a user or unit, the unit the row names (none for a user without one); for another row about
   * no project (an upload), its actor's. `total` counts every row the filters match.
   */
  async search(filter: AuditSearch, page: { offset: number; limit: number }): Promise<{ items: AuditLogRow[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.unitId) where.push(`${ROW_UNIT} = $${params.push(filter.unitId)}::uuid`);
    if (filter.userId) where.push(`a.actor_id = $${params.push(filter.userId)}::uuid`);
    if (filter.kind) where.push(`a.action = $${params.push(filter.kind)}`);
    if (filter.from || filter.to) params.push(filter.timeZone);
    const tz = `$${params.length}`;
    if (filter.from) where.push(`a.at >= ($${params.push(filter.from)}::date::timestamp AT TIME ZONE ${tz})`);
    if (filter.to) where.push(`a.at < (($${params.push(filter.to)}::date + 1)::timestamp AT TIME ZONE ${tz})`);
    const joins = `FROM audit_event a
       LEFT JOIN project p ON p.id = a.project_id
       LEFT JOIN app_user au ON au.id = a.actor_id`;
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${joins} ${whereSql}`, params);
    const items: AuditLogRow[] = await this.dataSource.query(
      `SELECT a.id, a.at, a.action, a.entity_type AS "entityType", a.actor_id AS "actorId", a.actor_name AS "actorName",
              CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'code', u.code, 'name', u.name) END AS unit,
              CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'name', p.name, 'code', p.project_code) END AS project,
              m.name AS "milestoneName", a.before, a.after, a.comment
       ${joins}
       LEFT JOIN unit u ON u.id = ${ROW_UNIT}
       LEFT JOIN milestone m ON a.entity_type = 'milestone' AND m.id::text = a.entity_id
       ${whereSql}
       ORDER BY a.at DESC, a.id DESC OFFSET $${params.push(page.offset)} LIMIT $${params.push(page.limit)}`,
      params,
    );
    return { items, total };
  }

  /** The people who appear in the log as actors (the user filter's options), by name, with their unit now. */
  async actors(): Promise<Array<{ id: string; name: string; username: string; unit: { id: string; code: string; name: string } | null }>> {
    return this.dataSource.query(
      `SELECT au.id, au.display_name AS name, au.username,
              CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'code', u.code, 'name', u.name) END AS unit
       FROM app_user au LEFT JOIN unit u ON u.id = au.unit_id
       WHERE EXISTS (SELECT 1 FROM audit_event a WHERE a.actor_id = au.id)
       ORDER BY au.display_name, au.username`,
    );
  }

  async history(projectId: string): Promise<HistoryRow[]> {
    return this.dataSource.query(
      `SELECT a.id, a.at, a.entity_type AS "entityType", a.entity_id AS "entityId", a.action, a.actor_id AS "actorId",
              a.actor_name AS "actorName", a.before, a.after, a.comment
       FROM audit_event a WHERE a.project_id = $1 ORDER BY a.id`,
      [projectId],
    );
  }
}
