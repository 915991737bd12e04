import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NewDomainEvent } from '@qj/queue';

/** An outbox row: an event's envelope as `domainEvent()` wrote it (the worker that takes the event checks it again). */
export type OutboxRow = NewDomainEvent & { id: string; occurredAt: Date };

/** The relay's view of the outbox. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims up to `limit` unpublished events (oldest first, rows other relays hold are skipped), hands them
   * to `publish`, and marks them published in the same transaction. If `publish` throws (Redis down),
   * nothing is marked and the events wait for the next run; if the process dies after publishing but
   * before commit, they are published again under the same job ids, which BullMQ and the consumers ignore.
   */
  async relay(limit: number, publish: (events: OutboxRow[]) => Promise<void>): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const events: OutboxRow[] = await manager.query(
        `SELECT id::text, name, aggregate_id AS "aggregateId", actor_id AS "actorId", request_id AS "requestId", payload AS data, occurred_at AS "occurredAt"
         FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (!events.length) return 0;
      await publish(events);
      await manager.query(`UPDATE outbox_event SET published_at = now() WHERE id = ANY($1::bigint[])`, [events.map((event) => event.id)]);
      return events.length;
    });
  }

  async unpublishedCount(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`);
    return row.n;
  }
}
