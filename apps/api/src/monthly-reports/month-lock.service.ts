import { Injectable } from '@nestjs/common';
import { domainError } from '@qj/http';
import type { Transaction } from '@qj/persistence';

/**
 * Whether a month is still open to its reports. A month closes when its bulletin (调度通报) is published: the DRC
 * has reported its figures to the leadership, so a report of that month may no longer change. Every write of a
 * monthly report (save, submit, return, the Excel import) asks `assertOpen` in its transaction, and every read marks
 * `locked` from `lockedMonths`: this class is the one place that decides. No bulletin is published anywhere yet, so
 * no month is locked; publishing bulletins will make `lockedMonths` read them (in the caller's transaction, so a
 * publication and a report write queue on the same rows).
 */
@Injectable()
export class MonthLockService {
  /** The months among `months` whose bulletin is published. */
  lockedMonths(months: readonly string[], tx?: Transaction): Promise<ReadonlySet<string>> {
    void months;
    void tx;
    return Promise.resolve(new Set<string>());
  }

  /** 409 `month_locked` when any of `months` is locked. */
  async assertOpen(tx: Transaction, months: readonly string[]): Promise<void> {
    const locked = [...(await this.lockedMonths(months, tx))].sort();
    if (locked.length) {
      throw domainError('month_locked', { months: { zh: locked.join('、'), en: locked.join(', ') } }, { extensions: { months: locked } });
    }
  }
}
