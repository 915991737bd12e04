import { freePort } from '@qj/config';
import { addDays, isoWeekOf, mondayOf, todayIn, weekLabel } from '@qj/domain';
import { DigestProcessor } from '../../apps/worker/src/digest/digest.processor';
import { ProcessorsModule } from '../../apps/worker/src/processors.module';
import { drainQueues } from '../support/queues';
import { bootTestApp, TestApp } from '../support/test-app';
import { SmtpSink } from './smtp-sink';

/** The weekly digest: one per recipient and ISO week, fanned out by the Monday job, over real SMTP. */
describe('weekly digest', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  const today = todayIn('Asia/Shanghai');
  const monday = mondayOf(today);
  const week = isoWeekOf(today).key;
  let recipients: number;
  let unitName: string;

  const digests = () => t.app.get(DigestProcessor);
  /** Every digest of the fan-out composed and its mail sent. */
  const settled = () => drainQueues(t);

  beforeAll(async () => {
    smtp = new SmtpSink(await freePort(2725));
    await smtp.start();
    t = await bootTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'http://tracker.test' }, modules: [ProcessorsModule] });
    await t.db.query(`UPDATE milestone SET forecast_date = $1 WHERE status = 'pending'`, [addDays(today, 400)]);
    await t.db.query(`UPDATE project SET last_activity_at = now()`);
    await t.db.query(`UPDATE app_user SET email = username || '@example.test'`);
    // Leaders (区领导) read the reviewers' digest.
    recipients = (await t.db.query(`SELECT count(*)::int AS n FROM app_user WHERE active AND role IN ('owner', 'reviewer', 'leader')`)).rows[0].n;
    unitName = (await t.db.query(`SELECT name FROM unit WHERE code = 'transport'`)).rows[0].name;

    // Transport: one milestone overdue since last week, one long overdue, one due in three days, one project quiet for 40 days.
    const { rows } = await t.db.query(
      `SELECT DISTINCT ON (p.plan_order) m.id, p.id AS "projectId" FROM milestone m JOIN project p ON p.id = m.project_id JOIN unit u ON u.id = p.unit_id
       WHERE u.code = 'transport' AND m.status = 'pending' ORDER BY p.plan_order, m.sort_order LIMIT 4`,
    );
    await t.db.query(`UPDATE milestone SET forecast_date = $2 WHERE id = $1`, [rows[0].id, addDays(monday, -3)]);
    await t.db.query(`UPDATE milestone SET forecast_date = $2 WHERE id = $1`, [rows[1].id, addDays(monday, -20)]);
    await t.db.query(`UPDATE milestone SET forecast_date = $2 WHERE id = $1`, [rows[2].id, addDays(today, 3)]);
    await t.db.query(`UPDATE project SET last_activity_at = now() - interval '40 days' WHERE id = $1`, [rows[3].projectId]);
    // owner_water wants no digest.
    await t
      .as('owner_water')
      .put('/api/me/notification-preferences')
      .send({ digest: false })
      .expect(200, { alert: true, workflow: true, digest: false, report: true });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('fans out one digest per recipient, once, however often the week is run', async () => {
    await Promise.all([digests().fanOut(week), digests().fanOut(week)]);
    await settled();
    await digests().fanOut(week);
    // A retried send for one recipient finds the week already done.
    expect(await digests().send((await t.db.query(`SELECT id FROM app_user WHERE username = 'owner_transport'`)).rows[0].id, week)).toBe('done');
    await settled();

    const { rows } = await t.db.query(`SELECT status, count(*)::int AS n FROM digest WHERE week = $1 GROUP BY status ORDER BY status`, [week]);
    expect(rows).toEqual([
      { status: 'queued', n: recipients - 1 },
      { status: 'skipped', n: 1 },
    ]);
    expect(smtp.received).toHaveLength(recipients - 1);
    expect(smtp.to('owner_water@example.test')).toHaveLength(0);

    const [owner] = smtp.to('owner_transport@example.test');
    expect(owner.subject).toBe(`【每周简报】${unitName} ${weekLabel(week)}：逾期 2 项，14 天内到期 1 项`);
    // The week as people read it (第48周（11月23日—29日）), never the ISO key.
    expect(owner.subject).toMatch(/ 第\d+周（\d+月\d+日—(\d+月)?\d+日）：/);
    expect(owner.subject).not.toContain(week);
    expect(owner.decoded).toContain(`以下是本单位项目${weekLabel(week)}的进展摘要`);
    expect(owner.decoded).toContain('本周新增逾期（1）');
    expect(owner.decoded).toContain('持续逾期（1）');
    expect(owner.decoded).toContain('长期未更新的项目（1）');
    expect(owner.decoded).toContain('http://tracker.test/projects/');
    expect(owner.header('List-Unsubscribe')).toMatch(/unsubscribe\?token=.*\.digest\./);

    const [reviewer] = smtp.to('reviewer@example.test');
    expect(reviewer.subject).toMatch(new RegExp(`^【每周简报】全区重大项目 ${weekLabel(week)}：`));
    expect(reviewer.decoded).toContain('分章节进展');
    expect(smtp.to('leader@example.test')[0].decoded).toContain('分章节进展');
    expect(reviewer.decoded).toContain('逾期里程碑最多的单位');
    expect(reviewer.decoded).toContain(`${unitName}：2 个`);
  });

  it('admins preview a digest without sending it', async () => {
    const before = smtp.received.length;
    const userId = (await t.db.query(`SELECT id FROM app_user WHERE username = 'owner_transport'`)).rows[0].id;
    const res = await t.as('admin').post('/api/admin/digests/preview').query({ userId }).expect(200);
    expect(res.body.subject).toBe(`【每周简报】${unitName} ${weekLabel(week)}：逾期 2 项，14 天内到期 1 项`);
    expect(res.body.html).toContain('<html');
    expect(res.body.text).toContain('未来 14 天内到期（1）');
    await t.as('admin').post('/api/admin/digests/preview').query({ userId: '00000000-0000-0000-0000-000000000000' }).expect(404);
    await t.as('owner_transport').post('/api/admin/digests/preview').query({ userId }).expect(403);
    await drainQueues(t);
    expect(smtp.received.length).toBe(before);
  });
});
