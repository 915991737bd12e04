import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { LoggedWorkerHost } from '../logged-worker-host';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import { businessDay } from '@qj/domain';
import { RollupRepository } from '@qj/persistence';
import { DomainEventJob, JobName, QUEUES } from '@qj/queue';
import type { Job, Queue } from 'bullmq';
import { projectScanJobArgs } from '../alerts/alerts.processor';

/**
 * Consumes domain events. Every handler recomputes from the database rather than applying a delta,
 * so an event seen twice changes nothing the second time.
 */
@Processor(QUEUES.events, { concurrency: 4 })
@Injectable()
export class DomainEventsProcessor extends LoggedWorkerHost {
  static readonly queue = QUEUES.events;
  static readonly handles: JobName[] = ['domain.event'];

  constructor(
    private readonly rollups: RollupRepository,
    private readonly config: ConfigService<Env, true>,
    @InjectQueue(QUEUES.alerts) private readonly alerts: Queue,
  ) {
    super();
  }

  async process(job: Job<DomainEventJob>): Promise<void> {
    if (job.name !== 'domain.event') throw new Error(`events queue has no handler for job "${job.name}"`);
    // Every project and milestone event carries the project id as its aggregate: its roll-ups are what changed.
    const formerUnit = job.data.payload.previousUnitId;
    await this.rollups.refreshForProjects(
      [job.data.aggregateId],
      businessDay(this.config.get('APP_TIMEZONE')),
      typeof formerUnit === 'string' ? [formerUnit] : [],
    );
    // A changed milestone may be overdue now (or again: a new episode), so its project is scanned within the minute.
    if (job.data.name.startsWith('milestone.')) await this.alerts.add('alerts.scan-project', ...projectScanJobArgs(job.data.aggregateId));
  }
}
