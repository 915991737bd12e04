import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@qj/config';
import { refreshProjectRag } from './project-status';
import type { Transaction } from './transaction';

/**
 * Projects' status lights (红黄绿灯): computed by the RAG rules of libs/domain from the milestones and written on the
 * project, in the transaction of the change that moved them, as of today in APP_TIMEZONE.
 */
@Injectable()
export class StatusLightRepository {
  constructor(@Inject(Clock) private readonly clock: Clock) {}

  refresh(tx: Transaction, projectIds: readonly string[]): Promise<void> {
    return refreshProjectRag(tx, projectIds, this.clock.businessDay());
  }
}
