import { freePort } from '@qj/config';
import { addDays, isoWeekOf, mondayOf, todayIn, weekLabel } from '@qj/domain';
import { DigestProcessor } from '../../apps/worker/src/digest/digest.processor';
import { ProcessorsModule } from '../../apps/worker/src/processors.module';
import { seedNotice, seedProblem } from '../support/problems';
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
  /** The unit of the problems transport does not see, and a unit with none at all. */
  let other: { code: string };
  let quiet: { code: string };
  /** The days the digest counts as its week: the seven before its day (its Monday). */
  const weekFrom = addDays(monday, -7);
  const weekTo = addDays(monday, -1);
  const dayText = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
  const weekDays = `${dayText(weekFrom)}—${weekFrom.slice(5, 7) === weekTo.slice(5, 7) ? `${Number(weekTo.slice(8, 10))}日` : dayText(weekTo)}`;
  const year = Number(monday.slice(0, 4));

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
    // The 问题清单 (times in Chongqing). Transport reads its projects' problems and those assigned to it.
    const units: Record<string, string> = {};
    for (const row of (await t.db.query(`SELECT id, code FROM unit`)).rows) units[row.code] = row.id;
    const [first, second] = (
      await t.db.query(
        `SELECT u.code FROM unit u WHERE u.code NOT IN ('transport', 'water') AND EXISTS (SELECT 1 FROM project p WHERE p.unit_id = u.id) ORDER BY u.code LIMIT 2`,
      )
    ).rows;
    [other, quiet] = [first, second];
    const projectOfUnit = async (code: string) =>
      (await t.db.query(`SELECT p.id FROM project p JOIN unit u ON u.id = p.unit_id WHERE u.code = $1 ORDER BY p.plan_order LIMIT 1`, [code])).rows[0]
        .id as string;
    const [transportProject, waterProject, otherProject] = [rows[0].projectId as string, await projectOfUnit('water'), await projectOfUnit(other.code)];
    const at = (day: string, time = '10:00') => `${day}T${time}:00+08:00`;
    // Raised this week, assigned to water, overdue 2 days.
    await seedProblem(t.db, {
      projectId: transportProject,
      title: '施工便道征地未完成',
      category: 'land',
      raisedAt: at(addDays(monday, -3)),
      unitId: units.water,
      dueDate: addDays(monday, -2),
    });
    // Water's, assigned to transport a month ago, overdue 10 days; its 督办单 issued this week (and an older one before it).
    const waterProblem = await seedProblem(t.db, {
      projectId: waterProject,
      title: '取水口迁改资金未落实',
      category: 'funding',
      raisedAt: at(addDays(monday, -30)),
      unitId: units.transport,
      dueDate: addDays(monday, -10),
    });
    await seedNotice(t.db, {
      problemId: waterProblem,
      unitId: units.transport,
      year,
      sequence: 1,
      dueDate: addDays(monday, -20),
      replyBy: addDays(monday, -3),
      issuedAt: at(addDays(monday, -8), '23:00'),
    });
    await seedNotice(t.db, {
      problemId: waterProblem,
      unitId: units.transport,
      year,
      sequence: 2,
      dueDate: addDays(monday, -10),
      replyBy: addDays(monday, 1),
      issuedAt: at(addDays(monday, -4)),
    });
    // Closed (销号) this week.
    await seedProblem(t.db, {
      projectId: transportProject,
      title: '临时用电报装',
      category: 'utilities',
      raisedAt: at(addDays(monday, -20)),
      unitId: units.transport,
      dueDate: addDays(monday, 5),
      closedAt: at(addDays(monday, -1)),
    });
    // Raised at 23:30 the day before the week (the week's first day in UTC): not this week's; open, not assigned.
    await seedProblem(t.db, { projectId: transportProject, title: '规划条件待调整', category: 'planning', raisedAt: at(addDays(monday, -8), '23:30') });
    // Another unit's: raised this week; overdue 5 days with a 督办单 at 23:30 on the week's last day.
    await seedProblem(t.db, { projectId: otherProject, title: '其他单位的问题', category: 'other', raisedAt: at(addDays(monday, -2)) });
    const otherProblem = await seedProblem(t.db, {
      projectId: otherProject,
      title: '其他单位逾期问题',
      category: 'other',
      raisedAt: at(addDays(monday, -40)),
      unitId: units[other.code],
      dueDate: addDays(monday, -5),
    });
    await seedNotice(t.db, {
      problemId: otherProblem,
      unitId: units[other.code],
      year,
      sequence: 3,
      dueDate: addDays(monday, -5),
      replyBy: addDays(monday, 4),
      issuedAt: at(addDays(monday, -1), '23:30'),
    });

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
    expect(owner.subject).toBe(`【每周简报】${unitName} ${weekLabel(week)}：逾期 2 项，14 天内到期 1 项，逾期问题 2 个`);
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

  it('carries the week’s 问题清单 in each reader’s scope: raised, closed, overdue now (listed), and the 督办单 issued; a quiet unit reads one sentence', async () => {
    const composed = async (username: string) =>
      (
        await t.db.query(`SELECT d.subject, d.text, d.html FROM digest d JOIN app_user u ON u.id = d.user_id WHERE u.username = $1 AND d.week = $2`, [
          username,
          week,
        ])
      ).rows[0] as { subject: string; text: string; html: string };
    const section = (text: string, title: string) => text.slice(text.indexOf(`■ ${title}`)).split('\n\n')[0];

    const owner = await composed('owner_transport');
    expect(section(owner.text, '问题清单').split('\n')).toEqual([
      `■ 问题清单（${weekDays}）：新增 1 个，销号 1 个；目前未销号 3 个，其中逾期 2 个`,
      expect.stringMatching(new RegExp(`^  - 取水口迁改资金未落实（.+）：交办 ${unitName}，逾期 10 天  http://tracker\\.test/projects/`)),
      expect.stringMatching(/^ {2}- 施工便道征地未完成（.+）：交办 .+，逾期 2 天 {2}http:\/\/tracker\.test\/projects\//),
    ]);
    expect(section(owner.text, '督办单').split('\n')).toEqual([
      `■ 督办单（${weekDays}印发 1 份）`,
      expect.stringMatching(new RegExp(`^  - 督办〔${year}〕2号：取水口迁改资金未落实（.+），督办 ${unitName}，要求 ${addDays(monday, 1)} 前书面回复`)),
    ]);
    expect(owner.html).toContain(`<h3 style="font-size:15px">问题清单（${weekDays}）：新增 1 个，销号 1 个；目前未销号 3 个，其中逾期 2 个</h3><ul><li>`);

    const reviewer = await composed('reviewer');
    expect(reviewer.subject).toMatch(/，逾期问题 3 个$/);
    expect(section(reviewer.text, '问题清单').split('\n')).toHaveLength(4);
    expect(section(reviewer.text, '问题清单')).toContain(`■ 问题清单（${weekDays}）：新增 2 个，销号 1 个；目前未销号 5 个，其中逾期 3 个`);
    expect(section(reviewer.text, '问题清单')).toContain(`其他单位逾期问题（`);
    expect(section(reviewer.text, '督办单')).toContain(`■ 督办单（${weekDays}印发 2 份）\n  - 督办〔${year}〕2号：`);
    expect(section(reviewer.text, '督办单')).toContain(`\n  - 督办〔${year}〕3号：其他单位逾期问题（`);
    expect(reviewer.text).not.toContain(`督办〔${year}〕1号`);

    // Water sees the problem assigned to it and its own project's one (its digest is composed though not mailed).
    const water = await composed('owner_water');
    expect(section(water.text, '问题清单')).toContain(`■ 问题清单（${weekDays}）：新增 1 个，销号 0 个；目前未销号 2 个，其中逾期 2 个`);
    expect(section(water.text, '督办单')).toContain(`印发 1 份`);

    const calm = await composed(`owner_${quiet.code}`);
    expect(calm.subject).not.toContain('逾期问题');
    expect(section(calm.text, '问题清单')).toBe(
      `■ 问题清单（${weekDays}）：新增 0 个，销号 0 个；目前未销号 0 个，其中逾期 0 个\n  ${weekDays}没有新增或销号的问题，目前也没有逾期问题。`,
    );
    expect(section(calm.text, '督办单')).toBe(`■ 督办单（${weekDays}印发 0 份）\n  ${weekDays}未印发督办单。`);
    expect(calm.html).toContain(`<p style="color:#888">${weekDays}没有新增或销号的问题，目前也没有逾期问题。</p>`);
    expect(calm.html).not.toContain('<ul></ul>');
  });

  it('admins preview a digest without sending it', async () => {
    const before = smtp.received.length;
    const userId = (await t.db.query(`SELECT id FROM app_user WHERE username = 'owner_transport'`)).rows[0].id;
    const res = await t.as('admin').post('/api/admin/digests/preview').query({ userId }).expect(200);
    expect(res.body.subject).toBe(`【每周简报】${unitName} ${weekLabel(week)}：逾期 2 项，14 天内到期 1 项，逾期问题 2 个`);
    expect(res.body.html).toContain('<html');
    expect(res.body.text).toContain('未来 14 天内到期（1）');
    await t.as('admin').post('/api/admin/digests/preview').query({ userId: '00000000-0000-0000-0000-000000000000' }).expect(404);
    await t.as('owner_transport').post('/api/admin/digests/preview').query({ userId }).expect(403);
    await drainQueues(t);
    expect(smtp.received.length).toBe(before);
  });
});
