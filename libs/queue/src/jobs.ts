/**
 * Every queue, every job and its payload, in one place. Both applications import this file;
 * a unit test fails when a job has no handler or two.
 */
export const QUEUES = {
  maintenance: 'maintenance',
  /** Moves committed outbox rows to the events queue. */
  outbox: 'outbox',
  /** Domain events, one job per outbox row (jobId `event-<outbox id>`: BullMQ forbids `:` in custom ids). */
  events: 'events',
  rollups: 'rollups',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** A domain event as relayed from the outbox; consumers must tolerate seeing one twice. */
export interface DomainEventJob {
  outboxId: string;
  name: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  occurredAt: string;
}

export type RollupDimension = 'part' | 'chapter' | 'column' | 'sector' | 'unit';

export interface JobPayloads {
  /** Fired by a job scheduler; the worker records that it is alive, so operators can see workers are consuming. */
  'worker.heartbeat': Record<string, never>;
  /** Fired every second by a job scheduler: relays committed outbox rows to the events queue. */
  'outbox.relay': Record<string, never>;
  'domain.event': DomainEventJob;
  /** Recomputes every roll-up from scratch: nightly, and at worker start. */
  'rollups.reconcile': Record<string, never>;
  /** Keeps this ISO week's copy of every roll-up (never overwritten). */
  'rollups.snapshot': { week?: string };
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  'worker.heartbeat': QUEUES.maintenance,
  'outbox.relay': QUEUES.outbox,
  'domain.event': QUEUES.events,
  'rollups.reconcile': QUEUES.rollups,
  'rollups.snapshot': QUEUES.rollups,
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
