import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { LoggedWorkerHost } from '../logged-worker-host';
import { OutboxRepository } from '@qj/persistence';
import { CataloguedQueue, DomainEventJob, enqueueBulk, ensureJobScheduler, eventJobId, JobHandlers, notifyJobId, QUEUES } from '@qj/queue';

const RELAY_EVERY_MS = 1000;
const BATCH = 500;

/**
 * Moves committed outbox rows to the events queue, one job per row with the deterministic id
 * `event-<outbox id>` (BullMQ forbids `:` in custom ids). Runs every second from a job scheduler, so any number of workers relay once;
 * SKIP LOCKED keeps two relays from taking the same rows should they overlap.
 */
@Processor(QUEUES.outbox)
@Injectable()
export class OutboxRelayProcessor extends LoggedWorkerHost<'outbox'> implements OnApplicationBootstrap {
  static readonly queue = QUEUES.outbox;
  readonly handlers: JobHandlers<'outbox'> = { 'outbox.relay': () => this.relay() };

  constructor(
    private readonly outbox: OutboxRepository,
    @InjectQueue(QUEUES.outbox) private readonly outboxQueue: CataloguedQueue<'outbox'>,
    @InjectQueue(QUEUES.events) private readonly events: CataloguedQueue<'events'>,
    @InjectQueue(QUEUES.notifications) private readonly notifications: CataloguedQueue<'notifications'>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureJobScheduler(this.outboxQueue, 'outbox.relay', { every: RELAY_EVERY_MS }, { data: {}, opts: { attempts: 1, removeOnFail: 100 } });
  }

  private async relay(): Promise<number> {
    let relayed = 0;
    // Drain the backlog (e.g. after Redis was away) in batches, each its own transaction.
    for (let batch = await this.relayBatch(); batch > 0; batch = await this.relayBatch()) relayed += batch;
    return relayed;
  }

  /** Each event goes to both consumers; if the second add fails the batch is relayed again and the first add's job ids make it a no-op. */
  private relayBatch(): Promise<number> {
    return this.outbox.relay(BATCH, async (rows) => {
      // The envelope as written; each consumer validates it (name and data against the catalogue) when it takes the job.
      const events = rows.map(({ id, occurredAt, ...event }): DomainEventJob => ({ ...event, outboxId: id, occurredAt: new Date(occurredAt).toISOString() }));
      await enqueueBulk(
        this.events,
        'domain.event',
        events.map((data) => ({ data, opts: { jobId: eventJobId(data.outboxId) } })),
      );
      await enqueueBulk(
        this.notifications,
        'notifications.event',
        events.map((data) => ({ data, opts: { jobId: notifyJobId(data.outboxId) } })),
      );
    });
  }
}
