import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';

const REPORT_ERRORS_EVERY_MS = 30_000;

/**
 * Worker settings for queues whose jobs must survive a killed worker. A job held by a dead process is back in
 * the queue within lockDuration + stalledInterval (30 s), well inside the 90 s in which sending must resume;
 * it may stall three times (three crashes in a row) before it is failed.
 */
export const RECOVER_FROM_CRASHES = { lockDuration: 15_000, stalledInterval: 15_000, maxStalledCount: 3 } as const;

/**
 * A processor whose failed attempts are logged with the job, so a failing job is never silent; completed
 * ones are logged at debug level with the queue, so one can see which worker process still consumes which queue.
 */
export abstract class LoggedWorkerHost extends WorkerHost {
  protected readonly logger = new Logger(this.constructor.name);
  private lastErrorReport = 0;

  /** Without a listener BullMQ prints every failed reconnect to stderr; while Redis is away, log one line per 30 s instead. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    if (Date.now() - this.lastErrorReport < REPORT_ERRORS_EVERY_MS) return;
    this.lastErrorReport = Date.now();
    this.logger.warn({ err: error }, `worker: ${error.message}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn({ jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, err: error }, `job failed: ${error.message}`);
  }

  @OnWorkerEvent('completed')
  onCompleted(job: Job): void {
    this.logger.debug({ queue: job.queueName, jobId: job.id, job: job.name }, 'job completed');
  }
}
