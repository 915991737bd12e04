import { getQueueToken } from '@nestjs/bullmq';
import type { Provider } from '@nestjs/common';
import { QueueName, QUEUES } from '@qj/queue';
import type { Queue } from 'bullmq';

/** Every queue of libs/queue/src/jobs.ts, by name, as QueueModule registered them (with the configured QUEUE_PREFIX). */
export type OperatedQueues = ReadonlyMap<QueueName, Queue>;

export const OPERATED_QUEUES = Symbol('OPERATED_QUEUES');

export const QUEUE_NAMES: readonly QueueName[] = Object.values(QUEUES);

export const operatedQueuesProvider: Provider = {
  provide: OPERATED_QUEUES,
  inject: QUEUE_NAMES.map((name) => getQueueToken(name)),
  useFactory: (...queues: Queue[]): OperatedQueues => new Map(queues.map((queue) => [queue.name as QueueName, queue])),
};
