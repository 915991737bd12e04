import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { LoggedWorkerHost } from '../logged-worker-host';
import { OutboxRepository } from '@qj/persistence';
import { DomainEventJob, ensureJobScheduler, JobName, QUEUES } from '@qj/queue';
import type { Job, Queue } from 'bullmq';

const RELAY_EVERY_MS = 1000;
const BATCH = 500;

/**
 * Moves committed outbox rows to the events queue, one job per row with the deterministic id
 * `event-<outbox id>` (BullMQ forbids `:` in custom ids). Runs every second from a job scheduler, so any number of workers relay once;
 * SKIP LOCKED keeps two relays from taking the same rows should they overlap.
 */
@Processor(QUEUES.outbox)
@Injectable()
export class OutboxRelayProcessor extends LoggedWorkerHost implements OnApplicationBootstrap {
  static readonly queue = QUEUES.outbox;
  static readonly handles: JobName[] = ['outbox.relay'];

  constructor(
    private readonly outbox: OutboxRepository,
    @InjectQueue(QUEUES.outbox) private readonly outboxQueue: Queue,
    @InjectQueue(QUEUES.events) private readonly events: Queue,
    @InjectQueue(QUEUES.notifications) private readonly notifications: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureJobScheduler(this.outboxQueue, 'outbox.relay', { every: RELAY_EVERY_MS }, { data: {}, opts: { attempts: 1, removeOnFail: 100 } });
  }

  async process(job: Job): Promise<number> {
    if (job.name !== 'outbox.relay') throw new Error(`outbox queue has no handler for job "${job.name}"`);
    let relayed = 0;
    // Drain the backlog (e.g. after Redis was away) in batches, each its own transaction.
    for (let batch = await this.relayBatch(); batch > 0; batch = await this.relayBatch()) relayed += batch;
    return relayed;
  }

  /** Each event goes to both consumers; if the second add fails the batch is relayed again and the first add's job ids make it a no-op. */
  private relayBatch(): Promise<number> {
    return this.outbox.relay(BATCH, async (rows) => {
      const events = rows.map(
        (row): DomainEventJob => ({
          outboxId: row.id,
          name: row.name,
          aggregateId: row.aggregateId,
          payload: row.payload,
          occurredAt: new Date(row.occurredAt).toISOString(),
        }),
      );
      await this.events.addBulk(events.map((data) => ({ name: 'domain.event', data, opts: { jobId: `event-${data.outboxId}` } })));
      await this.notifications.addBulk(events.map((data) => ({ name: 'notifications.event', data, opts: { jobId: `notify-${data.outboxId}` } })));
    });
  }
}
