import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { freePort } from '@qj/config';
import { addDays, todayIn } from '@qj/domain';
import { DEFAULT_JOB_OPTIONS, QUEUES, QueueName, redisConnection } from '@qj/queue';
import { SmtpSink } from '../notifications/smtp-sink';
import { Launched, launchWorker, PrivateRedis, waitFor } from '../support/processes';
import { drainQueues } from '../support/queues';
import { bootTestApp, DEMO_PASSWORD, TestApp } from '../support/test-app';

/** Long enough that the workers' reconnect backoff is spent and their blocking reads have timed out. */
const REDIS_DOWN_MS = 12_000;
const LATE_MILESTONES = 120;

/**
 * Redis SIGKILLed in the middle of an alert run (scan → mail jobs → SMTP, with outbox events from the API
 * on top) and restarted on the same port and data directory: the run completes with every mail sent once,
 * every outbox row relayed, and both worker processes go on consuming every queue (the known BullMQ failure
 * is a worker that reconnects but never takes another job).
 */
describe('Redis restarted during a run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redis-restart-'));
  const today = todayIn('Asia/Shanghai');
  let redis: PrivateRedis;
  let smtp: SmtpSink;
  let t: TestApp;
  const workers: Launched[] = [];
  const queues = new Map<QueueName, Queue>();
  const queue = (name: QueueName) => {
    if (!queues.has(name)) {
      const created = new Queue(name, { connection: redisConnection(redis.url), prefix: t.env.QUEUE_PREFIX });
      // While Redis is down on purpose, failed reconnects are expected, not news.
      created.on('error', () => undefined);
      queues.set(name, created);
    }
    return queues.get(name) as Queue;
  };
  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query(sql, params)).rows[0].n);
  const workerOutput = () => workers.map((w, i) => `worker ${i}:\n${w.output()}`).join('\n---\n');
  /** (queue, job id) of every job a worker process logged as completed. */
  const completedBy = (worker: Launched) =>
    worker
      .output()
      .split('\n')
      // A line still being written is left for the next look.
      .filter((line) => line.includes('"msg":"job completed"') && line.endsWith('}'))
      .map((line) => JSON.parse(line) as { queue: string; jobId: string });

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort(6700), dir);
    await redis.start();
    smtp = new SmtpSink(await freePort(2825));
    await smtp.start();
    t = await bootTestApp({ env: { REDIS_URL: redis.url } });
    // A quiet starting point: nothing overdue, nothing stale, everybody with an address.
    await t.db.query(`UPDATE milestone SET forecast_date = $1 WHERE status = 'pending'`, [addDays(today, 400)]);
    await t.db.query(`UPDATE project SET last_activity_at = now()`);
    await t.db.query(`UPDATE app_user SET email = username || '@example.test'`);
    for (let i = 0; i < 2; i++) {
      workers.push(
        launchWorker(t.env, {
          REDIS_URL: redis.url,
          SMTP_URL: smtp.url,
          // Debug: each completed job is logged with its queue, which is how the test tells the workers apart.
          LOG_LEVEL: 'debug',
        }),
      );
    }
  });
  afterAll(async () => {
    for (const q of queues.values()) await q.close();
    for (const worker of workers) worker.child.kill('SIGKILL');
    await t?.close();
    await smtp?.stop();
    await redis?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the run completes after Redis returns: every mail sent once, every outbox event relayed', async () => {
    // 20 days late: each milestone raises 逾期提醒 to its unit's owners and 逾期升级 to every reviewer.
    const { rows: late } = await t.db.query(
      `SELECT DISTINCT ON (p.plan_order) m.id FROM milestone m JOIN project p ON p.id = m.project_id
       WHERE m.status = 'pending' ORDER BY p.plan_order, m.sort_order LIMIT $1`,
      [LATE_MILESTONES],
    );
    await t.db.query(`UPDATE milestone SET forecast_date = $2 WHERE id = ANY($1)`, [late.map((m) => m.id), addDays(today, -20)]);
    const expectedMails = await count(
      `SELECT (SELECT count(*) FROM milestone m JOIN project p ON p.id = m.project_id JOIN app_user u ON u.unit_id = p.unit_id AND u.active AND u.role = 'owner' WHERE m.id = ANY($1))
            + $2::int * (SELECT count(*) FROM app_user WHERE active AND role = 'reviewer') AS n`,
      [late.map((m) => m.id), late.length],
    );
    expect(expectedMails).toBeGreaterThanOrEqual(2 * LATE_MILESTONES);

    // Signed in before the outage; one more user signs in during it (below).
    await Promise.all([t.token('reviewer'), t.token('owner_transport')]);
    await queue(QUEUES.alerts).add('alerts.scan', {}, { ...DEFAULT_JOB_OPTIONS, jobId: 'fault-scan' });
    await waitFor('mail to be under way', async () => smtp.received.length >= 10, 60_000).catch((error) => {
      throw new Error(`${error.message}\n${workerOutput()}`);
    });
    await redis.kill();
    const killedAfter = smtp.received.length;

    // While Redis is away signing in still works (the throttle's counts fall back to the process's memory) …
    const duringOutage = await t.http.post('/api/auth/login').send({ username: 'owner_water', password: DEMO_PASSWORD });
    expect(duringOutage.status).toBe(200);
    // … and the API still takes changes: their events wait in the outbox.
    const { rows: projects } = await t.db.query(
      `SELECT p.id FROM project p JOIN unit u ON u.id = p.unit_id WHERE u.code = 'transport' ORDER BY p.plan_order DESC LIMIT 5`,
    );
    for (const project of projects) {
      const milestones = await t.as('reviewer').get(`/api/projects/${project.id}/milestones`).expect(200);
      const m = milestones.body.items.find((item: { status: string }) => item.status === 'pending');
      await t
        .as('owner_transport')
        .patch(`/api/milestones/${m.id}`)
        .send({ version: m.version, forecastDate: addDays(today, 500) })
        .expect(200);
    }
    await new Promise((done) => setTimeout(done, REDIS_DOWN_MS));
    await redis.start();

    // Jobs cut off by the kill come back through the stalled check: the drain waits for them too, then count.
    await drainQueues(t, { timeoutMs: 150_000, promoteDelayed: true }).catch((error) => {
      throw new Error(`${error.message} (${smtp.received.length}/${expectedMails} received)\n${workerOutput()}`);
    });

    expect(killedAfter).toBeLessThan(expectedMails);
    expect(await count(`SELECT count(*)::int AS n FROM mail_outbox`)).toBe(expectedMails);
    expect(smtp.received).toHaveLength(expectedMails);
    const { rows: outbox } = await t.db.query(`SELECT id::text FROM mail_outbox ORDER BY id`);
    expect(smtp.received.map((mail) => mail.mailId).sort()).toEqual(outbox.map((row) => row.id).sort());
    const { rows: alerts } = await t.db.query(`SELECT level, count(*)::int AS n FROM alert GROUP BY level ORDER BY level`);
    expect(alerts).toEqual([
      { level: 'escalated_14', n: LATE_MILESTONES },
      { level: 'overdue', n: LATE_MILESTONES },
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM outbox_event`)).toBe(projects.length);
    const events = await Promise.all((await t.db.query(`SELECT id::text FROM outbox_event`)).rows.map((row) => queue(QUEUES.events).getJob(`event-${row.id}`)));
    expect(events.every((job) => job !== undefined)).toBe(true);
  }, 300_000);

  it('after the outage both worker processes take new jobs on every queue', async () => {
    const { rows } = await t.db.query(`SELECT id, unit_id AS "unitId" FROM project ORDER BY plan_order LIMIT 1`);
    const { id: projectId, unitId } = rows[0] as { id: string; unitId: string };
    const probes: Array<{ queue: QueueName; name: string; data: object }> = [
      { queue: QUEUES.maintenance, name: 'worker.heartbeat', data: {} },
      { queue: QUEUES.outbox, name: 'outbox.relay', data: {} },
      // A unit reassignment back to the project's own unit: its roll-ups are refreshed, nothing else happens.
      {
        queue: QUEUES.events,
        name: 'domain.event',
        data: {
          outboxId: '0',
          name: 'project.unit_reassigned',
          aggregateId: projectId,
          actorId: null,
          occurredAt: new Date().toISOString(),
          requestId: null,
          data: { previousUnitId: unitId, unitId },
        },
      },
      // A past week's snapshot: written once, then nothing to do (a full reconcile per probe would load the database).
      { queue: QUEUES.rollups, name: 'rollups.snapshot', data: { week: '2020-W01' } },
      { queue: QUEUES.alerts, name: 'alerts.scan-project', data: { projectId } },
      { queue: QUEUES.mail, name: 'mail.sweep', data: {} },
    ];
    const seen = (worker: Launched, name: QueueName, from: number) =>
      completedBy(worker)
        .slice(from)
        .some((job) => job.queue === name && job.jobId.startsWith('probe-'));
    const before = workers.map((worker) => completedBy(worker).length);
    // Which worker takes a job is up to BullMQ: keep sending rounds until each process has taken one from each queue.
    let round = 0;
    await waitFor(
      'each worker to take a job from each queue',
      async () => {
        round++;
        await Promise.all(
          probes.map((probe) =>
            queue(probe.queue).addBulk(Array.from({ length: 4 }, (_, i) => ({ name: probe.name, data: probe.data, opts: { jobId: `probe-${round}-${i}` } }))),
          ),
        );
        await new Promise((done) => setTimeout(done, 1500));
        return workers.every((worker, w) => probes.every((probe) => seen(worker, probe.queue, before[w])));
      },
      90_000,
      0,
    ).catch((error) => {
      const missing = workers.flatMap((worker, w) =>
        probes.filter((probe) => !seen(worker, probe.queue, before[w])).map((probe) => `worker ${w}: ${probe.queue}`),
      );
      throw new Error(`${error.message}; never took a job: ${missing.join(', ')}\n${workerOutput()}`);
    });
    for (const probe of probes) expect((await queue(probe.queue).getJobCounts('failed')).failed).toBe(0);
  }, 120_000);
});
