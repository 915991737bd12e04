import { freePort } from '@qj/config';
import { addDays, todayIn } from '@qj/domain';
import { QUEUES, redisConnection } from '@qj/queue';
import { Queue } from 'bullmq';
import { SmtpSink } from '../notifications/smtp-sink';
import { Launched, launchWorker, waitFor } from '../support/processes';
import { drainQueues } from '../support/queues';
import { bootTestApp, TestApp } from '../support/test-app';

const PERIOD_MS = 3000;
const PERIODS = 20;

/**
 * Three worker processes start together, each registering the schedules, and run 20 accelerated digest periods
 * (DIGEST_CRON every 3 s, each firing its own period): as many runs as periods, none missed, none doubled; each
 * recipient gets exactly one digest per period, and alerts raised during the run (some levels rising mid-run) go once.
 */
describe('digest periods with three workers', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  const workers: Launched[] = [];
  const today = todayIn('Asia/Shanghai');
  let recipients: string[];
  let digestQueue: Queue;

  const periodsRun = async (): Promise<number> => (await t.db.query(`SELECT count(DISTINCT week)::int AS n FROM digest`)).rows[0].n;
  const late = (milestoneId: string, days: number) => t.db.query(`UPDATE milestone SET forecast_date = $2 WHERE id = $1`, [milestoneId, addDays(today, -days)]);

  beforeAll(async () => {
    smtp = new SmtpSink(await freePort(2825));
    await smtp.start();
    t = await bootTestApp();
    await t.db.query(`UPDATE milestone SET forecast_date = $1 WHERE status = 'pending'`, [addDays(today, 400)]);
    await t.db.query(`UPDATE project SET last_activity_at = now()`);
    await t.db.query(`UPDATE app_user SET email = username || '@example.test'`);
    // Five recipients keep the run light: the reviewer and four unit owners.
    await t.db.query(
      `UPDATE app_user SET active = false WHERE role = 'owner' AND username NOT IN ('owner_transport', 'owner_water', 'owner_drc', 'owner_housing')`,
    );
    recipients = (await t.db.query(`SELECT username FROM app_user WHERE active AND role IN ('owner', 'reviewer', 'leader') ORDER BY username`)).rows.map(
      (row) => row.username,
    );
    digestQueue = new Queue(QUEUES.digest, { connection: redisConnection(t.env.REDIS_URL), prefix: t.env.QUEUE_PREFIX });
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await digestQueue?.close();
    await t?.close();
    await smtp?.stop();
  });

  it('runs once per period, sends each recipient one digest a period and each alert once', async () => {
    const { rows: milestones } = await t.db.query(
      `SELECT DISTINCT ON (u.code, p.plan_order) m.id, u.code FROM milestone m JOIN project p ON p.id = m.project_id JOIN unit u ON u.id = p.unit_id
       WHERE u.code IN ('transport', 'water') AND m.status = 'pending' ORDER BY u.code, p.plan_order, m.sort_order`,
    );
    const [a, c] = milestones.filter((m) => m.code === 'transport');
    const [b] = milestones.filter((m) => m.code === 'water');
    await late(a.id, 3);
    await late(b.id, 5);

    for (let i = 0; i < 3; i++) {
      workers.push(
        launchWorker(t.env, { SMTP_URL: smtp.url, DIGEST_CRON: '*/3 * * * * *', DIGEST_PERIOD: 'firing', ALERT_SCAN_CRON: '*/2 * * * * *', LOG_LEVEL: 'warn' }),
      );
    }
    const output = () => workers.map((w) => w.output()).join('\n---\n');
    const registeredAt = await waitFor(
      'the digest schedule to be registered',
      async () => (await digestQueue.getJobScheduler('digest.fanout')) && Date.now(),
      90_000,
      100,
    ).catch((error) => Promise.reject(new Error(`${error.message}\n${output()}`)));

    await waitFor('a third of the periods', async () => (await periodsRun()) >= PERIODS / 3, 120_000);
    // Levels rise mid-run: A is re-dated to 20 days late (a new episode: overdue and escalated), C goes 31 days late (all three levels).
    await late(a.id, 20);
    await late(c.id, 31);
    await waitFor(`${PERIODS} periods`, async () => (await periodsRun()) >= PERIODS, 180_000).catch((error) =>
      Promise.reject(new Error(`${error.message}\n${output()}`)),
    );
    await digestQueue.removeJobScheduler('digest.fanout');
    const stoppedAt = Date.now();

    // Every digest composed and every mail sent (the overdue scan keeps firing every 2 s: the drain takes a gap between).
    await drainQueues(t, { timeoutMs: 120_000 }).catch((error) => Promise.reject(new Error(`${error.message}\n${output()}`)));

    // Runs: one completed fan-out per firing, each at its own cron instant, consecutive from the first firing after
    // the schedule was registered to the last before it was removed.
    const runs = (await digestQueue.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed'], 0, -1)).filter((job) => job.name === 'digest.fanout');
    expect(runs.every((job) => job.finishedOn && !job.failedReason)).toBe(true);
    expect(runs.every((job) => job.returnvalue === recipients.length)).toBe(true);
    const firings = runs.map((job) => job.opts.prevMillis as number).sort((x, y) => x - y);
    expect(new Set(firings).size).toBe(firings.length);
    expect(firings.every((at) => at % PERIOD_MS === 0)).toBe(true);
    const elapsed = (firings[firings.length - 1] - firings[0]) / PERIOD_MS + 1;
    expect(firings).toHaveLength(elapsed);
    expect(firings[0]).toBeLessThanOrEqual(registeredAt + PERIOD_MS);
    expect(firings[firings.length - 1]).toBeGreaterThanOrEqual(stoppedAt - 2 * PERIOD_MS);
    expect(firings.length).toBeGreaterThanOrEqual(PERIODS);

    // One digest row per recipient and period, each with its mail, and each mail accepted by the server once.
    const { rows: perPeriod } = await t.db.query(`SELECT week, count(*)::int AS n FROM digest WHERE status = 'queued' GROUP BY week`);
    expect(perPeriod).toHaveLength(firings.length);
    expect(perPeriod.every((row) => row.n === recipients.length)).toBe(true);
    const { rows: sent } = await t.db.query(
      `SELECT o.id::text, o.kind, o.dedupe_key AS key, au.username FROM mail_outbox o JOIN app_user au ON au.id = o.user_id`,
    );
    const outbox = new Map(sent.map((row) => [row.id, row]));
    const received = smtp.received.map((mail) => outbox.get(mail.mailId ?? ''));
    expect(received.every((row) => row !== undefined)).toBe(true);
    expect(received.length).toBe(sent.length);
    expect(new Set(received.map((row) => row.key)).size).toBe(sent.length);
    for (const username of recipients) {
      expect(received.filter((row) => row.kind === 'digest' && row.username === username)).toHaveLength(firings.length);
    }

    // Alerts: A's first episode and B overdue from the start; A's new episode (overdue, escalated) and C (all three) mid-run.
    const { rows: alerts } = await t.db.query(`SELECT milestone_id AS id, level, count(*)::int AS n FROM alert GROUP BY 1, 2 ORDER BY 1, 2`);
    expect(alerts).toEqual(
      expect.arrayContaining([
        { id: a.id, level: 'overdue', n: 2 },
        { id: a.id, level: 'escalated_14', n: 1 },
        { id: b.id, level: 'overdue', n: 1 },
        { id: c.id, level: 'overdue', n: 1 },
        { id: c.id, level: 'escalated_14', n: 1 },
        { id: c.id, level: 'supervision_30', n: 1 },
      ]),
    );
    expect(alerts).toHaveLength(6);
    const alertMails = received.filter((row) => row.kind === 'alert');
    expect(alertMails.filter((row) => row.username === 'owner_transport')).toHaveLength(3);
    expect(alertMails.filter((row) => row.username === 'owner_water')).toHaveLength(1);
    expect(alertMails.filter((row) => row.username === 'reviewer')).toHaveLength(3);
    // The district's leaders (区领导) receive 督办 only: c's supervision_30.
    expect(alertMails.filter((row) => row.username === 'leader')).toHaveLength(1);
    expect(alertMails).toHaveLength(8);
    const { rows: twice } = await t.db.query(`SELECT user_id, alert_id FROM notification WHERE alert_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1`);
    expect(twice).toEqual([]);
    // Each period's digest also appears in the app, once per recipient.
    const { rows: inApp } = await t.db.query(
      `SELECT au.username, count(*)::int AS n FROM notification n JOIN app_user au ON au.id = n.user_id WHERE n.kind = 'digest' GROUP BY 1 ORDER BY 1`,
    );
    expect(inApp).toEqual(recipients.map((username) => ({ username, n: firings.length })));
    expect(smtp.received.filter((mail) => !mail.to.length)).toEqual([]);
  }, 420_000);
});
