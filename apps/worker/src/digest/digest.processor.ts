import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import { DigestComposer } from '@qj/digest';
import { DigestRepository, MailOutboxRepository, NotificationPreferenceRepository, NotificationRepository } from '@qj/persistence';
import { CataloguedQueue, digestJobId, enqueueBulk, ensureJobScheduler, JobHandlers, JobOf, QUEUES } from '@qj/queue';
import { LoggedWorkerHost, RECOVER_FROM_CRASHES } from '../logged-worker-host';
import { MailRows } from '../mail/mail-rows';
import { digestPeriodOf, weekOfPeriod } from './digest-period';

const PAGE = 500;

/**
 * The weekly digest. The scheduled job (DIGEST_CRON, Mondays 09:00) only fans out, a page of recipients at a
 * time; each `digest.send` claims its (recipient, period) row with SKIP LOCKED and writes one mail row, so
 * running a period again, or two workers at once, sends nothing new. The period is the ISO week (see
 * DIGEST_PERIOD), carried in the jobs' `week` field. Eight at once: composing is database round trips, and
 * 8 here plus the other processors' concurrency stays within the pool of 20 connections.
 */
@Processor(QUEUES.digest, { concurrency: 8, ...RECOVER_FROM_CRASHES })
@Injectable()
export class DigestProcessor extends LoggedWorkerHost<'digest'> implements OnApplicationBootstrap {
  static readonly queue = QUEUES.digest;
  readonly handlers: JobHandlers<'digest'> = {
    'digest.fanout': (job) => this.fanOut(job.data.week ?? this.periodOf(job)),
    'digest.send': (job) => this.send(job.data.userId, job.data.week),
  };

  constructor(
    private readonly digests: DigestRepository,
    private readonly composer: DigestComposer,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly notifications: NotificationRepository,
    private readonly outbox: MailOutboxRepository,
    private readonly mail: MailRows,
    private readonly config: ConfigService<Env, true>,
    @InjectQueue(QUEUES.digest) private readonly queue: CataloguedQueue<'digest'>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureJobScheduler(this.queue, 'digest.fanout', {
      pattern: this.config.get('DIGEST_CRON', { infer: true }),
      tz: this.config.get('APP_TIMEZONE', { infer: true }),
    });
  }

  /** A scheduled job knows the instant it was due (`prevMillis`); one added by hand, when it was added. */
  private periodOf(job: JobOf<'digest.fanout'>): string {
    return digestPeriodOf(
      new Date(job.opts.prevMillis ?? job.timestamp),
      this.config.get('DIGEST_PERIOD', { infer: true }),
      this.config.get('APP_TIMEZONE', { infer: true }),
    );
  }

  /** Returns how many recipients it enqueued, so each run (one per period) can be counted. */
  async fanOut(period: string): Promise<number> {
    let count = 0;
    for (let page = await this.digests.recipientPage(null, PAGE); page.length; page = await this.digests.recipientPage(page[page.length - 1], PAGE)) {
      await enqueueBulk(
        this.queue,
        'digest.send',
        page.map((userId) => ({ data: { userId, week: period }, opts: { jobId: digestJobId(userId, period) } })),
      );
      count += page.length;
    }
    return count;
  }

  /**
   * 'queued' | 'skipped' (in the app only: mail turned off) | 'done' (another worker has it, or it was sent) | 'gone' (no such active
   * user). The digest always appears in the app, as a notification opening what was composed; mail follows the preference.
   */
  async send(userId: string, period: string): Promise<string> {
    const recipient = await this.digests.recipient(userId);
    if (!recipient) return 'gone';
    const { outcome, mailIds } = await this.digests.transaction(async (manager) => {
      if (!(await this.digests.claim(manager, userId, period))) return { outcome: 'done', mailIds: [] as string[] };
      const mail = await this.composer.compose(recipient, weekOfPeriod(period));
      await this.notifications.insertMany(manager, [
        {
          userId,
          kind: 'digest',
          level: null,
          title: mail.subject,
          body: '本周项目进展摘要已生成，点击查看全文。',
          projectId: null,
          milestoneId: null,
          alertId: null,
          dedupeKey: `digest-${period}`,
          link: `/digests/${encodeURIComponent(period)}`,
        },
      ]);
      if ((await this.preferences.optedOut(manager, [userId], 'digest')).size) {
        await this.digests.settle(manager, userId, period, { status: 'skipped', composed: mail });
        return { outcome: 'skipped', mailIds: [] as string[] };
      }
      const ids = await this.outbox.enqueue(manager, [this.mail.forUser(recipient, { kind: 'digest', dedupeKey: digestJobId(userId, period), ...mail })]);
      await this.digests.settle(manager, userId, period, { status: 'queued', mailId: ids[0] ?? null, composed: mail });
      return { outcome: 'queued', mailIds: ids };
    });
    await this.mail.send(mailIds);
    return outcome;
  }
}
