import { Job, Queue } from 'bullmq';
import Redis from 'ioredis';
import type { Client } from 'pg';
import { QUEUES, redisConnection } from '@qj/queue';
import type { TestApp } from './test-app';

/** What a drain reads: the suite's Redis and queue prefix, and its database (for the outbox). */
export interface DrainTarget {
  env: Pick<TestApp['env'], 'REDIS_URL' | 'QUEUE_PREFIX'>;
  db: Client;
}

export interface DrainOptions {
  timeoutMs?: number;
  /**
   * Runs delayed jobs now instead of sitting out their delay: a project scan due at the minute's end, a retry's
   * back-off. Only where the delay is not what the test is about: a scan promoted runs under its per-minute job id,
   * so a later change in the same minute is not scanned again.
   */
  promoteDelayed?: boolean;
}

const BUSY = ['waiting', 'active', 'prioritized', 'waiting-children'] as const;
const EVERY_MS = 100;

/** Jobs not done yet in one queue (by state), promoting the delayed ones when asked. */
async function pendingIn(queue: Queue, promote: boolean): Promise<Record<string, number>> {
  const counts = await queue.getJobCounts(...BUSY);
  // A job scheduler always keeps its next firing as a delayed job (`repeatJobKey`): that is not work left to do.
  const delayed = ((await queue.getDelayed()) as Job[]).filter((job) => !job.repeatJobKey);
  if (promote) await Promise.all(delayed.map((job) => job.promote().catch(() => undefined)));
  return Object.fromEntries(Object.entries({ ...counts, delayed: delayed.length }).filter(([, n]) => n > 0));
}

/**
 * Waits until the workers have done everything there is to do: every outbox event relayed, and no queue holding a job
 * that is waiting, running or delayed. A job may add jobs (an event causes a scan, a scan mails), so the state must be
 * seen empty on two reads in a row: one job finishing between the reads of two queues cannot then pass for done.
 * The suite must run workers (ProcessorsModule in the API, or a launched worker), or nothing ever drains.
 */
export async function drainQueues(target: DrainTarget, options: DrainOptions = {}): Promise<void> {
  const { timeoutMs = 60_000, promoteDelayed = false } = options;
  const connection = new Redis(redisConnection(target.env.REDIS_URL));
  const queues = Object.values(QUEUES).map((name) => new Queue(name, { connection, prefix: target.env.QUEUE_PREFIX }));
  const started = Date.now();
  /** What is left, by queue and state (and the outbox's unrelayed events); empty when all is done. */
  const pending = async (): Promise<Record<string, unknown>> => {
    const [outbox, perQueue] = await Promise.all([
      target.db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`),
      Promise.all(queues.map((queue) => pendingIn(queue, promoteDelayed))),
    ]);
    const left: Record<string, unknown> = outbox.rows[0].n ? { outbox: outbox.rows[0].n } : {};
    for (const [i, queue] of queues.entries()) if (Object.keys(perQueue[i]).length) left[queue.name] = perQueue[i];
    return left;
  };
  try {
    for (let emptyReads = 0; emptyReads < 2;) {
      const left = await pending();
      emptyReads = Object.keys(left).length ? 0 : emptyReads + 1;
      if (emptyReads === 2) break;
      if (Date.now() - started > timeoutMs) throw new Error(`the queues did not drain within ${timeoutMs} ms; left: ${JSON.stringify(left)}`);
      await new Promise((done) => setTimeout(done, EVERY_MS));
    }
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
    connection.disconnect();
  }
}
