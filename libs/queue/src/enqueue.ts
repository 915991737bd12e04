import type { BulkJobOptions, Job, JobsOptions, Queue } from 'bullmq';
import type { JobName, JobPayloads, QueueName, QueueOfJob } from './jobs';
import { currentRequestId } from './request-context';

declare const carries: unique symbol;

/**
 * A queue as injected for its name (`@InjectQueue(QUEUES.mail) queue: CataloguedQueue<'mail'>`), so `enqueue`
 * can check at compile time that a job goes to its own queue.
 */
export type CataloguedQueue<Q extends QueueName> = Queue & { readonly [carries]: Q };

/** The payload with the id of the request that caused the work under way, unless it names one already. */
function caused<T extends object>(data: T): T {
  const requestId = currentRequestId();
  return requestId && !('requestId' in data) ? { ...data, requestId } : data;
}

/** Adds one job: its name, queue and payload checked against the catalogue at compile time; the request id carried on. */
export function enqueue<J extends JobName>(queue: CataloguedQueue<NoInfer<QueueOfJob<J>>>, name: J, data: JobPayloads[J], opts?: JobsOptions): Promise<Job> {
  return queue.add(name, caused(data), opts);
}

/** Adds many jobs of one name in one round trip, checked like `enqueue`. */
export function enqueueBulk<J extends JobName>(
  queue: CataloguedQueue<NoInfer<QueueOfJob<J>>>,
  name: J,
  jobs: ReadonlyArray<{ data: JobPayloads[J]; opts?: BulkJobOptions }>,
): Promise<Job[]> {
  return queue.addBulk(jobs.map(({ data, opts }) => ({ name, data: caused(data), opts })));
}
