import { Processor } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { DomainEventJob, JobName, QUEUES } from '@qj/queue';
import type { Job } from 'bullmq';
import { LoggedWorkerHost } from '../logged-worker-host';
import { NotificationsService } from './notifications.service';

/** Domain events as people hear them: each `notifications.event` tells whom it concerns, once. */
@Processor(QUEUES.notifications, { concurrency: 4 })
@Injectable()
export class NotificationsProcessor extends LoggedWorkerHost {
  static readonly queue = QUEUES.notifications;
  static readonly handles: JobName[] = ['notifications.event'];

  constructor(private readonly notifications: NotificationsService) {
    super();
  }

  async process(job: Job<DomainEventJob>): Promise<number> {
    if (job.name !== 'notifications.event') throw new Error(`notifications queue has no handler for job "${job.name}"`);
    return this.notifications.handle(job.data);
  }
}
