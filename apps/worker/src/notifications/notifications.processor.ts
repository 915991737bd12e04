import { Processor } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobHandlers, QUEUES } from '@qj/queue';
import { LoggedWorkerHost } from '../logged-worker-host';
import { NotificationsService } from './notifications.service';

/** Domain events as people hear them: each `notifications.event` tells whom it concerns, once. */
@Processor(QUEUES.notifications, { concurrency: 4 })
@Injectable()
export class NotificationsProcessor extends LoggedWorkerHost<'notifications'> {
  static readonly queue = QUEUES.notifications;
  readonly handlers: JobHandlers<'notifications'> = { 'notifications.event': (job) => this.notifications.handle(job.data) };

  constructor(private readonly notifications: NotificationsService) {
    super();
  }
}
