import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import { ensureJobScheduler, JobName, JobPayloads, QUEUES } from '@qj/queue';
import type { Job, Queue } from 'bullmq';
import { LoggedWorkerHost } from '../logged-worker-host';
import { AlertsService, ScanResult } from './alerts.service';

/**
 * The daily overdue scan (a job scheduler on ALERT_SCAN_CRON in APP_TIMEZONE, so it fires once however many
 * workers run) and the per-project scan that follows a milestone change.
 */
@Processor(QUEUES.alerts)
@Injectable()
export class AlertsProcessor extends LoggedWorkerHost implements OnApplicationBootstrap {
  static readonly queue = QUEUES.alerts;
  static readonly handles: JobName[] = ['alerts.scan', 'alerts.scan-project'];

  constructor(
    private readonly alerts: AlertsService,
    private readonly config: ConfigService<Env, true>,
    @InjectQueue(QUEUES.alerts) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureJobScheduler(this.queue, 'alerts.scan', { pattern: this.config.get('ALERT_SCAN_CRON'), tz: this.config.get('APP_TIMEZONE') });
  }

  async process(job: Job): Promise<ScanResult> {
    switch (job.name as JobName) {
      case 'alerts.scan':
        return this.alerts.scan();
      case 'alerts.scan-project':
        return this.alerts.scan({ projectId: (job.data as JobPayloads['alerts.scan-project']).projectId });
      default:
        throw new Error(`alerts queue has no handler for job "${job.name}"`);
    }
  }
}

/**
 * Data and options of the job that scans a project after a milestone change: one id per project and minute,
 * delayed to the end of that minute, so a burst of edits scans once and the minute's last edit is still seen.
 */
export function projectScanJobArgs(projectId: string, now = Date.now()): [JobPayloads['alerts.scan-project'], { jobId: string; delay: number }] {
  const minute = Math.floor(now / 60_000);
  return [{ projectId }, { jobId: `alerts-scan-${projectId}-${minute}`, delay: (minute + 1) * 60_000 - now }];
}
