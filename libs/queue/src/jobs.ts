import type { Job } from 'bullmq';
import {
  BulletinGeneratePayload,
  DigestFanoutPayload,
  DigestSendPayload,
  DomainEventJob,
  DomainEventJobPayload,
  MailSendPayload,
  NoPayload,
  RollupsRefreshPayload,
  RollupsSnapshotPayload,
  ScanProjectPayload,
} from './job-payloads';

/**
 * Every queue, every job and its payload, in one place. Both applications import this file;
 * a unit test fails when a job has no handler or two.
 */
export const QUEUES = {
  maintenance: 'maintenance',
  /** Moves committed outbox rows to the events queue. */
  outbox: 'outbox',
  /** Domain events, one job per outbox row (jobId `event-<outbox id>`: BullMQ forbids `:` in custom ids), routed to the roll-ups and the alerts. */
  events: 'events',
  /** Roll-ups and status lights: the refresh after each event, the nightly reconcile, the weekly snapshot. */
  rollups: 'rollups',
  /** The same domain events again (jobId `notify-<outbox id>`), for the people they concern: a slow mail lookup never holds up the roll-ups. */
  notifications: 'notifications',
  /** Overdue and stale scans: daily, and per project within a minute of a milestone change. */
  alerts: 'alerts',
  /** One `mail.send` job per mail_outbox row (jobId `mail-<id>`), and the sweeper that re-enqueues stragglers. */
  mail: 'mail',
  /** The weekly digest: a Monday fan-out, then one `digest.send` per recipient (jobId `digest-<userId>-<isoWeek>`). */
  digest: 'digest',
  /** A month's 调度通报: one `bulletin.generate` per requested generation (jobId `bulletin-<id>-v<version>`). */
  bulletin: 'bulletin',
  /** The daily monthly-report scan (月报催报): reminders before the due day, late notices after it. */
  reports: 'reports',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type RollupDimension = 'part' | 'chapter' | 'column' | 'sector' | 'unit';

/** Each job's payload type is its validating class in `job-payloads.ts`: what a handler is given has been checked. */
export interface JobPayloads {
  /** Fired by a job scheduler; the worker records that it is alive, so operators can see workers are consuming. */
  'worker.heartbeat': NoPayload;
  /** Fired every second by a job scheduler: relays committed outbox rows to the events queue. */
  'outbox.relay': NoPayload;
  'domain.event': DomainEventJob;
  /** Tells the people an event concerns (requests, decisions, 不适用 markings), in the app and by mail; once per person and thing. */
  'notifications.event': DomainEventJob;
  /** Recomputes every roll-up from scratch: nightly, and at worker start. */
  'rollups.reconcile': NoPayload;
  /** Recomputes the roll-ups one project stands under, after a domain event about it (jobId `rollups-refresh-<outbox id>`). */
  'rollups.refresh': RollupsRefreshPayload;
  /** Keeps this ISO week's copy of every roll-up (never overwritten). */
  'rollups.snapshot': RollupsSnapshotPayload;
  /** Fired by a job scheduler (ALERT_SCAN_CRON in APP_TIMEZONE): every overdue milestone and stale project. */
  'alerts.scan': NoPayload;
  /** One project's milestones, after a change (jobId `alerts-scan-<projectId>-<minute>`, delayed to the minute's end). */
  'alerts.scan-project': ScanProjectPayload;
  /** Fired by a job scheduler (ALERT_SCAN_CRON in APP_TIMEZONE): overdue problems (问题清单) escalated, 督办单 issued. */
  'alerts.scan-problems': NoPayload;
  /** Sends one mail_outbox row; does nothing when it is no longer pending. */
  'mail.send': MailSendPayload;
  /** Every minute: re-enqueues pending mail older than a minute (SMTP or Redis was away, a worker died). */
  'mail.sweep': NoPayload;
  /** Fired by DIGEST_CRON (Mondays 09:00 APP_TIMEZONE): pages through the recipients and enqueues one `digest.send` each. */
  'digest.fanout': DigestFanoutPayload;
  /** Composes and queues one recipient's digest for a period (its ISO week by default), once (the `digest` row is the guard). */
  'digest.send': DigestSendPayload;
  /** Gathers a month's figures, renders the bulletin's .docx and .xlsx and stores them as its draft, then tells the reviewers; once per version. */
  'bulletin.generate': BulletinGeneratePayload;
  /** Fired by REPORT_REMINDER_CRON in APP_TIMEZONE: reminds owners of unreported projects before the due day, tells owners and reviewers after it. */
  'reports.scan': NoPayload;
}

export type JobName = keyof JobPayloads;

/** The class that validates each job's payload when a worker takes the job (an event's data by its name's class). */
export const JOB_PAYLOAD_CLASSES: { [J in JobName]: new () => J extends 'domain.event' | 'notifications.event' ? DomainEventJobPayload : JobPayloads[J] } = {
  'worker.heartbeat': NoPayload,
  'outbox.relay': NoPayload,
  'domain.event': DomainEventJobPayload,
  'notifications.event': DomainEventJobPayload,
  'rollups.reconcile': NoPayload,
  'rollups.refresh': RollupsRefreshPayload,
  'rollups.snapshot': RollupsSnapshotPayload,
  'alerts.scan': NoPayload,
  'alerts.scan-project': ScanProjectPayload,
  'alerts.scan-problems': NoPayload,
  'mail.send': MailSendPayload,
  'mail.sweep': NoPayload,
  'digest.fanout': DigestFanoutPayload,
  'digest.send': DigestSendPayload,
  'bulletin.generate': BulletinGeneratePayload,
  'reports.scan': NoPayload,
};

export const JOB_QUEUE = {
  'worker.heartbeat': QUEUES.maintenance,
  'outbox.relay': QUEUES.outbox,
  'domain.event': QUEUES.events,
  'notifications.event': QUEUES.notifications,
  'rollups.reconcile': QUEUES.rollups,
  'rollups.refresh': QUEUES.rollups,
  'rollups.snapshot': QUEUES.rollups,
  'alerts.scan': QUEUES.alerts,
  'alerts.scan-project': QUEUES.alerts,
  'alerts.scan-problems': QUEUES.alerts,
  'mail.send': QUEUES.mail,
  'mail.sweep': QUEUES.mail,
  'digest.fanout': QUEUES.digest,
  'digest.send': QUEUES.digest,
  'bulletin.generate': QUEUES.bulletin,
  'reports.scan': QUEUES.reports,
} as const satisfies { [J in JobName]: QueueName };

/** The queue a job goes to. */
export type QueueOfJob<J extends JobName> = (typeof JOB_QUEUE)[J];
/** The jobs a queue carries. */
export type JobsOfQueue<Q extends QueueName> = { [J in JobName]: QueueOfJob<J> extends Q ? J : never }[JobName];
/** A job as its handler receives it: the name narrowed, the payload validated. */
export type JobOf<J extends JobName> = Job<JobPayloads[J], unknown, J>;
/** One handler for each job of a queue: a missing or a foreign job name does not compile. */
export type JobHandlers<Q extends QueueName> = { readonly [J in JobsOfQueue<Q>]: (job: JobOf<J>) => Promise<unknown> };

// Job ids: deterministic, so the same work enqueued twice is one job (BullMQ forbids `:` in custom ids).

/** One per outbox row on the events queue. */
export const eventJobId = (outboxId: string): string => `event-${outboxId}`;
/** One per outbox row on the notifications queue. */
export const notifyJobId = (outboxId: string): string => `notify-${outboxId}`;
/** One per outbox row on the rollups queue: an event consumed twice refreshes once. */
export const rollupsRefreshJobId = (outboxId: string): string => `rollups-refresh-${outboxId}`;
/** One per mail_outbox row: the sweeper re-enqueues under the same id. */
export const mailJobId = (mailId: string): string => `mail-${mailId}`;
/** One per recipient and digest period; also the digest mail's dedupe key. */
export const digestJobId = (userId: string, period: string): string => `digest-${userId}-${period}`;
/** One per bulletin and generation: requesting again raises the version, so a regeneration is a new job and a retry is not. */
export const bulletinJobId = (bulletinId: string, version: number): string => `bulletin-${bulletinId}-v${version}`;
/**
 * A bulletin's generation is tried three times (a database or Redis hiccup), not eight: a reviewer waits on it, and
 * after the last attempt the bulletin says `failed` with the reason.
 */
export const BULLETIN_JOB_OPTIONS = { attempts: 3, backoff: { type: 'exponential', delay: 2000 } } as const;
/** The reconcile a starting worker runs, once per day however many start together. */
export const startupReconcileJobId = (day: string): string => `rollups.reconcile-start-${day}`;

/**
 * The job that scans a project after a milestone change: one id per project and minute, delayed to the end of
 * that minute, so a burst of edits scans once and the minute's last edit is still seen.
 */
export function projectScanJob(projectId: string, now = Date.now()): { data: JobPayloads['alerts.scan-project']; opts: { jobId: string; delay: number } } {
  const minute = Math.floor(now / 60_000);
  return { data: { projectId }, opts: { jobId: `alerts-scan-${projectId}-${minute}`, delay: (minute + 1) * 60_000 - now } };
}

/** Retry defaults for every job: attempts, exponential backoff, failures kept for inspection. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: false,
} as const;

/** Redis key where the newest heartbeat of any worker is kept (under the queue prefix). */
export const heartbeatKey = (prefix: string): string => `${prefix}:worker:heartbeat`;
