import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainException, domainError } from '@qj/http';
import type { QueueName } from '@qj/queue';
import type { Job } from 'bullmq';
import type { AuthUser } from '../auth';
import { OPERATED_QUEUES, OperatedQueues, QUEUE_NAMES } from './operated-queues';

/** How much of the newest stack trace the list shows; the dashboard has the whole of it. */
const STACKTRACE_HEAD_LINES = 8;

/** A dead letter: a job whose attempts are exhausted (DEFAULT_JOB_OPTIONS keeps failed jobs). */
export interface FailedJobView {
  queue: QueueName;
  id: string;
  name: string;
  data: unknown;
  failedReason: string;
  attemptsMade: number;
  /** Attempts the job was allowed. */
  attempts: number;
  createdAt: string;
  processedAt: string | null;
  failedAt: string | null;
  stacktraceHead: string | null;
}

export interface FailedJobsPage {
  items: FailedJobView[];
  total: number;
  page: number;
  pageSize: number;
  /** Failed jobs per queue, every queue named (0 when none). */
  counts: Record<QueueName, number>;
}

/** The dead-letter view: list, retry or discard jobs that failed for good. Each retry and discard is logged with who did it. */
@Injectable()
export class FailedJobsService {
  private readonly logger = new Logger('FailedJobs');

  constructor(@Inject(OPERATED_QUEUES) private readonly queues: OperatedQueues) {}

  /** Newest first within a queue, the queues in the order of jobs.ts; one queue when `queue` is given. */
  async list(options: { queue?: QueueName; page: number; pageSize: number }): Promise<FailedJobsPage> {
    const counted = await Promise.all(QUEUE_NAMES.map(async (name) => [name, await this.queue(name).getFailedCount()] as const));
    const counts = Object.fromEntries(counted) as Record<QueueName, number>;
    const listed = counted.filter(([name]) => !options.queue || name === options.queue);
    const items: FailedJobView[] = [];
    let skip = (options.page - 1) * options.pageSize;
    for (const [name, count] of listed) {
      const wanted = options.pageSize - items.length;
      if (wanted <= 0) break;
      if (skip >= count) {
        skip -= count;
        continue;
      }
      const jobs = await this.queue(name).getFailed(skip, skip + wanted - 1);
      // A set can name a job removed meanwhile; getFailed leaves a gap for it.
      items.push(...jobs.filter((job): job is Job => !!job).map((job) => view(name, job)));
      skip = 0;
    }
    return { items, total: listed.reduce((sum, [, count]) => sum + count, 0), page: options.page, pageSize: options.pageSize, counts };
  }

  /** Puts a failed job back in the queue with its attempts reset. */
  async retry(queueName: QueueName, jobId: string, user: AuthUser): Promise<{ queue: QueueName; id: string; state: string }> {
    const job = await this.failedJob(queueName, jobId);
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }).catch((error: unknown) => this.refuseUnlessStillFailed(job, error));
    this.logger.log({ action: 'retry', queue: queueName, jobId, jobName: job.name, userId: user.id, username: user.username }, 'failed job retried');
    return { queue: queueName, id: jobId, state: await job.getState() };
  }

  /** Removes a failed job for good. */
  async discard(queueName: QueueName, jobId: string, user: AuthUser): Promise<void> {
    const job = await this.failedJob(queueName, jobId);
    await job.remove().catch((error: unknown) => this.refuseUnlessStillFailed(job, error));
    this.logger.log(
      { action: 'discard', queue: queueName, jobId, jobName: job.name, failedReason: job.failedReason, userId: user.id, username: user.username },
      'failed job discarded',
    );
  }

  private queue(name: QueueName) {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`queue ${name} is not registered`);
    return queue;
  }

  private async failedJob(queueName: QueueName, jobId: string): Promise<Job> {
    const job = await this.queue(queueName).getJob(jobId);
    if (!job) throw domainError('job_not_found', { queue: queueName, jobId }, { extensions: { queue: queueName, jobId } });
    const state = await job.getState();
    if (state !== 'failed') throw notFailed(queueName, jobId, state);
    return job;
  }

  /** Another admin (or a worker) moved the job between our check and our change: say so instead of a 500. */
  private async refuseUnlessStillFailed(job: Job, error: unknown): Promise<never> {
    const state = await job.getState();
    if (state !== 'failed') throw notFailed(job.queueName as QueueName, job.id as string, state);
    throw error;
  }
}

function notFailed(queue: QueueName, jobId: string, state: string): DomainException {
  return domainError('job_not_failed', { queue, jobId, state }, { extensions: { queue, jobId, state } });
}

function view(queue: QueueName, job: Job): FailedJobView {
  const newestStack = job.stacktrace?.length ? job.stacktrace[job.stacktrace.length - 1] : null;
  return {
    queue,
    id: job.id as string,
    name: job.name,
    data: job.data,
    failedReason: job.failedReason,
    attemptsMade: job.attemptsMade,
    attempts: job.opts.attempts ?? 1,
    createdAt: new Date(job.timestamp).toISOString(),
    processedAt: job.processedOn ? new Date(job.processedOn).toISOString() : null,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    stacktraceHead: newestStack ? newestStack.split('\n').slice(0, STACKTRACE_HEAD_LINES).join('\n') : null,
  };
}
