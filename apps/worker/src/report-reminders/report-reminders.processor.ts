import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import { CataloguedQueue, ensureJobScheduler, JobHandlers, QUEUES } from '@qj/queue';
import { LoggedWorkerHost } from '../logged-worker-host';
import { ReportRemindersService } from './report-reminders.service';

/**
 * The daily monthly-report scan: a job scheduler on REPORT_REMINDER_CRON in APP_TIMEZONE, so it fires once however
 * many workers run. One job, not one per unit: the district has a few dozen units, the raise is one statement, and
 * the unique (project, month, level) key already makes the scan safe to run twice.
 */
@Processor(QUEUES.reports)
@Injectable()
export class ReportRemindersProcessor extends LoggedWorkerHost<'reports'> implements OnApplicationBootstrap {
  static readonly queue = QUEUES.reports;
  readonly handlers: JobHandlers<'reports'> = {
    'reports.scan': () => this.reminders.scan(),
  };

  constructor(
    private readonly reminders: ReportRemindersService,
    private readonly config: ConfigService<Env, true>,
    @InjectQueue(QUEUES.reports) private readonly queue: CataloguedQueue<'reports'>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureJobScheduler(this.queue, 'reports.scan', {
      pattern: this.config.get('REPORT_REMINDER_CRON', { infer: true }),
      tz: this.config.get('APP_TIMEZONE', { infer: true }),
    });
  }
}
