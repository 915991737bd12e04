import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { LoggedWorkerHost } from '../logged-worker-host';
import { CataloguedQueue, DomainEventJob, enqueue, JobHandlers, projectScanJob, QUEUES, rollupsRefreshJobId } from '@qj/queue';

/**
 * Routes each domain event to the rooms whose work it causes: the roll-ups (rollups/) and the overdue scan (alerts/).
 * Job ids are deterministic, so an event seen twice enqueues nothing new.
 */
@Processor(QUEUES.events, { concurrency: 4 })
@Injectable()
export class DomainEventsProcessor extends LoggedWorkerHost<'events'> {
  static readonly queue = QUEUES.events;
  readonly handlers: JobHandlers<'events'> = { 'domain.event': (job) => this.consume(job.data) };

  constructor(
    @InjectQueue(QUEUES.rollups) private readonly rollups: CataloguedQueue<'rollups'>,
    @InjectQueue(QUEUES.alerts) private readonly alerts: CataloguedQueue<'alerts'>,
  ) {
    super();
  }

  private async consume(event: DomainEventJob): Promise<void> {
    // A problem (问题清单) changes no roll-up and no milestone: its notifications travel on their own queue.
    if (event.name.startsWith('problem.')) return;
    // Every project and milestone event carries the project id as its aggregate: its roll-ups are what changed.
    const formerUnitId = event.name === 'project.unit_reassigned' ? event.data.previousUnitId : undefined;
    await enqueue(this.rollups, 'rollups.refresh', { projectId: event.aggregateId, formerUnitId }, { jobId: rollupsRefreshJobId(event.outboxId) });
    // A changed milestone may be overdue now (or again: a new episode), so its project is scanned within the minute.
    if (event.name.startsWith('milestone.')) {
      const scan = projectScanJob(event.aggregateId);
      await enqueue(this.alerts, 'alerts.scan-project', scan.data, scan.opts);
    }
  }
}
