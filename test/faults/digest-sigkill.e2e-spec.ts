import { freePort } from '@qj/config';
import { addDays, isoWeekOf, todayIn } from '@qj/domain';
import { QUEUES, redisConnection } from '@qj/queue';
import { Queue } from 'bullmq';
import { SMTP_POOL_SIZE } from '../../apps/worker/src/mail/mail-transport';
import { SmtpSink } from '../notifications/smtp-sink';
import { Launched, launchWorker, waitFor } from '../support/processes';
import { bootTestApp, TestApp } from '../support/test-app';

const EXTRA_OWNERS = 200;
const ACCEPT_DELAY_MS = 200;
const RESUME_WITHIN_MS = 90_000;

/**
 * The worker sending a week's digests is killed with SIGKILL at about 30 % and again at about 70 % of the
 * fan-out, each time followed by a fresh one: every recipient still gets the digest, a kill costs at most one
 * duplicate per pooled SMTP connection (sends in flight), and sending resumes within 90 seconds of each restart.
 */
describe('digest fan-out with its worker killed twice', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  const workers: Launched[] = [];
  const week = isoWeekOf(todayIn('Asia/Shanghai')).key;
  let addresses: string[];
  /** How many mails the server had accepted when each fresh worker started: the kills cut `received` into segments. */
  const restarts: number[] = [];

  const startWorker = (): Launched => {
    const worker = launchWorker(t.env, { SMTP_URL: smtp.url, LOG_LEVEL: 'warn' });
    workers.push(worker);
    return worker;
  };
  const distinctAccepted = () => new Set(smtp.received.map((mail) => mail.mailId)).size;
  /** Waits until `reached`, failing at once (with its log) if the worker meant to get there has exited instead. */
  const waitWhileRunning = async (worker: Launched, what: string, reached: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> => {
    const outcome = await waitFor(what, async () => (worker.child.exitCode !== null ? 'exited' : (await reached()) && 'reached'), timeoutMs, 20).catch(
      (error: Error) => error.message,
    );
    if (outcome !== 'reached') {
      const { rows } = await t.db.query(
        `SELECT 'digest ' || status AS what, count(*)::int AS n FROM digest GROUP BY 1 UNION ALL SELECT 'mail ' || status, count(*)::int FROM mail_outbox GROUP BY 1`,
      );
      throw new Error(`${outcome === 'exited' ? `the worker exited while waiting for ${what}` : outcome}\n${JSON.stringify(rows)}\n${worker.output()}`);
    }
  };

  /** Kills the worker once `share` of the recipients have mail, then starts a fresh one; returns ms from restart to the next mail accepted. */
  const killAt = async (share: number): Promise<number> => {
    const worker = workers[workers.length - 1];
    await waitWhileRunning(worker, `${share * 100} % of the digests sent`, () => distinctAccepted() >= share * addresses.length, 120_000);
    worker.child.kill('SIGKILL');
    await worker.exited;
    // What the server was still accepting when the sender died lands within its delay: not a resumption.
    await new Promise((done) => setTimeout(done, 3 * ACCEPT_DELAY_MS));
    const before = smtp.received.length;
    restarts.push(before);
    const restartedAt = Date.now();
    await waitWhileRunning(startWorker(), 'sending to resume', () => smtp.received.length > before, 2 * RESUME_WITHIN_MS);
    return Date.now() - restartedAt;
  };

  beforeAll(async () => {
    smtp = new SmtpSink(await freePort(2925));
    smtp.acceptDelayMs = ACCEPT_DELAY_MS;
    await smtp.start();
    t = await bootTestApp();
    const today = todayIn('Asia/Shanghai');
    await t.db.query(`UPDATE milestone SET forecast_date = $1 WHERE status = 'pending'`, [addDays(today, 400)]);
    await t.db.query(`UPDATE project SET last_activity_at = now()`);
    await t.db.query(
      `INSERT INTO app_user (username, display_name, role, unit_id, password_hash)
       SELECT 'owner_extra_' || i, '项目负责人' || i, 'owner', (SELECT id FROM unit ORDER BY code OFFSET i % (SELECT count(*) FROM unit) LIMIT 1), 'not-a-hash'
       FROM generate_series(1, $1::int) AS i`,
      [EXTRA_OWNERS],
    );
    await t.db.query(`UPDATE app_user SET email = username || '@example.test'`);
    addresses = (await t.db.query(`SELECT email FROM app_user WHERE active AND role IN ('owner', 'reviewer', 'leader')`)).rows.map((row) => row.email).sort();
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await t?.close();
    await smtp?.stop();
  });

  it('every recipient gets the digest, with at most the SMTP pool in duplicates per kill, resuming within 90 s', async () => {
    const queue = new Queue(QUEUES.digest, { connection: redisConnection(t.env.REDIS_URL), prefix: t.env.QUEUE_PREFIX });
    const mailQueue = new Queue(QUEUES.mail, { connection: redisConnection(t.env.REDIS_URL), prefix: t.env.QUEUE_PREFIX });
    try {
      startWorker();
      await queue.add('digest.fanout', { week });
      const resumedAfter = [await killAt(0.3), await killAt(0.7)];

      await waitWhileRunning(
        workers[workers.length - 1],
        'every digest sent',
        async () => {
          const { rows } = await t.db.query(
            `SELECT (SELECT count(*) FROM digest WHERE week = $1 AND status = 'queued')::int AS queued,
                    (SELECT count(*) FROM mail_outbox WHERE status = 'sent')::int AS sent`,
            [week],
          );
          return rows[0].queued === addresses.length && rows[0].sent === addresses.length;
        },
        180_000,
      );
      await new Promise((done) => setTimeout(done, 3 * ACCEPT_DELAY_MS));

      const reached = [...new Set(smtp.received.flatMap((mail) => mail.to))].sort();
      expect(reached).toEqual(addresses);
      expect(distinctAccepted()).toBe(addresses.length);
      // A copy sent again was in flight when the worker that sent it first was killed: it is charged to that kill,
      // and a copy sent twice with no kill in between is a fault.
      const segment = (position: number) => restarts.filter((start) => start <= position).length;
      const chargedToKill = [0, 0];
      const lastCopy = new Map<string | undefined, number>();
      smtp.received.forEach((mail, position) => {
        const previous = lastCopy.get(mail.mailId);
        lastCopy.set(mail.mailId, position);
        if (previous === undefined) return;
        expect(segment(position)).toBeGreaterThan(segment(previous));
        chargedToKill[segment(previous)]++;
      });
      for (const duplicates of chargedToKill) expect(duplicates).toBeLessThanOrEqual(SMTP_POOL_SIZE);
      for (const ms of resumedAfter) expect(ms).toBeLessThan(RESUME_WITHIN_MS);
      expect(await queue.getFailedCount()).toBe(0);
      expect(await mailQueue.getFailedCount()).toBe(0);
    } finally {
      await queue.close();
      await mailQueue.close();
    }
  }, 600_000);
});
