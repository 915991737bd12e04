/**
 * Every queue, every job and its payload, in one place. Both applications import this file;
 * a unit test fails when a job has no handler or two.
 */
export const QUEUES = {
  maintenance: 'maintenance',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Fired by a job scheduler; the worker records that it is alive, so operators can see workers are consuming. */
  'worker.heartbeat': Record<string, never>;
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  'worker.heartbeat': QUEUES.maintenance,
};

/** Retry defaults for every job: attempts, exponential backoff, failures kept for inspection. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: false,
} as const;

/** Redis key where the newest heartbeat of any worker is kept (under the queue prefix). */
export const heartbeatKey = (prefix: string): string => `${prefix}:worker:heartbeat`;
