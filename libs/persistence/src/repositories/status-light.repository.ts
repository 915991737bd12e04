import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@qj/config';
import { DataSource } from 'typeorm';
import { refreshProjectRag } from './project-status';
import { transactionOf, type Transaction } from './transaction';

/**
 * Projects' status lights (红黄绿灯): computed by the RAG rules of libs/domain from the milestones and written on the
 * project, in the transaction of the change that moved them, as of today in APP_TIMEZONE.
 */
@Injectable()
export class StatusLightRepository {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  refresh(tx: Transaction, projectIds: readonly string[]): Promise<void> {
    return refreshProjectRag(tx, projectIds, this.clock.businessDay());
  }

  /** Every project's light for today (the nightly reconcile: a light turns as days pass, with no change to trigger it). */
  async refreshAll(): Promise<void> {
    const ids: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM project`);
    await this.dataSource.transaction((manager) =>
      this.refresh(
        transactionOf(manager),
        ids.map((row) => row.id),
      ),
    );
  }
}
