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

export interface AuditEntry {
  projectId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  actorId: string | null;
  actorName: string;
  before?: unknown;
  after?: unknown;
  comment?: string | null;
}

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
         INSERT INTO audit_event (project_id, entity_type, entity_id, action, actor_id, actor_name, before, after, comment)
         SELECT project_id, entity_type, entity_id, action, actor_id, actor_name, before, after, comment
         FROM jsonb_to_recordset($1::jsonb) AS r(project_id uuid, entity_type text, entity_id text, action text, actor_id uuid,
              actor_name text, before jsonb, after jsonb, comment text)
       )
       INSERT INTO outbox_event (name, aggregate_id, actor_id, request_id, payload)
       SELECT name, aggregate_id, actor_id, request_id, payload
       FROM jsonb_to_recordset($2::jsonb) AS r(name text, aggregate_id text, actor_id uuid, request_id text, payload jsonb)`,
      [
        JSON.stringify(
          entries.map((entry) => ({
            project_id: entry.projectId,
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

  async history(projectId: string): Promise<HistoryRow[]> {
    return this.dataSource.query(
      `SELECT a.id, a.at, a.entity_type AS "entityType", a.entity_id AS "entityId", a.action, a.actor_id AS "actorId",
              a.actor_name AS "actorName", a.before, a.after, a.comment
       FROM audit_event a WHERE a.project_id = $1 ORDER BY a.id`,
      [projectId],
    );
  }
}
