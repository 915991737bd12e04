import { Injectable } from '@nestjs/common';
import { domainError } from '@qj/http';
import { BulletinRepository, type Transaction } from '@qj/persistence';

/**
 * Whether a month is still open to its reports. A month closes when its bulletin (调度通报) is published: the DRC
 * has reported its figures to the leadership, so a report of that month may no longer change. Every write of a
 * monthly report (save, submit, return, the Excel import) asks `assertOpen` in its transaction, and every read marks
 * `locked` from `lockedMonths`: this class is the one place that decides, from the published bulletins.
 */
@Injectable()
export class MonthLockService {
  constructor(private readonly bulletins: BulletinRepository) {}

  /**
   * The months among `months` whose bulletin is published. In a transaction (a write about to happen) the months are
   * held open until it commits: a publication of one of them waits for it, and then sees what it wrote.
   */
  async lockedMonths(months: readonly string[], tx?: Transaction): Promise<ReadonlySet<string>> {
    return new Set((await this.published(months, tx)).map((bulletin) => bulletin.month));
  }

  private async published(months: readonly string[], tx?: Transaction): Promise<Array<{ id: string; month: string }>> {
    if (tx) await this.bulletins.holdMonthsOpen(tx, months);
    return this.bulletins.publishedOf(months, tx);
  }

  /** 409 `month_locked` when any of `months` is locked, naming the bulletins that locked them (`bulletins: [{ id, month }]`). */
  async assertOpen(tx: Transaction, months: readonly string[]): Promise<void> {
    const published = await this.published(months, tx);
    if (published.length) {
      const locked = published.map((bulletin) => bulletin.month);
      throw domainError(
        'month_locked',
        { months: { zh: locked.join('、'), en: locked.join(', ') } },
        { extensions: { months: locked, bulletins: published.map(({ id, month }) => ({ id, month })) } },
      );
    }
  }
}
