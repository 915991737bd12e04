import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { MailOutboxRepository } from '@qj/persistence';
import { CataloguedQueue, enqueue, ensureJobScheduler, JobHandlers, mailJobId, QUEUES } from '@qj/queue';
import { LoggedWorkerHost, RECOVER_FROM_CRASHES } from '../logged-worker-host';
import { MailTransport, SMTP_POOL_SIZE } from './mail-transport';

const SWEEP_EVERY_MS = 60_000;
/** Mail pending longer than this has lost its job (Redis away, retries exhausted while SMTP was down). */
const SWEEP_OLDER_THAN_SECONDS = 60;
const SWEEP_BATCH = 500;

/**
 * `mail.send` sends one outbox row (retried with the shared exponential backoff while SMTP answers 4xx or
 * not at all); `mail.sweep` gives pending rows whose job is gone or spent a new run, so SMTP down for ten
 * minutes, or Redis down, loses no mail.
 */
// One job per pooled connection: what a crash can leave in flight is at most the pool.
@Processor(QUEUES.mail, { concurrency: SMTP_POOL_SIZE, ...RECOVER_FROM_CRASHES })
@Injectable()
export class MailProcessor extends LoggedWorkerHost<'mail'> implements OnApplicationBootstrap {
  static readonly queue = QUEUES.mail;
  readonly handlers: JobHandlers<'mail'> = {
    'mail.send': (job) => this.send(job.data.mailId),
    'mail.sweep': () => this.sweep(),
  };

  constructor(
    private readonly outbox: MailOutboxRepository,
    private readonly transport: MailTransport,
    @InjectQueue(QUEUES.mail) private readonly queue: CataloguedQueue<'mail'>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureJobScheduler(this.queue, 'mail.sweep', { every: SWEEP_EVERY_MS }, { data: {}, opts: { attempts: 1, removeOnFail: 100 } });
  }

  private async send(mailId: string): Promise<unknown> {
    const result = await this.outbox.deliver(mailId, (mail) => this.transport.send(mail));
    if (typeof result === 'object') throw result.retry;
    return result;
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
        await enqueue(this.queue, 'mail.send', { mailId: id }, { jobId: mailJobId(id) });
      } else continue;
      requeued++;
    }
    return requeued;
  }
}
