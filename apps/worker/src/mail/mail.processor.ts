import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { MailOutboxRepository } from '@qj/persistence';
import { ensureJobScheduler, JobName, JobPayloads, QUEUES } from '@qj/queue';
import type { Job, Queue } from 'bullmq';
import { LoggedWorkerHost, RECOVER_FROM_CRASHES } from '../logged-worker-host';
import { MailTransport, SMTP_POOL_SIZE } from './mail-transport';

const SWEEP_EVERY_MS = 60_000;
/** Mail pending longer than this has lost its job (Redis away, retries exhausted while SMTP was down). */
const SWEEP_OLDER_THAN_SECONDS = 60;
const SWEEP_BATCH = 500;

export const mailJobId = (mailId: string): string => `mail-${mailId}`;

/**
 * `mail.send` sends one outbox row (retried with the shared exponential backoff while SMTP answers 4xx or
 * not at all); `mail.sweep` gives pending rows whose job is gone or spent a new run, so SMTP down for ten
 * minutes, or Redis down, loses no mail.
 */
// One job per pooled connection: what a crash can leave in flight is at most the pool.
@Processor(QUEUES.mail, { concurrency: SMTP_POOL_SIZE, ...RECOVER_FROM_CRASHES })
@Injectable()
export class MailProcessor extends LoggedWorkerHost implements OnApplicationBootstrap {
  static readonly queue = QUEUES.mail;
  static readonly handles: JobName[] = ['mail.send', 'mail.sweep'];

  constructor(
    private readonly outbox: MailOutboxRepository,
    private readonly transport: MailTransport,
    @InjectQueue(QUEUES.mail) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureJobScheduler(this.queue, 'mail.sweep', { every: SWEEP_EVERY_MS }, { data: {}, opts: { attempts: 1, removeOnFail: 100 } });
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as JobName) {
      case 'mail.send': {
        const result = await this.outbox.deliver((job.data as JobPayloads['mail.send']).mailId, (mail) => this.transport.send(mail));
        if (typeof result === 'object') throw result.retry;
        return result;
      }
      case 'mail.sweep':
        return this.sweep();
      default:
        throw new Error(`mail queue has no handler for job "${job.name}"`);
    }
  }

  /** Re-enqueues stragglers under their own job id: a missing job is added, a failed one retried, a finished one replaced. */
  async sweep(olderThanSeconds = SWEEP_OLDER_THAN_SECONDS): Promise<number> {
    let requeued = 0;
    for (const id of await this.outbox.stalePending(olderThanSeconds, SWEEP_BATCH)) {
      const existing = await this.queue.getJob(mailJobId(id));
      const state = existing ? await existing.getState() : 'missing';
      if (state === 'failed') await existing?.retry('failed');
      else if (state === 'completed' || state === 'missing' || state === 'unknown') {
        if (existing) await existing.remove().catch(() => undefined);
        await this.queue.add('mail.send', { mailId: id }, { jobId: mailJobId(id) });
      } else continue;
      requeued++;
    }
    return requeued;
  }
}
