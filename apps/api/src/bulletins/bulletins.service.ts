import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock, type Env } from '@qj/config';
import { monthOfDate, type InvestmentLightRules } from '@qj/domain';
import { domainError, ValidationFailedException } from '@qj/http';
import { BulletinRepository, InvestmentFiguresRepository, UnitOfWork, type BulletinRow } from '@qj/persistence';
import { BULLETIN_JOB_OPTIONS, bulletinJobId, CataloguedQueue, enqueue, QUEUES } from '@qj/queue';
import { AuthUser, canReadEverything } from '../auth';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const STATUS_TEXT = {
  generating: { zh: '生成中', en: 'generating' },
  draft: { zh: '草稿', en: 'draft' },
  published: { zh: '已发布', en: 'published' },
  failed: { zh: '生成失败', en: 'failed' },
} as const;

const view = (row: BulletinRow) => {
  const { requestedBy: _requestedBy, publishedBy: _publishedBy, ...rest } = row;
  const files = row.status === 'draft' || row.status === 'published';
  return {
    ...rest,
    documentUrl: files ? `/api/bulletins/${row.id}/document.docx` : null,
    annexUrl: files ? `/api/bulletins/${row.id}/annex.xlsx` : null,
  };
};

/**
 * The month's 调度通报: reviewers and admins ask for it (a `bulletin.generate` job renders it as a draft), read it, and
 * publish it — which freezes the month (its reports lock: MonthLockService; its investment summary is snapshotted) in
 * one transaction. Owners read published bulletins only: a draft is the DRC's working copy, a published one is what the
 * district's leadership was told.
 */
@Injectable()
export class BulletinsService {
  constructor(
    private readonly bulletins: BulletinRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly figures: InvestmentFiguresRepository,
    private readonly clock: Clock,
    private readonly config: ConfigService<Env, true>,
    @InjectQueue(QUEUES.bulletin) private readonly queue: CataloguedQueue<'bulletin'>,
  ) {}

  private rules(): InvestmentLightRules {
    return { yellowPoints: this.config.get('INVESTMENT_YELLOW_POINTS', { infer: true }), redPoints: this.config.get('INVESTMENT_RED_POINTS', { infer: true }) };
  }

  /** A bulletin reports a month that has begun (APP_TIMEZONE): 400 naming `month` otherwise. */
  private assertPast(month: string): void {
    const current = monthOfDate(this.clock.today());
    if (month <= current) return;
    throw new ValidationFailedException([
      {
        field: 'month',
        message: { zh: `month 不能晚于本月（${current}）：通报只能针对已开始的月份`, en: `month may not be after the current month (${current})` },
      },
    ]);
  }

  /**
   * Asks for the month's bulletin: a new one, or the unpublished one generated again (its draft replaced, its version
   * raised). 409 `bulletin_published` once the month's bulletin is published. The job is enqueued after commit; if
   * Redis refuses it, the bulletin says failed (generate again) and the request answers the error.
   */
  async generate(user: AuthUser, month: string) {
    this.assertPast(month);
    const requested = await this.unitOfWork.run(async (tx) => {
      await this.bulletins.lockMonth(tx, month);
      const existing = await this.bulletins.findByMonth(tx, month);
      if (existing?.status === 'published') throw domainError('bulletin_published', { month }, { extensions: { bulletinId: existing.id, month } });
      return this.bulletins.request(tx, month, user.id);
    });
    try {
      await enqueue(
        this.queue,
        'bulletin.generate',
        { bulletinId: requested.id, version: requested.version },
        {
          ...BULLETIN_JOB_OPTIONS,
          jobId: bulletinJobId(requested.id, requested.version),
        },
      );
    } catch (error) {
      await this.bulletins.markFailed(requested.id, requested.version, `生成任务未能入队：${(error as Error).message}`);
      throw error;
    }
    return { id: requested.id, month, status: 'generating' as const, version: requested.version };
  }

  async list(user: AuthUser) {
    return { items: (await this.bulletins.list(!canReadEverything(user))).map(view) };
  }

  /** A bulletin the user may read, or 404 (owners: published ones only; a draft is not theirs to know of). */
  private async readable(user: AuthUser, id: string): Promise<BulletinRow> {
    const row = await this.bulletins.find(id);
    if (!row || (!canReadEverything(user) && row.status !== 'published')) throw domainError('bulletin_not_found', { id });
    return row;
  }

  async get(user: AuthUser, id: string) {
    return view(await this.readable(user, id));
  }

  /** The Word document or the Excel annex; 409 `bulletin_not_ready` while generating or failed. */
  async file(user: AuthUser, id: string, which: 'document' | 'annex'): Promise<{ content: Buffer; fileName: string; asciiName: string }> {
    const row = await this.readable(user, id);
    const file = await this.bulletins.file(id, which);
    if (!file?.content)
      throw domainError(
        'bulletin_not_ready',
        { month: row.month, status: STATUS_TEXT[row.status] },
        { extensions: { bulletinId: id, bulletinStatus: row.status } },
      );
    return which === 'document'
      ? { content: file.content, fileName: `綦江区重点项目调度通报-${row.month}.docx`, asciiName: `bulletin-${row.month}.docx` }
      : { content: file.content, fileName: `綦江区重点项目调度通报附表-${row.month}.xlsx`, asciiName: `bulletin-annex-${row.month}.xlsx` };
  }

  /**
   * Publishes the draft and freezes its month, in one transaction under the month's lock: the investment snapshot
   * of every dimension is taken, the status becomes published, and from its commit the month's reports answer 409
   * `month_locked`. Publishing twice: 409 `bulletin_published`; nothing to publish yet: 409 `bulletin_not_ready`.
   */
  async publish(user: AuthUser, id: string) {
    await this.unitOfWork.run(async (tx) => {
      const found = await this.bulletins.find(id, tx);
      if (!found) throw domainError('bulletin_not_found', { id });
      await this.bulletins.lockMonth(tx, found.month);
      const row = (await this.bulletins.find(id, tx)) as BulletinRow;
      if (row.status === 'published') throw domainError('bulletin_published', { month: row.month }, { extensions: { bulletinId: id, month: row.month } });
      if (row.status !== 'draft') {
        throw domainError(
          'bulletin_not_ready',
          { month: row.month, status: STATUS_TEXT[row.status] },
          { extensions: { bulletinId: id, bulletinStatus: row.status } },
        );
      }
      await this.figures.snapshotMonth(Number(row.month.slice(0, 4)), Number(row.month.slice(5, 7)), this.rules(), tx);
      await this.bulletins.publish(tx, id, user.id);
    });
    return view((await this.bulletins.find(id)) as BulletinRow);
  }
}
