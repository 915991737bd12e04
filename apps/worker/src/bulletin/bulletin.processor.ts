import { Processor } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { BulletinRepository, NotificationSourceRepository } from '@qj/persistence';
import { JobHandlers, JobOf, QUEUES } from '@qj/queue';
import { UnrecoverableError } from 'bullmq';
import { LoggedWorkerHost, RECOVER_FROM_CRASHES } from '../logged-worker-host';
import { NotificationsService } from '../notifications/notifications.service';
import { bulletinReady } from '../notifications/workflow-messages';
import { renderBulletinAnnex } from './bulletin-annex';
import { renderBulletinDocument } from './bulletin-document';
import { BulletinGatherer } from './bulletin-gatherer';
import { periodText } from './bulletin-text';

/**
 * Generates a month's bulletin (调度通报). Idempotent by construction: the job carries the generation's version, and
 * its one write (both files, the figures and `draft`, in one statement) applies only while the row is still generating
 * at that version — so a retry after a crash, a duplicate job or a superseded generation writes nothing, and no reader
 * ever sees half a bulletin. After the last attempt the bulletin says `failed` with the reason. The reviewers are told
 * once per generation (notification dedupe key), after the draft is committed.
 */
@Processor(QUEUES.bulletin, { concurrency: 1, ...RECOVER_FROM_CRASHES })
@Injectable()
export class BulletinProcessor extends LoggedWorkerHost<'bulletin'> {
  static readonly queue = QUEUES.bulletin;
  readonly handlers: JobHandlers<'bulletin'> = {
    'bulletin.generate': (job) => this.generateOrFail(job),
  };

  constructor(
    private readonly bulletins: BulletinRepository,
    private readonly gatherer: BulletinGatherer,
    private readonly source: NotificationSourceRepository,
    private readonly notifications: NotificationsService,
  ) {
    super();
  }

  private async generateOrFail(job: JobOf<'bulletin.generate'>): Promise<string> {
    const { bulletinId, version } = job.data;
    try {
      return await this.generate(bulletinId, version);
    } catch (error) {
      const last = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (last) await this.bulletins.markFailed(bulletinId, version, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  /**
   * 'draft' when written now; 'notified' when a retry finds the draft written (it only tells the reviewers, once);
   * 'superseded' when another generation was requested since, or the month was published.
   */
  async generate(bulletinId: string, version: number): Promise<string> {
    const generation = await this.bulletins.generation(bulletinId, version);
    if (!generation) return 'superseded';
    let outcome = 'notified';
    if (generation.status === 'generating') {
      const data = await this.gatherer.gather(generation.month);
      const [document, annex] = await Promise.all([renderBulletinDocument(data), renderBulletinAnnex(data)]);
      if (!(await this.bulletins.saveGenerated(bulletinId, version, { document, annex, figures: data }))) return 'superseded';
      outcome = 'draft';
    }
    await this.notifications.deliver({
      dedupeKey: `bulletin-${bulletinId}-v${version}`,
      recipients: await this.source.reviewers(),
      message: bulletinReady(generation.month, periodText(Number(generation.month.slice(5, 7))), generation.requestedByName),
      projectId: null,
      milestoneId: null,
      link: { path: `/bulletins/${bulletinId}`, label: '查看调度通报' },
    });
    return outcome;
  }
}
