import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import { domainError } from '@qj/http';
import { MAIL_STATUSES, MailOutboxRepository, OutboxRepository } from '@qj/persistence';
import { heartbeatKey, RedisClient } from '@qj/queue';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { OPERATED_QUEUES, OperatedQueues } from './operated-queues';

/** The job states scraped per queue, as `getJobCounts` names them. */
export const JOB_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed'] as const;

/**
 * GET /metrics in Prometheus text format. Every figure is read from Redis and PostgreSQL when scraped (the API
 * keeps no state), on a registry of this application's own: several apps in one process must not share the global one.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly token: Buffer | undefined;
  private readonly prefix: string;
  private readonly jobs = new Gauge({
    name: 'qj_queue_jobs',
    help: 'Jobs per queue and state (waiting, prioritized, active, delayed, completed, failed; paused: waiting in a paused queue)',
    labelNames: ['queue', 'state'],
    registers: [this.registry],
  });
  private readonly failedJobs = new Gauge({
    name: 'qj_queue_failed_jobs',
    help: 'Jobs that failed for good (attempts exhausted), kept for inspection at /api/admin/jobs/failed',
    labelNames: ['queue'],
    registers: [this.registry],
  });
  private readonly outboxBacklog = new Gauge({
    name: 'qj_outbox_backlog',
    help: 'Domain-event outbox rows not yet relayed to the queue',
    registers: [this.registry],
  });
  private readonly mailOutbox = new Gauge({ name: 'qj_mail_outbox', help: 'Mail outbox rows by status', labelNames: ['status'], registers: [this.registry] });
  private readonly heartbeatAge = new Gauge({
    name: 'qj_worker_heartbeat_age_seconds',
    help: 'Seconds since any worker last recorded its heartbeat (+Inf when none ever did)',
    registers: [this.registry],
  });

  constructor(
    config: ConfigService<Env, true>,
    @Inject(OPERATED_QUEUES) private readonly queues: OperatedQueues,
    private readonly outbox: OutboxRepository,
    private readonly mail: MailOutboxRepository,
    private readonly redis: RedisClient,
  ) {
    const token = config.get('METRICS_TOKEN', { infer: true });
    this.token = token ? Buffer.from(`Bearer ${token}`) : undefined;
    this.prefix = config.get('QUEUE_PREFIX', { infer: true });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Reads every figure now, then renders the registry. */
  async scrape(now = Date.now()): Promise<string> {
    await Promise.all([
      ...[...this.queues].map(async ([name, queue]) => {
        const [counts, paused] = await Promise.all([queue.getJobCounts(...JOB_STATES), queue.isPaused()]);
        for (const state of JOB_STATES) this.jobs.set({ queue: name, state }, counts[state] ?? 0);
        // BullMQ 6 has no paused list: a paused queue's jobs wait where they are, so "paused" is the waiting held back.
        this.jobs.set({ queue: name, state: 'paused' }, paused ? (counts.waiting ?? 0) + (counts.prioritized ?? 0) : 0);
        this.failedJobs.set({ queue: name }, counts.failed ?? 0);
      }),
      this.outbox.unpublishedCount().then((n) => this.outboxBacklog.set(n)),
      // LIMIT 0: only the counts by status.
      this.mail.list({ limit: 0 }).then(({ counts }) => {
        for (const status of MAIL_STATUSES) this.mailOutbox.set({ status }, counts[status] ?? 0);
      }),
      this.redis.get(heartbeatKey(this.prefix)).then((beat) => {
        const at = beat ? Date.parse(beat) : NaN;
        this.heartbeatAge.set(Number.isNaN(at) ? Infinity : Math.max(0, (now - at) / 1000));
      }),
    ]);
    return this.registry.metrics();
  }

  /** The Express handler: with METRICS_TOKEN set, only `Authorization: Bearer <METRICS_TOKEN>` may scrape. */
  handler(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      if (this.token && !sameSecret(req.headers.authorization, this.token)) {
        next(domainError('metrics_unauthenticated'));
        return;
      }
      this.scrape().then((text) => {
        // end(), not send(): send would rewrite the content type Prometheus negotiates on.
        res.status(200).set({ 'Content-Type': this.registry.contentType, 'Cache-Control': 'no-store' }).end(text);
      }, next);
    };
  }
}

function sameSecret(given: string | undefined, expected: Buffer): boolean {
  const value = Buffer.from(given ?? '');
  return value.length === expected.length && timingSafeEqual(value, expected);
}
