import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job, Queue } from 'bullmq';
import { addDays, todayIn } from '@qj/domain';
import { QUEUES, QueueName, redisConnection } from '@qj/queue';
import { Launched, launchWorker } from '../support/processes';
import { drainQueues } from '../support/queues';
import { bootTestApp, TestApp } from '../support/test-app';

interface LogLine {
  msg?: string;
  requestId?: string;
  job?: string;
  jobId?: string;
}

/**
 * The id of the request that caused a change (`x-request-id`, as the API logs it) is in the change's outbox event,
 * in the jobs the event causes (events, notifications, the project scan, the mails) and on the worker's log lines
 * for those jobs — the built worker process's own output.
 */
describe('the request id follows a change into its jobs', () => {
  const varDir = mkdtempSync(join(tmpdir(), 'request-id-'));
  let t: TestApp;
  let worker: Launched;
  const queues = new Map<QueueName, Queue>();
  const queue = (name: QueueName) => {
    if (!queues.has(name)) queues.set(name, new Queue(name, { connection: redisConnection(t.env.REDIS_URL), prefix: t.env.QUEUE_PREFIX }));
    return queues.get(name) as Queue;
  };
  const logLines = (): LogLine[] =>
    worker
      .output()
      .split('\n')
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as LogLine];
        } catch {
          return [];
        }
      });
  /** Every job the change caused done (the scan's minute not sat out), showing the worker's output when they are not. */
  const drained = () =>
    drainQueues(t, { promoteDelayed: true }).catch((error) => {
      throw new Error(`${error.message}\nworker output:\n${worker.output().slice(-4000)}`);
    });
  /** A job the drain left completed. */
  const completed = async (name: QueueName, id: string) => {
    expect([id, await queue(name).getJobState(id)]).toEqual([id, 'completed']);
    return (await Job.fromId(queue(name), id)) as Job;
  };

  beforeAll(async () => {
    t = await bootTestApp();
    // Nothing overdue, so the only jobs are those the requests below cause.
    await t.db.query(`UPDATE milestone SET forecast_date = $1 WHERE status = 'pending'`, [addDays(todayIn('Asia/Shanghai'), 400)]);
    worker = launchWorker(t.env, { LOG_LEVEL: 'debug', VAR_DIR: varDir });
  });
  afterAll(async () => {
    worker.child.kill('SIGKILL');
    for (const q of queues.values()) await q.close();
    await t.close();
    rmSync(varDir, { recursive: true, force: true });
  });

  it('a transition request: the event, its notification job, the mails to the reviewers and their log lines', async () => {
    const requestId = `h12-${randomBytes(6).toString('hex')}`;
    const { rows: projects } = await t.db.query(
      `SELECT p.id FROM project p JOIN unit u ON u.id = p.unit_id WHERE u.code = 'water' ORDER BY p.plan_order LIMIT 1`,
    );
    const filed = await t
      .as('owner_water')
      .post(`/api/projects/${projects[0].id}/transition-requests`)
      .set('x-request-id', requestId)
      .send({ to: 'on_hold', reason: '资金未落实' })
      .expect(201);
    expect(filed.headers['x-request-id']).toBe(requestId);

    const { rows } = await t.db.query(`SELECT id::text, request_id AS "requestId" FROM outbox_event WHERE payload->>'transitionRequestId' = $1`, [
      filed.body.id,
    ]);
    expect(rows).toEqual([{ id: expect.any(String), requestId }]);
    const outboxId = rows[0].id as string;
    await drained();
    expect((await completed(QUEUES.events, `event-${outboxId}`)).data.requestId).toBe(requestId);
    expect((await completed(QUEUES.rollups, `rollups-refresh-${outboxId}`)).data.requestId).toBe(requestId);
    expect((await completed(QUEUES.notifications, `notify-${outboxId}`)).data.requestId).toBe(requestId);

    const { rows: mails } = await t.db.query(`SELECT id::text FROM mail_outbox WHERE kind = 'workflow' AND status <> 'skipped' AND dedupe_key LIKE $1`, [
      `transition-${filed.body.id}-requested-%`,
    ]);
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) expect((await completed(QUEUES.mail, `mail-${mail.id}`)).data.requestId).toBe(requestId);

    // Lines logged while the jobs ran carry the id without naming it (a child logger), and so do their completions.
    const traced = logLines().filter((line) => line.requestId === requestId);
    expect(traced.filter((line) => line.msg === 'job started').map((line) => line.job)).toEqual(
      expect.arrayContaining(['domain.event', 'rollups.refresh', 'notifications.event', 'mail.send']),
    );
    expect(traced.filter((line) => line.msg === 'job completed').map((line) => line.jobId)).toEqual(
      expect.arrayContaining([`event-${outboxId}`, `notify-${outboxId}`]),
    );
  });

  it('a milestone update: the project scan it causes carries the id', async () => {
    const requestId = `h12-${randomBytes(6).toString('hex')}`;
    const { rows } = await t.db.query(
      `SELECT m.id, m.version, m.project_id AS "projectId" FROM milestone m JOIN project p ON p.id = m.project_id JOIN unit u ON u.id = p.unit_id
       WHERE u.code = 'transport' AND m.status = 'pending' ORDER BY p.plan_order, m.sort_order LIMIT 1`,
    );
    const m = rows[0];
    await t
      .as('owner_transport')
      .patch(`/api/milestones/${m.id}`)
      .set('x-request-id', requestId)
      .send({ version: m.version, forecastDate: addDays(todayIn('Asia/Shanghai'), 500) })
      .expect(200);
    await drained();
    const scans = (await queue(QUEUES.alerts).getJobs(['completed'])).filter((job) => job.name === 'alerts.scan-project' && job.data.projectId === m.projectId);
    expect(scans.map((job) => job.data.requestId)).toEqual([requestId]);
  });
});
