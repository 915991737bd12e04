import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import { CataloguedQueue, ensureJobScheduler, JobHandlers, QUEUES } from '@qj/queue';
import { LoggedWorkerHost } from '../logged-worker-host';
import { SupervisionService } from '../supervision/supervision.service';
import { AlertsService } from './alerts.service';

/**
 * The daily overdue scan (a job scheduler on ALERT_SCAN_CRON in APP_TIMEZONE, so it fires once however many
 * workers run), the per-project scan that follows a milestone change, and the daily 督办 scan of overdue problems.
 */
@Processor(QUEUES.alerts)
@Injectable()
export class AlertsProcessor extends LoggedWorkerHost<'alerts'> implements OnApplicationBootstrap {
  static readonly queue = QUEUES.alerts;
  readonly handlers: JobHandlers<'alerts'> = {
    'alerts.scan': () => this.alerts.scan(),
    'alerts.scan-project': (job) => this.alerts.scan({ projectId: job.data.projectId }),
    'alerts.scan-problems': () => this.supervision.scan(),
  };

  constructor(
    private readonly alerts: AlertsService,
    private readonly supervision: SupervisionService,
    private readonly config: ConfigService<Env, true>,
    @InjectQueue(QUEUES.alerts) private readonly queue: CataloguedQueue<'alerts'>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureJobScheduler(this.queue, 'alerts.scan', {
      pattern: this.config.get('ALERT_SCAN_CRON', { infer: true }),
      tz: this.config.get('APP_TIMEZONE', { infer: true }),
    });
    // Problems escalate at the same hour as milestones, on a schedule of their own.
    await ensureJobScheduler(this.queue, 'alerts.scan-problems', {
      pattern: this.config.get('ALERT_SCAN_CRON', { infer: true }),
      tz: this.config.get('APP_TIMEZONE', { infer: true }),
    });
  }
}
