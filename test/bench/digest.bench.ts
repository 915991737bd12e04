/**
 * The weekly digest fanned out to 10,000 recipients through a built worker process (dist, as `npm run
 * start:worker` runs it) to a local SMTP sink, against bare nodemailer sending as many pre-composed mails of
 * the same size to the same sink, in the same run.
 *
 * Fixture: the bench's own schema (migrations, the 300 real projects and their seeded milestones) and a queue
 * prefix of its own; recipients made with INSERT … SELECT over generate_series, spread round robin over the
 * units (every 50th a reviewer), each with an address. Two runs, each on a fresh worker process and a period of
 * its own: first with BENCH_DIGEST_SMALL (1,000) recipients, then with BENCH_DIGEST_RECIPIENTS (10,000), so the
 * peak memory at both sizes can be compared. A run is: one `digest.fanout` job added to the queue, then the
 * worker's own path — fan-out a page at a time, one `digest.send` per recipient (claim, compose from the
 * database, mail row), one `mail.send` per mail over the transport's SMTP pool — until the sink has every mail.
 * The worker's memory is sampled from /proc/<pid>/status (VmRSS every 100 ms; VmHWM at the end).
 *
 * Baseline: nodemailer with the same pool (SMTP_POOL_SIZE connections) sending N copies of one of the run's
 * digests (the median size), 50 in flight.
 *
 * Aim: 10,000 digests in under 60 s; memory flat (peak RSS at 10,000 about that at 1,000).
 */
import { readFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { createTransport } from 'nodemailer';
import type { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { freePort } from '@qj/config';
import { isoWeekOf, todayIn } from '@qj/domain';
import { prepareDatabase } from '@qj/persistence';
import { heartbeatKey, QUEUES } from '@qj/queue';
import { SMTP_POOL_SIZE } from '../../apps/worker/src/mail/mail-transport';
import { launchWorker, waitFor, WORKER_MAIN } from '../support/processes';
import { isolatedEnv } from '../support/test-app';
import { dropIsolatedEnv } from './support/api';
import { registerCleanup } from './support/cleanup';
import { schemaClient } from './support/fixture';
import { summariseTimed, timedRound } from './support/timed';
import type { BenchContext, BenchResult } from './support/types';

export const timeoutMs = 10 * 60_000;

const MiB = 2 ** 20;

/** An SMTP server that only counts what it receives (the tests' SmtpSink keeps every mail, which 10,000 would make heavy). */
class CountingSink {
  received = 0;
  bytes = 0;
  private readonly server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData: (stream, _session, callback) => {
      stream.on('data', (chunk: Buffer) => (this.bytes += chunk.length));
      stream.on('end', () => {
        this.received++;
        callback();
      });
    },
  });

  constructor(readonly port: number) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  start(): Promise<void> {
    return new Promise((done) => this.server.listen(this.port, '127.0.0.1', () => done()));
  }

  stop(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }
}

/** kB figures of /proc/<pid>/status, in bytes. */
function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** Active recipients up to `total`: owners round robin over the units, every 50th a reviewer; all with an address. */
async function ensureRecipients(db: Client, total: number): Promise<void> {
  await db.query(
    `INSERT INTO app_user (username, display_name, role, unit_id, password_hash, email)
     SELECT 'bench_' || g, '简报读者' || g, CASE WHEN g % 50 = 0 THEN 'reviewer' ELSE 'owner' END,
            CASE WHEN g % 50 = 0 THEN NULL ELSE u.id END, 'not-a-hash', 'bench_' || g || '@example.test'
     FROM generate_series((SELECT count(*)::int + 1 FROM app_user WHERE username LIKE 'bench\\_%'), $1::int) AS g
     JOIN (SELECT id, (row_number() OVER (ORDER BY code) - 1)::int AS i, count(*) OVER ()::int AS n FROM unit) u ON u.i = g % u.n`,
    [total],
  );
  await db.query('ANALYZE app_user');
}

interface DigestRun {
  recipients: number;
  ms: number;
  /** Until every digest was composed and its mail row written (sampled every 0.5 s). */
  composedMs: number;
  mailsPerSecond: number;
  /** Worker RSS just before the fan-out, the highest sampled during the run, and VmHWM (boot included) at the end. */
  idleRssMiB: number;
  peakRssMiB: number;
  hwmMiB: number;
  /** RSS when each further tenth of the mails had arrived at the sink. */
  rssByProgress: Array<{ mails: number; rssMiB: number }>;
  bytes: number;
}

export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const services = await ctx.services();
  const small = Number(process.env.BENCH_DIGEST_SMALL || 1_000);
  const total = Number(process.env.BENCH_DIGEST_RECIPIENTS || 10_000);

  const sink = new CountingSink(await freePort(2700));
  await sink.start();
  const env = isolatedEnv({ SMTP_URL: sink.url, PUBLIC_URL: 'http://tracker.test' });
  const cleanUp = registerCleanup(async () => {
    await dropIsolatedEnv(env, services.redisUrl);
    await sink.stop();
  });
  try {
    ctx.log(`digest: PostgreSQL ${services.postgresVersion}; schema ${env.DATABASE_SCHEMA}, queue prefix ${env.QUEUE_PREFIX}, worker ${WORKER_MAIN}`);
    await prepareDatabase({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA }, { importCatalogIfEmpty: true, timeZone: env.APP_TIMEZONE });
    const db = await schemaClient(env.DATABASE_URL, env.DATABASE_SCHEMA);
    const connection = new Redis(services.redisUrl, { maxRetriesPerRequest: null });
    const digestQueue = new Queue(QUEUES.digest, { connection, prefix: env.QUEUE_PREFIX });
    try {
      const week = isoWeekOf(todayIn('Asia/Shanghai')).key;
      const runs: DigestRun[] = [];
      for (const [i, recipients] of [small, total].entries()) {
        await ensureRecipients(db, recipients);
        runs.push(await fanOutOnce(ctx, { env, db, digestQueue, sink, recipients, period: `${week}-bench${i + 1}` }));
      }
      const big = runs[runs.length - 1];

      // The baseline: the median-sized digest of the run, sent `total` times by a bare pooled nodemailer.
      const { rows } = await db.query<{ subject: string; html: string; text: string }>(
        `SELECT subject, html, text FROM mail_outbox WHERE kind = 'digest' ORDER BY length(html) + length(text) OFFSET (SELECT count(*) / 2 FROM mail_outbox WHERE kind = 'digest') LIMIT 1`,
      );
      const sample = rows[0];
      const transport = createTransport({ url: sink.url, pool: true, maxConnections: SMTP_POOL_SIZE } as Parameters<typeof createTransport>[0]);
      const before = sink.received;
      const started = process.hrtime.bigint();
      let next = 0;
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          while (next < total) {
            const n = next++;
            await transport.sendMail({
              from: 'bench@example.test',
              to: `bare_${n}@example.test`,
              subject: sample.subject,
              html: sample.html,
              text: sample.text,
            });
          }
        }),
      );
      const bareMs = Number(process.hrtime.bigint() - started) / 1e6;
      transport.close();
      if (sink.received - before !== total) throw new Error(`bare nodemailer: the sink got ${sink.received - before} of ${total}`);
      ctx.log(
        `digest: bare nodemailer (pool ${SMTP_POOL_SIZE}) ${total} mails of ${Buffer.byteLength(sample.html) + Buffer.byteLength(sample.text)} bytes in ${bareMs.toFixed(0)} ms (${((total / bareMs) * 1000).toFixed(0)} mails/s)`,
      );

      const subject = summariseTimed(ctx, { label: 'worker', where: WORKER_MAIN }, [timedRound(big.recipients, big.ms)]);
      const baseline = summariseTimed(ctx, { label: 'bare-nodemailer', where: 'nodemailer pool in the bench process' }, [timedRound(total, bareMs)]);
      return [
        {
          name: 'digest',
          description:
            `weekly digest to ${total} recipients: built worker (fan-out, digest.send, mail.send over SMTP) vs bare pooled nodemailer sending as many ` +
            `pre-composed mails (throughput in mails/s; p50/p99 columns = the whole run's duration)`,
          unit: 'req/s',
          subject,
          baseline,
          ratio: subject.rps / baseline.rps,
          settings: { ...ctx.settings, rounds: 1 },
          extra: { runs, bare: { ms: bareMs, mailBytes: Buffer.byteLength(sample.html) + Buffer.byteLength(sample.text) }, poolSize: SMTP_POOL_SIZE },
        },
      ];
    } finally {
      await digestQueue.close();
      connection.disconnect();
      await db.end();
    }
  } finally {
    await cleanUp();
  }
}

/** One digest period on a fresh worker process: fan-out job in, every mail out at the sink. */
async function fanOutOnce(
  ctx: BenchContext,
  options: { env: ReturnType<typeof isolatedEnv>; db: Client; digestQueue: Queue; sink: CountingSink; recipients: number; period: string },
): Promise<DigestRun> {
  const { env, db, digestQueue, sink, recipients, period } = options;
  const redis = new Redis(env.REDIS_URL);
  const heartbeat = heartbeatKey(env.QUEUE_PREFIX);
  await redis.del(heartbeat);
  const worker = launchWorker(env, { SMTP_URL: sink.url, PUBLIC_URL: 'http://tracker.test', LOG_LEVEL: 'warn' });
  const stopWorker = registerCleanup(async () => {
    if (worker.child.exitCode === null) worker.child.kill('SIGTERM');
    await worker.exited;
  });
  try {
    const pid = worker.child.pid!;
    // Up when its first heartbeat is written; then a moment for the start-up jobs (reconcile) to finish.
    await waitFor(
      'the worker to start',
      async () => {
        if (worker.child.exitCode !== null) throw new Error(`the worker exited: ${worker.output().slice(-2000)}`);
        return (await redis.exists(heartbeat)) === 1;
      },
      120_000,
    ).finally(() => redis.disconnect());
    await new Promise((done) => setTimeout(done, 3000));
    const idle = memoryOf(pid)!;
    let peakRss = idle.rss;
    // RSS as the mails arrive, every tenth of the run: a plateau is flat memory, a steady climb would be a list held whole.
    const trajectory: Array<{ mails: number; rssMiB: number }> = [];
    const sampler = setInterval(() => {
      const now = memoryOf(pid);
      if (!now) return;
      if (now.rss > peakRss) peakRss = now.rss;
      const mails = sink.received - receivedBefore;
      if (mails >= ((trajectory.length + 1) * recipients) / 10) trajectory.push({ mails, rssMiB: Math.round(now.rss / MiB) });
    }, 100);
    // When every digest is composed and its mail row written (the rest is sending): where the time goes.
    let composedMs: number | undefined;
    const composed = setInterval(() => {
      if (composedMs !== undefined) return;
      db.query(`SELECT count(*)::int AS n FROM digest WHERE week = $1 AND status <> 'pending'`, [period]).then(
        ({ rows }) => {
          if (rows[0].n >= recipients && composedMs === undefined) composedMs = Number(process.hrtime.bigint() - started) / 1e6;
        },
        () => undefined,
      );
    }, 500);
    const receivedBefore = sink.received;
    const bytesBefore = sink.bytes;
    const started = process.hrtime.bigint();
    try {
      await digestQueue.add('digest.fanout', { week: period }, { jobId: `digest-fanout-${period}` });
      await waitFor(
        `${recipients} digests at the sink`,
        async () => {
          if (worker.child.exitCode !== null) throw new Error(`the worker exited: ${worker.output().slice(-2000)}`);
          return sink.received - receivedBefore >= recipients;
        },
        timeoutMs,
        50,
      );
    } finally {
      clearInterval(sampler);
      clearInterval(composed);
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const hwm = memoryOf(pid)?.hwm ?? NaN;
    const { rows } = await db.query(`SELECT status, count(*)::int AS n FROM digest WHERE week = $1 GROUP BY status`, [period]);
    const result: DigestRun = {
      recipients,
      ms,
      composedMs: composedMs ?? ms,
      mailsPerSecond: (recipients / ms) * 1000,
      idleRssMiB: idle.rss / MiB,
      peakRssMiB: peakRss / MiB,
      hwmMiB: hwm / MiB,
      rssByProgress: trajectory,
      bytes: sink.bytes - bytesBefore,
    };
    ctx.log(
      `digest: ${recipients} recipients in ${(ms / 1000).toFixed(1)} s (all composed by ${(result.composedMs / 1000).toFixed(1)} s; ${result.mailsPerSecond.toFixed(0)} mails/s, ${(result.bytes / MiB).toFixed(1)} MiB); ` +
        `worker RSS idle ${result.idleRssMiB.toFixed(0)} MiB, peak ${result.peakRssMiB.toFixed(0)} MiB, VmHWM ${result.hwmMiB.toFixed(0)} MiB; ` +
        `RSS by mails sent ${trajectory.map((point) => `${point.mails}:${point.rssMiB}`).join(' ')}; digest rows ${JSON.stringify(rows)}`,
    );
    return result;
  } finally {
    await stopWorker();
  }
}
