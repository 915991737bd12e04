import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { freePort } from '@qj/config';
import { addDays, todayIn } from '@qj/domain';
import { DEFAULT_JOB_OPTIONS, QUEUES, redisConnection } from '@qj/queue';
import { Launched, launchWorker, waitFor } from '../support/processes';
import { drainQueues } from '../support/queues';
import { PrivatePostgres } from '../support/private-postgres';
import { bootTestApp, deleteQueueKeys, TestApp } from '../support/test-app';

const OUTAGE_MS = 30_000;
const LATE_MILESTONES = 150;

/**
 * PostgreSQL (a private one: the shared server serves the other suites) stopped with a fast shutdown for
 * 30 seconds while the daily overdue scan is inside its transaction. Meanwhile the API answers 503 within
 * a second instead of hanging; afterwards the retried scan completes and alert, notification and mail rows
 * are exactly the expected ones.
 */
describe('PostgreSQL stopped for 30 seconds during a scan', () => {
  const varDir = mkdtempSync(join(tmpdir(), 'pg-outage-var-'));
  const today = todayIn('Asia/Shanghai');
  let pg: PrivatePostgres;
  let t: TestApp;
  let worker: Launched;
  let alerts: Queue;
  /** Reconnected after the outage: the fast shutdown cuts every session, `t.db` included. */
  let db: Client;
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);
  const connect = async () => {
    const client = new Client({ connectionString: pg.url, options: `-c search_path=${t.env.DATABASE_SCHEMA},public` });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };

  beforeAll(async () => {
    pg = new PrivatePostgres(await freePort(5600));
    await pg.create();
    t = await bootTestApp({ env: { DATABASE_URL: pg.url } });
    t.db.on('error', () => undefined);
    db = t.db;
    // A quiet starting point: nothing overdue, nothing stale, everybody with an address.
    await db.query(`UPDATE milestone SET forecast_date = $1 WHERE status = 'pending'`, [addDays(today, 400)]);
    await db.query(`UPDATE project SET last_activity_at = now()`);
    await db.query(`UPDATE app_user SET email = username || '@example.test'`);
    worker = launchWorker(t.env, {
      DATABASE_URL: pg.url,
      // No SMTP_URL: mail is written as .eml files under VAR_DIR, which is enough to settle the outbox.
      VAR_DIR: varDir,
      LOG_LEVEL: 'error',
    });
    alerts = new Queue(QUEUES.alerts, { connection: redisConnection(t.env.REDIS_URL), prefix: t.env.QUEUE_PREFIX });
  });
  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await alerts?.close();
    // The schema goes with the private cluster; only the queue keys live on the shared Redis.
    await t?.app.close();
    if (t) await deleteQueueKeys(process.env.TEST_REDIS_URL as string, t.env.QUEUE_PREFIX);
    if (db && db !== t?.db) await db.end();
    await pg?.destroy();
    rmSync(varDir, { recursive: true, force: true });
  });

  it('answers 503 within a second while PostgreSQL is down; the retried scan then writes exactly the expected rows', async () => {
    const { rows: late } = await db.query(
      `SELECT DISTINCT ON (p.plan_order) m.id FROM milestone m JOIN project p ON p.id = m.project_id
       WHERE m.status = 'pending' ORDER BY p.plan_order, m.sort_order LIMIT $1`,
      [LATE_MILESTONES],
    );
    const lateIds = late.map((m) => m.id as string);
    // 5 days late: one 逾期提醒 per milestone, to each active owner of its unit.
    await db.query(`UPDATE milestone SET forecast_date = $2 WHERE id = ANY($1)`, [lateIds, addDays(today, -5)]);
    const expectedNotices = await count(
      `SELECT count(*) AS n FROM milestone m JOIN project p ON p.id = m.project_id JOIN app_user u ON u.unit_id = p.unit_id AND u.active AND u.role = 'owner' WHERE m.id = ANY($1)`,
      [lateIds],
    );
    expect(expectedNotices).toBeGreaterThanOrEqual(LATE_MILESTONES);
    await Promise.all([t.token('reviewer'), t.token('owner_transport')]);
    const { rows: edited } = await db.query(
      `SELECT m.id, m.version FROM milestone m JOIN project p ON p.id = m.project_id JOIN unit u ON u.id = p.unit_id
       WHERE u.code = 'transport' AND m.status = 'pending' AND NOT m.id = ANY($1) LIMIT 1`,
      [lateIds],
    );
    await waitFor('the worker to be consuming', async () => (await alerts.getWorkers()).length > 0, 60_000);

    // Hold the alert table so the scan is caught inside its transaction when PostgreSQL goes down.
    const holder = await connect();
    await holder.query(`BEGIN; LOCK TABLE alert IN SHARE MODE`);
    await alerts.add('alerts.scan', {}, { ...DEFAULT_JOB_OPTIONS, jobId: 'outage-scan' });
    await waitFor(
      'the scan to wait inside its transaction',
      // Asked from outside the holder's transaction, which would see a frozen snapshot of the lock tables.
      async () => (await db.query(`SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'alert'::regclass`)).rowCount,
      60_000,
    ).catch((error) => {
      throw new Error(`${error.message}\n${worker.output()}`);
    });
    await pg.stop();
    const stoppedAt = Date.now();

    const latencies: number[] = [];
    const expect503 = async (request: () => Promise<{ status: number; headers: Record<string, string>; body: { status?: number; failed?: string[] } }>) => {
      const started = Date.now();
      const res = await request();
      latencies.push(Date.now() - started);
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 503, body: { status: 503 } });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['retry-after']).toBe('5');
      return res;
    };
    while (Date.now() - stoppedAt < OUTAGE_MS - 3_000) {
      const projects = await expect503(() => t.as('reviewer').get('/api/projects'));
      expect(projects.body).toMatchObject({
        type: 'https://qijiang-tracker.local/problems/service-unavailable',
        detail: '数据库或队列服务暂时无法访问，请稍后重试',
      });
      const ready = await expect503(() => t.http.get('/health/ready'));
      expect(ready.body.failed).toEqual(['database']);
      // Writes are refused the same way (and, checked below, change nothing).
      await expect503(() =>
        t
          .as('owner_transport')
          .patch(`/api/milestones/${edited[0].id}`)
          .send({ version: edited[0].version, forecastDate: addDays(today, 600) }),
      );
      await new Promise((done) => setTimeout(done, 2_000));
    }
    // The stated requirement is a duration: every answer during the outage came within a second.
    expect(Math.max(...latencies)).toBeLessThan(1000);
    await new Promise((done) => setTimeout(done, Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt))));
    await pg.start();

    await waitFor('the API to answer again', async () => (await t.as('reviewer').get('/api/projects')).status === 200, 30_000);
    const job = await waitFor(
      'the retried scan to complete',
      async () => {
        const found = await alerts.getJob('outage-scan');
        return (await found?.getState()) === 'completed' ? found : undefined;
      },
      120_000,
    ).catch(async (error) => {
      const found = await alerts.getJob('outage-scan');
      throw new Error(`${error.message} (state ${await found?.getState()}, attempts ${found?.attemptsMade}: ${found?.failedReason})\n${worker.output()}`);
    });
    expect(job.attemptsMade).toBeGreaterThan(1);
    expect(job.returnvalue).toEqual({ alerts: LATE_MILESTONES, notifications: expectedNotices, mails: expectedNotices });

    db = await connect();
    expect((await db.query(`SELECT version, forecast_date FROM milestone WHERE id = $1`, [edited[0].id])).rows[0]).toEqual({
      version: edited[0].version,
      forecast_date: addDays(today, 400),
    });
    expect(await count(`SELECT count(*) AS n FROM alert`)).toBe(LATE_MILESTONES);
    expect(await count(`SELECT count(*) AS n FROM alert WHERE level = 'overdue' AND milestone_id = ANY($1)`, [lateIds])).toBe(LATE_MILESTONES);
    expect(await count(`SELECT count(*) AS n FROM notification`)).toBe(expectedNotices);
    expect(await count(`SELECT count(DISTINCT (user_id, alert_id)) AS n FROM notification`)).toBe(expectedNotices);
    expect(await count(`SELECT count(*) AS n FROM mail_outbox`)).toBe(expectedNotices);
    expect(await count(`SELECT count(DISTINCT dedupe_key) AS n FROM mail_outbox`)).toBe(expectedNotices);
    await drainQueues({ env: t.env, db });
    expect(await count(`SELECT count(*) AS n FROM mail_outbox WHERE status <> 'sent'`)).toBe(0);
  }, 300_000);
});
