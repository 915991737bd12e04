import { freePort } from '@qj/config';
import { addDays, todayIn } from '@qj/domain';
import { AlertsService } from '../../apps/worker/src/alerts/alerts.service';
import { MailProcessor } from '../../apps/worker/src/mail/mail.processor';
import { ProcessorsModule } from '../../apps/worker/src/processors.module';
import { getQueueToken } from '@nestjs/bullmq';
import { QUEUES } from '@qj/queue';
import type { Queue } from 'bullmq';
import { waitFor } from '../support/processes';
import { drainQueues } from '../support/queues';
import { bootTestApp, TestApp } from '../support/test-app';
import { SmtpSink } from './smtp-sink';

interface Picked {
  id: string;
  name: string;
  projectId: string;
  projectName: string;
}

/**
 * Overdue alerts over real SMTP (an smtp-server on a free port), with the processors running in the API
 * process as in `npm start`. Time passing is simulated by scanning "as of" a later day, so the due date
 * (the episode) stays the same.
 */
describe('overdue alerts, notifications and mail', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  const today = todayIn('Asia/Shanghai');
  const scan = (options: { today?: string; projectId?: string } = {}) => t.app.get(AlertsService).scan(options);

  /** The first pending milestone of the n-th project of a unit. */
  const pick = async (unitCode: string, nth: number): Promise<Picked> => {
    const { rows } = await t.db.query(
      `SELECT DISTINCT ON (p.plan_order) m.id, m.name, p.id AS "projectId", p.name AS "projectName"
       FROM milestone m JOIN project p ON p.id = m.project_id JOIN unit u ON u.id = p.unit_id
       WHERE u.code = $1 AND m.status = 'pending' ORDER BY p.plan_order, m.sort_order OFFSET $2 LIMIT 1`,
      [unitCode, nth],
    );
    if (!rows[0]) throw new Error(`no milestone #${nth} for ${unitCode}`);
    return rows[0];
  };
  const setDue = (milestoneId: string, date: string) => t.db.query(`UPDATE milestone SET forecast_date = $2 WHERE id = $1`, [milestoneId, date]);
  const alertRows = async (milestoneId: string) =>
    (await t.db.query(`SELECT level, episode::text, days FROM alert WHERE milestone_id = $1 ORDER BY id`, [milestoneId])).rows;
  /** Every job the scans caused done: notifications written, mail sent or refused (retries sat out). */
  const mailSettled = () => drainQueues(t);
  const mailsAbout = (address: string, m: Picked) => smtp.to(address).filter((mail) => mail.subject.includes(`】${m.projectName} · ${m.name} 已`));

  beforeAll(async () => {
    smtp = new SmtpSink(await freePort(2525));
    await smtp.start();
    t = await bootTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'http://tracker.test' }, modules: [ProcessorsModule] });
    // A quiet starting point: nothing overdue, nothing stale, everybody with an address.
    await t.db.query(`UPDATE milestone SET forecast_date = $1 WHERE status = 'pending'`, [addDays(today, 400)]);
    await t.db.query(`UPDATE project SET last_activity_at = now()`);
    await t.db.query(`UPDATE app_user SET email = username || '@example.test'`);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('alerts the owning unit once, however often and however concurrently the scan runs', async () => {
    const m = await pick('transport', 0);
    await setDue(m.id, addDays(today, -3));

    const results = await Promise.all([scan(), scan(), scan()]);
    await scan();
    expect(results.map((r) => r.alerts).sort()).toEqual([0, 0, 1]);
    expect(await alertRows(m.id)).toEqual([{ level: 'overdue', episode: addDays(today, -3), days: 3 }]);

    await mailSettled();
    const mails = mailsAbout('owner_transport@example.test', m);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`【逾期提醒】${m.projectName} · ${m.name} 已逾期 3 天`);
    expect(mails[0].decoded).toContain(`http://tracker.test/projects/${m.projectId}`);
    expect(mails[0].decoded).toContain(`计划于 ${addDays(today, -3)} 完成，现已逾期 3 天`);
    expect(mails[0].header('List-Unsubscribe')).toMatch(/^<http:\/\/tracker\.test\/api\/unsubscribe\?token=/);
    // Reviewers hear of it only when it escalates.
    expect(mailsAbout('reviewer@example.test', m)).toHaveLength(0);

    const inbox = await t.as('owner_transport').get('/api/notifications').expect(200);
    expect(inbox.body.items.filter((n: { milestoneId: string }) => n.milestoneId === m.id)).toHaveLength(1);
    expect(inbox.body.items[0]).toMatchObject({ kind: 'alert', level: 'overdue', projectId: m.projectId, readAt: null });
  });

  it('escalates to reviewers at 14 days and to 督办 at 30, each once', async () => {
    const m = await pick('transport', 1);
    await setDue(m.id, addDays(today, -3));
    await scan();
    await scan({ today: addDays(today, 10) }); // 13 days: nothing new
    await scan({ today: addDays(today, 11) }); // 14 days
    await scan({ today: addDays(today, 12) });
    await scan({ today: addDays(today, 27) }); // 30 days
    await scan({ today: addDays(today, 28) });
    expect(await alertRows(m.id)).toEqual([
      { level: 'overdue', episode: addDays(today, -3), days: 3 },
      { level: 'escalated_14', episode: addDays(today, -3), days: 14 },
      { level: 'supervision_30', episode: addDays(today, -3), days: 30 },
    ]);

    await mailSettled();
    expect(mailsAbout('owner_transport@example.test', m).map((mail) => mail.subject)).toEqual([`【逾期提醒】${m.projectName} · ${m.name} 已逾期 3 天`]);
    expect(
      mailsAbout('reviewer@example.test', m)
        .map((mail) => mail.subject)
        .sort(),
    ).toEqual([`【逾期升级】${m.projectName} · ${m.name} 已逾期 14 天`, `【督办】${m.projectName} · ${m.name} 已逾期 30 天`].sort());
    const reviewerInbox = await t.as('reviewer').get('/api/notifications').expect(200);
    expect(reviewerInbox.body.items.filter((n: { milestoneId: string }) => n.milestoneId === m.id).map((n: { level: string }) => n.level)).toEqual([
      'supervision_30',
      'escalated_14',
    ]);
  });

  it('a milestone already 30 days late raises all three levels at once; dates moved in the database count', async () => {
    const m = await pick('transport', 2);
    await setDue(m.id, addDays(today, -31));
    await scan();
    await scan();
    expect((await alertRows(m.id)).map((row) => row.level)).toEqual(['overdue', 'escalated_14', 'supervision_30']);
    await mailSettled();
    expect(mailsAbout('owner_transport@example.test', m)).toHaveLength(1);
    expect(mailsAbout('reviewer@example.test', m)).toHaveLength(2);
  });

  it('a fixed milestone that becomes overdue again is a new episode and alerts again', async () => {
    const m = await pick('transport', 3);
    await setDue(m.id, addDays(today, -5));
    await scan();
    await setDue(m.id, addDays(today, 10)); // fixed: a new forecast
    await scan();
    expect(await alertRows(m.id)).toHaveLength(1);
    await setDue(m.id, addDays(today, -2)); // and late again
    await scan();
    await scan();
    expect(await alertRows(m.id)).toEqual([
      { level: 'overdue', episode: addDays(today, -5), days: 5 },
      { level: 'overdue', episode: addDays(today, -2), days: 2 },
    ]);
    await mailSettled();
    expect(
      mailsAbout('owner_transport@example.test', m)
        .map((mail) => mail.subject)
        .sort(),
    ).toEqual([`【逾期提醒】${m.projectName} · ${m.name} 已逾期 5 天`, `【逾期提醒】${m.projectName} · ${m.name} 已逾期 2 天`].sort());
  });

  it('a project quiet for 30 days alerts its owners once', async () => {
    const { rows } = await t.db.query(
      `SELECT p.id, p.name FROM project p JOIN unit u ON u.id = p.unit_id WHERE u.code = 'water' AND p.stage = 'study' ORDER BY p.plan_order LIMIT 1`,
    );
    const project = rows[0];
    await t.db.query(`UPDATE project SET last_activity_at = now() - interval '31 days' WHERE id = $1`, [project.id]);
    await scan();
    await scan();
    const alerts = (await t.db.query(`SELECT level, days FROM alert WHERE project_id = $1`, [project.id])).rows;
    expect(alerts).toEqual([{ level: 'stale', days: 31 }]);
    await mailSettled();
    expect(smtp.to('owner_water@example.test').filter((mail) => mail.subject === `【长期未更新】${project.name} 已 31 天未更新`)).toHaveLength(1);
  });

  it('notifications: mine only, newest first, unread count, read one, read all', async () => {
    for (const nth of [6, 7]) await setDue((await pick('transport', nth)).id, addDays(today, -2));
    await scan();
    await mailSettled();
    const mine = await t.as('owner_transport').get('/api/notifications').expect(200);
    expect(mine.body.unread).toBeGreaterThanOrEqual(2);
    const times = mine.body.items.map((n: { createdAt: string }) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const first = mine.body.items[0];
    const read = await t.as('owner_transport').post(`/api/notifications/${first.id}/read`).expect(200);
    expect(read.body.readAt).toBeTruthy();
    const after = await t.as('owner_transport').get('/api/notifications').expect(200);
    expect(after.body.unread).toBe(mine.body.unread - 1);

    // Someone else's notification is not found, not read.
    await t.as('owner_water').post(`/api/notifications/${first.id}/read`).expect(404);
    // Not an id at all: 400 naming it, like every other id parameter (it was a 404).
    const bad = await t.as('owner_water').post(`/api/notifications/not-a-number/read`).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    const water = await t.as('owner_water').get('/api/notifications').expect(200);
    expect(water.body.items.some((n: { id: string }) => n.id === first.id)).toBe(false);

    const all = await t.as('owner_transport').post('/api/notifications/read-all').expect(200);
    expect(all.body.updated).toBe(mine.body.unread - 1);
    expect((await t.as('owner_transport').get('/api/notifications').expect(200)).body.unread).toBe(0);
    await t.http.get('/api/notifications').expect(401);
  });

  it('mail retried while SMTP answers 451 arrives once', async () => {
    const m = await pick('transport', 4);
    await setDue(m.id, addDays(today, -1));
    smtp.tempFailFor(5_000);
    const failuresBefore = smtp.tempFailures;
    await scan();
    await mailSettled();
    expect(smtp.tempFailures).toBeGreaterThan(failuresBefore);
    const mails = mailsAbout('owner_transport@example.test', m);
    expect(mails).toHaveLength(1);
    const { rows } = await t.db.query(`SELECT status, attempts FROM mail_outbox WHERE id = $1`, [mails[0].mailId]);
    expect(rows[0].status).toBe('sent');
    expect(rows[0].attempts).toBeGreaterThan(1);
  }, 90_000);

  it('the sweeper sends mail whose job ran out of retries or never reached Redis, once', async () => {
    const insert = async (key: string) =>
      (
        await t.db.query(
          `INSERT INTO mail_outbox (user_id, to_address, kind, dedupe_key, subject, html, text, created_at)
           SELECT id, 'owner_water@example.test', 'alert', $1, $1, '<p>x</p>', 'x', now() - interval '5 minutes' FROM app_user WHERE username = 'owner_water'
           RETURNING id::text`,
          [key],
        )
      ).rows[0].id as string;
    const spent = await insert('sweep-spent-job');
    const orphan = await insert('sweep-no-job');
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.mail));
    smtp.tempFailFor(60_000);
    const job = await queue.add('mail.send', { mailId: spent }, { jobId: `mail-${spent}`, attempts: 1 });
    // Polled, not drained: SMTP refuses for a minute on purpose, and this one job's failure is all there is to wait for.
    await waitFor('the only attempt to fail', async () => (await job.getState()) === 'failed', 20_000);
    smtp.tempFailFor(0);

    expect(await t.app.get(MailProcessor).sweep()).toBe(2);
    await mailSettled();
    expect(smtp.received.filter((mail) => mail.subject === 'sweep-spent-job')).toHaveLength(1);
    expect(smtp.received.filter((mail) => mail.subject === 'sweep-no-job')).toHaveLength(1);
    expect(await t.app.get(MailProcessor).sweep()).toBe(0);
    const { rows } = await t.db.query(`SELECT status FROM mail_outbox WHERE id = ANY($1::bigint[])`, [[spent, orphan]]);
    expect(rows.map((row) => row.status)).toEqual(['sent', 'sent']);
  });

  it('a permanent 550 refusal is recorded as failed and shown to admins', async () => {
    await t.db.query(`UPDATE app_user SET email = 'refuse-housing@example.test' WHERE username = 'owner_housing'`);
    const m = await pick('housing', 0);
    await setDue(m.id, addDays(today, -2));
    await scan();
    await mailSettled();
    const failed = await t.as('admin').get('/api/admin/outbox').query({ status: 'failed' }).expect(200);
    const row = failed.body.items.find((item: { subject: string }) => item.subject.includes(m.name));
    expect(row).toMatchObject({ status: 'failed', toAddress: 'refuse-housing@example.test', username: 'owner_housing', kind: 'alert', attempts: 1 });
    expect(row.lastError).toMatch(/550/);
    expect(failed.body.items.every((item: { status: string }) => item.status === 'failed')).toBe(true);
    expect(smtp.to('refuse-housing@example.test')).toHaveLength(0);
    await t.as('owner_housing').get('/api/admin/outbox').expect(403);
    await t.as('admin').get('/api/admin/outbox').query({ status: 'nonsense' }).expect(400);
  });

  it('an owner without an address is skipped over real SMTP, with the reason', async () => {
    await t.db.query(`UPDATE app_user SET email = NULL WHERE username = 'owner_water'`);
    const m = await pick('water', 0);
    await setDue(m.id, addDays(today, -1));
    await scan();
    const skipped = await t.as('admin').get('/api/admin/outbox').query({ status: 'skipped' }).expect(200);
    expect(skipped.body.items.find((item: { subject: string }) => item.subject.includes(m.name))).toMatchObject({
      username: 'owner_water',
      toAddress: null,
      lastError: '用户未设置邮箱',
    });
    await t.db.query(`UPDATE app_user SET email = 'owner_water@example.test' WHERE username = 'owner_water'`);
  });

  it('the unsubscribe link opens a confirmation page (a GET changes nothing); its POST works without signing in; then alerts notify in-app but mail no more', async () => {
    const overdue = await pick('transport', 8);
    await setDue(overdue.id, addDays(today, -1));
    await scan();
    await mailSettled();
    const [mail] = mailsAbout('owner_transport@example.test', overdue);
    const link = (mail.header('List-Unsubscribe') as string).replace(/^<|>$/g, '');
    expect(mail.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect((await t.as('owner_transport').get('/api/me/notification-preferences').expect(200)).body).toEqual({
      alert: true,
      workflow: true,
      digest: true,
      report: true,
    });

    // A mail gateway's link scanner follows the link: nothing changes.
    const page = await t.http.get(link.replace('http://tracker.test', '')).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('确定不再接收「逾期与督办提醒」邮件吗？');
    expect(page.text).toContain(`<form method="post" action="${link.replace(/&/g, '&amp;')}">`);
    expect(page.text).toContain('href="http://tracker.test/settings">个人设置');
    await t.http.get(link.replace('http://tracker.test', '')).expect(200);
    expect((await t.as('owner_transport').get('/api/me/notification-preferences').expect(200)).body).toEqual({
      alert: true,
      workflow: true,
      digest: true,
      report: true,
    });

    // A bad token: 400 naming `token`, nothing changes.
    const forged = link.replace(/token=[^.]+/, 'token=00000000-0000-0000-0000-000000000000');
    const bad = await t.http.post(forged.replace('http://tracker.test', '')).type('form').send('List-Unsubscribe=One-Click').expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['token']);
    expect((await t.as('owner_transport').get('/api/me/notification-preferences').expect(200)).body).toEqual({
      alert: true,
      workflow: true,
      digest: true,
      report: true,
    });

    // RFC 8058 one-click: a POST to the same URL, no sign-in.
    const done = await t.http.post(link.replace('http://tracker.test', '')).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(done.text).toContain('已退订「逾期与督办提醒」邮件');
    expect((await t.as('owner_transport').get('/api/me/notification-preferences').expect(200)).body).toEqual({
      alert: false,
      workflow: true,
      digest: true,
      report: true,
    });

    const m = await pick('transport', 5);
    await setDue(m.id, addDays(today, -4));
    await scan();
    await mailSettled();
    expect(mailsAbout('owner_transport@example.test', m)).toHaveLength(0);
    const inbox = await t.as('owner_transport').get('/api/notifications').expect(200);
    expect(inbox.body.items.some((n: { milestoneId: string }) => n.milestoneId === m.id)).toBe(true);

    // Turned back on through the preferences API, mail flows again.
    await t
      .as('owner_transport')
      .put('/api/me/notification-preferences')
      .send({ alert: true })
      .expect(200, { alert: true, workflow: true, digest: true, report: true });
    await t.as('owner_transport').put('/api/me/notification-preferences').send({ alert: 'yes' }).expect(400);
  });

  it('a bad unsubscribe token is a 400 problem naming `token`, on the page and on the POST', async () => {
    for (const res of [
      await t.http.get('/api/unsubscribe').query({ token: 'forged.alert.abc' }).expect(400),
      await t.http.post('/api/unsubscribe').query({ token: 'forged.alert.abc' }).expect(400),
      await t.http.get('/api/unsubscribe').expect(400),
      await t.http.post('/api/unsubscribe').expect(400),
    ]) {
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['token']);
    }
  });
});
