import { freePort } from '@qj/config';
import { addDays, todayIn } from '@qj/domain';
import { QUEUES, redisConnection } from '@qj/queue';
import { Queue } from 'bullmq';
import { Launched, launchWorker } from '../support/processes';
import { drainQueues } from '../support/queues';
import { bootTestApp, TestApp } from '../support/test-app';
import { SmtpSink } from './smtp-sink';

/**
 * Three worker processes (built, from dist) take nine overlapping scan jobs at once — duplicates of the
 * daily trigger, as after a crash and retry — and every alert, notification and mail still happens once.
 */
describe('alerts with three worker processes', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  const workers: Launched[] = [];
  const today = todayIn('Asia/Shanghai');

  beforeAll(async () => {
    smtp = new SmtpSink(await freePort(2625));
    await smtp.start();
    t = await bootTestApp();
    await t.db.query(`UPDATE milestone SET forecast_date = $1 WHERE status = 'pending'`, [addDays(today, 400)]);
    await t.db.query(`UPDATE project SET last_activity_at = now()`);
    await t.db.query(`UPDATE app_user SET email = username || '@example.test'`);
    for (let i = 0; i < 3; i++) workers.push(launchWorker(t.env, { SMTP_URL: smtp.url, LOG_LEVEL: 'warn' }));
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await t?.close();
    await smtp?.stop();
  });

  it('each (milestone, level) alerts once and each mail arrives once', async () => {
    // Ten transport milestones, 3 to 35 days late: 10 overdue, 7 escalated (≥ 14), 3 under supervision (≥ 30).
    const { rows: milestones } = await t.db.query(
      `SELECT DISTINCT ON (p.plan_order) m.id FROM milestone m JOIN project p ON p.id = m.project_id JOIN unit u ON u.id = p.unit_id
       WHERE u.code = 'transport' AND m.status = 'pending' ORDER BY p.plan_order, m.sort_order LIMIT 10`,
    );
    const late = [3, 5, 10, 14, 15, 20, 29, 30, 31, 35];
    for (const [i, m] of milestones.entries()) await t.db.query(`UPDATE milestone SET forecast_date = $2 WHERE id = $1`, [m.id, addDays(today, -late[i])]);

    const queue = new Queue(QUEUES.alerts, { connection: redisConnection(t.env.REDIS_URL), prefix: t.env.QUEUE_PREFIX });
    try {
      const jobs = await queue.addBulk(Array.from({ length: 9 }, (_, i) => ({ name: 'alerts.scan', data: {}, opts: { jobId: `test-scan-${i}` } })));
      // Every job done: the nine scans, and the notifications and mails they caused.
      await drainQueues(t).catch((error) => {
        throw new Error(`${error.message}\n${workers.map((w) => w.output()).join('\n---\n')}`);
      });
      expect(await Promise.all(jobs.map((job) => job.getState()))).toEqual(Array(9).fill('completed'));
      expect((await queue.getJobCounts('failed')).failed).toBe(0);
      // Between them the nine scans raised each alert once.
      const raised = await Promise.all(jobs.map(async (job) => (await queue.getJob(job.id as string))?.returnvalue?.alerts as number));
      expect(raised.reduce((a, b) => a + b, 0)).toBe(20);
    } finally {
      await queue.close();
    }

    const { rows: levels } = await t.db.query(`SELECT level, count(*)::int AS n FROM alert GROUP BY level ORDER BY level`);
    expect(levels).toEqual([
      { level: 'escalated_14', n: 7 },
      { level: 'overdue', n: 10 },
      { level: 'supervision_30', n: 3 },
    ]);
    const { rows: duplicates } = await t.db.query(`SELECT user_id, alert_id FROM notification GROUP BY 1, 2 HAVING count(*) > 1`);
    expect(duplicates).toEqual([]);

    expect(smtp.to('owner_transport@example.test')).toHaveLength(10);
    expect(smtp.to('reviewer@example.test')).toHaveLength(10);
    // The district's leaders (区领导) receive the 督办 level only.
    expect(smtp.to('leader@example.test').map((mail) => mail.subject.slice(0, 4))).toEqual(['【督办】', '【督办】', '【督办】']);
    expect(smtp.received).toHaveLength(23);
    expect(new Set(smtp.received.map((mail) => mail.mailId)).size).toBe(23);
    expect(smtp.to('reviewer@example.test').filter((mail) => mail.subject.startsWith('【督办】'))).toHaveLength(3);
    const { rows: outbox } = await t.db.query(`SELECT status, count(*)::int AS n FROM mail_outbox GROUP BY status`);
    expect(outbox).toEqual([{ status: 'sent', n: 23 }]);
  }, 120_000);
});
