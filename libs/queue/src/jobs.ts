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
  /** The same domain events again (jobId `notify-<outbox id>`), for the people they concern: a slow mail lookup never holds up the roll-ups. */
  notifications: 'notifications',
  /** Overdue and stale scans: daily, and per project within a minute of a milestone change. */
  alerts: 'alerts',
  /** One `mail.send` job per mail_outbox row (jobId `mail-<id>`), and the sweeper that re-enqueues stragglers. */
  mail: 'mail',
  /** The weekly digest: a Monday fan-out, then one `digest.send` per recipient (jobId `digest-<userId>-<isoWeek>`). */
  digest: 'digest',
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
  /** Tells the people an event concerns (requests, decisions, 不适用 markings), in the app and by mail; once per person and thing. */
  'notifications.event': DomainEventJob;
  /** Recomputes every roll-up from scratch: nightly, and at worker start. */
  'rollups.reconcile': Record<string, never>;
  /** Keeps this ISO week's copy of every roll-up (never overwritten). */
  'rollups.snapshot': { week?: string };
  /** Fired by a job scheduler (ALERT_SCAN_CRON in APP_TIMEZONE): every overdue milestone and stale project. */
  'alerts.scan': Record<string, never>;
  /** One project's milestones, after a change (jobId `alerts-scan-<projectId>-<minute>`, delayed to the minute's end). */
  'alerts.scan-project': { projectId: string };
  /** Sends one mail_outbox row; does nothing when it is no longer pending. */
  'mail.send': { mailId: string };
  /** Every minute: re-enqueues pending mail older than a minute (SMTP or Redis was away, a worker died). */
  'mail.sweep': Record<string, never>;
  /** Fired by DIGEST_CRON (Mondays 09:00 APP_TIMEZONE): pages through the recipients and enqueues one `digest.send` each. */
  'digest.fanout': { week?: string };
  /** Composes and queues one recipient's digest for a period (its ISO week by default), once (the `digest` row is the guard). */
  'digest.send': { userId: string; week: string };
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  'worker.heartbeat': QUEUES.maintenance,
  'outbox.relay': QUEUES.outbox,
  'domain.event': QUEUES.events,
  'notifications.event': QUEUES.notifications,
  'rollups.reconcile': QUEUES.rollups,
  'rollups.snapshot': QUEUES.rollups,
  'alerts.scan': QUEUES.alerts,
  'alerts.scan-project': QUEUES.alerts,
  'mail.send': QUEUES.mail,
  'mail.sweep': QUEUES.mail,
  'digest.fanout': QUEUES.digest,
  'digest.send': QUEUES.digest,
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
