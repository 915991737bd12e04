import { getQueueToken } from '@nestjs/bullmq';
import { JobName, QueueName, redisConnection } from '@qj/queue';
import { Queue, Worker } from 'bullmq';
import { waitFor } from '../support/processes';
import type { TestApp } from '../support/test-app';

export const FAILURE_REASON = '测试：投递失败（SMTP 拒收）';

/** The queue as the API under test registered it (its prefix). */
export function apiQueue(t: TestApp, name: QueueName): Queue {
  return t.app.get<Queue>(getQueueToken(name));
}

/**
 * Makes jobs fail for good: adds them with a single attempt, then lets a BullMQ Worker of the test's own, which
 * throws, take them. The worker is closed before returning, so nothing picks up a job the test later retries.
 */
export async function failForGood(t: TestApp, queueName: QueueName, jobs: Array<{ id: string; name: JobName; data: object }>): Promise<void> {
  const queue = apiQueue(t, queueName);
  for (const job of jobs) await queue.add(job.name, job.data, { jobId: job.id, attempts: 1 });
  const worker = new Worker(
    queueName,
    async () => {
      throw new Error(FAILURE_REASON);
    },
    { connection: redisConnection(t.env.REDIS_URL), prefix: t.env.QUEUE_PREFIX },
  );
  try {
    await waitFor(`${jobs.length} jobs of ${queueName} to fail`, async () => {
      const states = await Promise.all(jobs.map((job) => queue.getJobState(job.id)));
      return states.every((state) => state === 'failed');
    });
  } finally {
    await worker.close();
  }
}
