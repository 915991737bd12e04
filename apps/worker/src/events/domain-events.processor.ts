import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { LoggedWorkerHost } from '../logged-worker-host';
import { Clock } from '@qj/config';
import { RollupRepository } from '@qj/persistence';
import { CataloguedQueue, DomainEventJob, enqueue, JobHandlers, projectScanJob, QUEUES } from '@qj/queue';

/**
 * Consumes domain events. Every handler recomputes from the database rather than applying a delta,
 * so an event seen twice changes nothing the second time.
 */
@Processor(QUEUES.events, { concurrency: 4 })
@Injectable()
export class DomainEventsProcessor extends LoggedWorkerHost<'events'> {
  static readonly queue = QUEUES.events;
  readonly handlers: JobHandlers<'events'> = { 'domain.event': (job) => this.consume(job.data) };

  constructor(
    private readonly rollups: RollupRepository,
    private readonly clock: Clock,
    @InjectQueue(QUEUES.alerts) private readonly alerts: CataloguedQueue<'alerts'>,
  ) {
    super();
  }

  private async consume(event: DomainEventJob): Promise<void> {
    // Every project and milestone event carries the project id as its aggregate: its roll-ups are what changed.
    await this.rollups.refreshForProjects(
      [event.aggregateId],
      this.clock.businessDay(),
      event.name === 'project.unit_reassigned' ? [event.data.previousUnitId] : [],
    );
    // A changed milestone may be overdue now (or again: a new episode), so its project is scanned within the minute.
    if (event.name.startsWith('milestone.')) {
      const scan = projectScanJob(event.aggregateId);
      await enqueue(this.alerts, 'alerts.scan-project', scan.data, scan.opts);
    }
  }
}
