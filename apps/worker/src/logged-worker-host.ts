import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { JOB_PAYLOAD_CLASSES, JobHandlers, JobName, payloadProblems, QueueName, runWithRequestId } from '@qj/queue';
import { Job, UnrecoverableError } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
// nestjs-pino's per-request logger store, used here per job.
import { storage, Store } from 'nestjs-pino/storage';

const REPORT_ERRORS_EVERY_MS = 30_000;

/** The HTTP request a job was caused by, if its payload names one. */
const requestIdOf = (job: Job): string | undefined => {
  const requestId = (job.data as { requestId?: unknown } | undefined)?.requestId;
  return typeof requestId === 'string' ? requestId : undefined;
};

/**
 * Worker settings for queues whose jobs must survive a killed worker. A job held by a dead process is back in
 * the queue within lockDuration + stalledInterval (30 s), well inside the 90 s in which sending must resume;
 * it may stall three times (three crashes in a row) before it is failed.
 */
export const RECOVER_FROM_CRASHES = { lockDuration: 15_000, stalledInterval: 15_000, maxStalledCount: 3 } as const;

/**
 * A processor for one queue of the job catalogue. Each job goes to its handler in `handlers` (one per job of the
 * queue, checked at compile time) with its payload validated first; a job with no handler or an invalid payload
 * fails at once (`UnrecoverableError`): retrying cannot make it valid. Failed attempts are logged with the job, so
 * a failing job is never silent; completed ones at debug level with the queue, so one can see which worker
 * process still consumes which queue. A job caused by an HTTP request (its `requestId`) runs in that request's
 * context: every line logged meanwhile carries the id, and the jobs it enqueues carry it on.
 */
export abstract class LoggedWorkerHost<Q extends QueueName> extends WorkerHost {
  protected readonly logger = new Logger(this.constructor.name);
  private lastErrorReport = 0;

  abstract readonly handlers: JobHandlers<Q>;

  @Inject(PinoLogger)
  private readonly pino: PinoLogger;

  async process(job: Job): Promise<unknown> {
    if (!Object.hasOwn(this.handlers, job.name)) throw new UnrecoverableError(`${job.queueName} queue has no handler for job "${job.name}"`);
    const name = job.name as JobName & keyof JobHandlers<Q>;
    const problems = payloadProblems(JOB_PAYLOAD_CLASSES[name], job.data);
    if (problems) throw new UnrecoverableError(`job "${job.name}" has an invalid payload: ${problems}`);
    // The one place a job is narrowed to its catalogue type: its name has a handler and its payload was just checked.
    const handle = () => {
      this.logger.debug({ queue: job.queueName, jobId: job.id, job: job.name }, 'job started');
      return (this.handlers[name] as (job: Job) => Promise<unknown>)(job);
    };
    const requestId = requestIdOf(job);
    if (!requestId) return handle();
    return storage.run(new Store(this.pino.logger.child({ requestId })), () => runWithRequestId(requestId, handle));
  }

  /** Without a listener BullMQ prints every failed reconnect to stderr; while Redis is away, log one line per 30 s instead. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    if (Date.now() - this.lastErrorReport < REPORT_ERRORS_EVERY_MS) return;
    this.lastErrorReport = Date.now();
    this.logger.warn({ err: error }, `worker: ${error.message}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(
      { jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, requestId: job && requestIdOf(job), err: error },
      `job failed: ${error.message}`,
    );
  }

  @OnWorkerEvent('completed')
  onCompleted(job: Job): void {
    this.logger.debug({ queue: job.queueName, jobId: job.id, job: job.name, requestId: requestIdOf(job) }, 'job completed');
  }
}
