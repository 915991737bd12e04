import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import { isoWeekOf, todayIn } from '@qj/domain';
import { DigestComposer } from '@qj/mail';
import { DigestRepository, MailOutboxRepository, NotificationPreferenceRepository } from '@qj/persistence';
import { JobName, JobPayloads, QUEUES } from '@qj/queue';
import type { Job, Queue } from 'bullmq';
import { LoggedWorkerHost } from '../logged-worker-host';
import { MailTransport } from '../mail/mail-transport';
import { mailJobId } from '../mail/mail.processor';

const PAGE = 500;

export const digestJobId = (userId: string, week: string): string => `digest-${userId}-${week}`;

/**
 * The weekly digest. The Monday job only fans out, a page of recipients at a time; each `digest.send`
 * claims its (recipient, week) row with SKIP LOCKED and writes one mail row, so running a week again,
 * or two workers at once, sends nothing new.
 */
@Processor(QUEUES.digest, { concurrency: 4 })
@Injectable()
export class DigestProcessor extends LoggedWorkerHost implements OnApplicationBootstrap {
  static readonly queue = QUEUES.digest;
  static readonly handles: JobName[] = ['digest.fanout', 'digest.send'];

  constructor(
    private readonly digests: DigestRepository,
    private readonly composer: DigestComposer,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly outbox: MailOutboxRepository,
    private readonly transport: MailTransport,
    private readonly config: ConfigService<Env, true>,
    @InjectQueue(QUEUES.digest) private readonly queue: Queue,
    @InjectQueue(QUEUES.mail) private readonly mailQueue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('digest.fanout', { pattern: '0 9 * * 1', tz: this.config.get('APP_TIMEZONE') }, { name: 'digest.fanout', data: {} });
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as JobName) {
      case 'digest.fanout':
        return this.fanOut((job.data as JobPayloads['digest.fanout']).week ?? isoWeekOf(todayIn(this.config.get('APP_TIMEZONE'))).key);
      case 'digest.send': {
        const { userId, week } = job.data as JobPayloads['digest.send'];
        return this.send(userId, week);
      }
      default:
        throw new Error(`digest queue has no handler for job "${job.name}"`);
    }
  }

  async fanOut(week: string): Promise<number> {
    let count = 0;
    for (let page = await this.digests.recipientPage(null, PAGE); page.length; page = await this.digests.recipientPage(page[page.length - 1], PAGE)) {
      await this.queue.addBulk(page.map((userId) => ({ name: 'digest.send', data: { userId, week }, opts: { jobId: digestJobId(userId, week) } })));
      count += page.length;
    }
    return count;
  }

  /** 'queued' | 'skipped' | 'done' (another worker has it, or it was sent) | 'gone' (no such active user). */
  async send(userId: string, week: string): Promise<string> {
    const recipient = await this.digests.recipient(userId);
    if (!recipient) return 'gone';
    const { outcome, mailIds } = await this.digests.transaction(async (manager) => {
      if (!(await this.digests.claim(manager, userId, week))) return { outcome: 'done', mailIds: [] as string[] };
      if ((await this.preferences.optedOut(manager, [userId], 'digest')).size) {
        await this.digests.settle(manager, userId, week, { status: 'skipped' });
        return { outcome: 'skipped', mailIds: [] as string[] };
      }
      const mail = await this.composer.compose(recipient, week);
      const toAddress = recipient.email ?? this.transport.fallbackAddress(recipient.username);
      const ids = await this.outbox.enqueue(manager, [
        { userId, toAddress, kind: 'digest', dedupeKey: `digest-${userId}-${week}`, ...mail, skipReason: toAddress ? undefined : '用户未设置邮箱' },
      ]);
      await this.digests.settle(manager, userId, week, { status: 'queued', mailId: ids[0] ?? null });
      return { outcome: 'queued', mailIds: ids };
    });
    for (const mailId of mailIds) {
      await this.mailQueue.add('mail.send', { mailId }, { jobId: mailJobId(mailId) }).catch((error: Error) => this.logger.warn(`mail job not enqueued (the sweeper will send it): ${error.message}`));
    }
    return outcome;
  }
}
