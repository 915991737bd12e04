import { getQueueToken } from '@nestjs/bullmq';
import { Clock, freePort } from '@qj/config';
import { QUEUES } from '@qj/queue';
import type { Queue } from 'bullmq';
import { DigestComposer } from '@qj/digest';
import { DigestRecipient, DigestRepository } from '@qj/persistence';
import { ProcessorsModule } from '../../apps/worker/src/processors.module';
import { ReportRemindersService } from '../../apps/worker/src/report-reminders/report-reminders.service';
import { seedPlan, seedReport } from '../support/investment';
import { waitFor } from '../support/processes';
import { bootTestApp, TestApp } from '../support/test-app';
import { codeTokens, mailBodies } from './readable-text';
import { ReceivedMail, SmtpSink } from './smtp-sink';

interface Row {
  title: string;
  body: string;
  kind: string;
  level: string | null;
  link: string | null;
  projectId: string | null;
}

interface Project {
  id: string;
  name: string;
}

/**
 * Monthly reports (月报) not submitted in time, with the Clock moved through April 2027 (March's reports are due on
 * 2027-04-05): from 04-02 each unit's owners get one reminder listing their projects expected to report (a 2027
 * plan, not completed nor cancelled) and not submitted; from 04-06 owners and reviewers hear which are late. Each
 * (project, month, level) once. And the entry's notices: a returned report, an adjusted plan.
 */
describe('monthly-report reminders', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let clock: Clock;
  const users: Record<string, string> = {};
  const units: Record<string, string> = {};
  let transport: Project[];
  let water: Project[];

  /** Chongqing 10:00 on the day. */
  const at = (day: string) => clock.setNow(new Date(`${day}T02:00:00Z`));
  const scan = () => t.app.get(ReportRemindersService).scan();
  const inbox = async (username: string, kind = 'report'): Promise<Row[]> =>
    (
      await t.db.query(`SELECT title, body, kind, level, link, project_id AS "projectId" FROM notification WHERE user_id = $1 AND kind = $2 ORDER BY id`, [
        users[username],
        kind,
      ])
    ).rows;
  const mailSettled = () =>
    waitFor(
      'the mail outbox to settle',
      async () => (await t.db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE status IN ('pending', 'sending')`)).rows[0].n === 0,
      60_000,
    );
  const mailsTo = (username: string, titlePart: string): ReceivedMail[] =>
    smtp.to(`${username}@example.test`).filter((mail) => mail.subject.includes(titlePart));
  const projectsOf = async (unitCode: string): Promise<Project[]> =>
    (await t.db.query(`SELECT p.id, p.name FROM project p JOIN unit u ON u.id = p.unit_id WHERE u.code = $1 ORDER BY p.plan_order LIMIT 6`, [unitCode])).rows;

  beforeAll(async () => {
    smtp = new SmtpSink(await freePort(3125));
    await smtp.start();
    // The scheduled scans never fire during the suite (the Clock is moved by hand, the scheduler runs on real time).
    t = await bootTestApp({
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'http://tracker.test', REPORT_REMINDER_CRON: '0 0 1 1 *', ALERT_SCAN_CRON: '0 0 1 1 *' },
      modules: [ProcessorsModule],
    });
    clock = t.app.get(Clock);
    await t.db.query(`UPDATE app_user SET email = username || '@example.test'`);
    for (const row of (await t.db.query(`SELECT id, username FROM app_user`)).rows) users[row.username] = row.id;
    for (const row of (await t.db.query(`SELECT code, name FROM unit`)).rows) units[row.code] = row.name;
    await t.db.query(`DELETE FROM investment_plan_version`);
    await t.db.query(`DELETE FROM investment_plan`);
    transport = await projectsOf('transport');
    water = await projectsOf('water');
    await t.db.query(`UPDATE project SET stage = 'study' WHERE id = ANY($1::uuid[])`, [[...transport, ...water].map((p) => p.id)]);
    // Expected to report in 2027: transport 0–3 and water 0 have a 2027 plan; transport 3 is completed; transport 4 has no plan.
    for (const project of [...transport.slice(0, 4), water[0]]) {
      await seedPlan(t.db, project.id, 2027, { planned: '1000' });
      await seedReport(t.db, project.id, '2027-02', '10'); // February reported: only March is under test
    }
    await t.db.query(`UPDATE project SET stage = 'complete' WHERE id = $1`, [transport[3].id]);
    await seedReport(t.db, transport[1].id, '2027-03', '20'); // submitted
    await seedReport(t.db, transport[2].id, '2027-03', '5', 'draft'); // saved, not submitted
  });
  afterAll(async () => {
    clock?.setNow(null);
    await t?.close();
    await smtp?.stop();
  });

  it('nothing before three days ahead of the due day', async () => {
    at('2027-04-01');
    expect(await scan()).toEqual({ reminders: 0, late: 0, notifications: 0, mails: 0 });
  });

  it('three days before the due day, each unit’s owners get one reminder listing their unreported projects, once', async () => {
    at('2027-04-02');
    const results = await Promise.all([scan(), scan()]);
    at('2027-04-03');
    await scan();
    expect(results.map((r) => r.reminders).sort()).toEqual([0, 3]);

    const owner = await inbox('owner_transport');
    expect(owner).toHaveLength(1);
    expect(owner[0]).toMatchObject({
      kind: 'report',
      level: 'reminder',
      title: `【月报提醒】${units.transport} 2027年3月月报还有 2 个项目未报送`,
      link: '/projects',
      projectId: null,
    });
    expect(owner[0].body).toBe(
      `2027年3月的月报将于 2027-04-05 截止。本单位以下 2 个项目尚未报送：「${transport[0].name}」、「${transport[2].name}」（已存草稿，未报送）。请在截止日前填报并报送。`,
    );
    // One project: the notification opens it.
    expect(await inbox('owner_water')).toEqual([expect.objectContaining({ level: 'reminder', projectId: water[0].id, link: null })]);
    expect(await inbox('reviewer')).toEqual([]);
    const { rows } = await t.db.query(`SELECT project_id AS "projectId", month, level FROM report_reminder ORDER BY project_id`);
    expect(rows.map((r) => r.projectId).sort()).toEqual([transport[0].id, transport[2].id, water[0].id].sort());

    await mailSettled();
    const mails = mailsTo('owner_transport', '【月报提醒】');
    expect(mails).toHaveLength(1);
    expect(mails[0].decoded).toContain(`http://tracker.test/projects/${transport[0].id}`);
    expect(mails[0].decoded).toContain(`http://tracker.test/projects/${transport[2].id}`);
    expect(mails[0].decoded).not.toContain(transport[1].id);
    expect(mails[0].header('List-Unsubscribe')).toMatch(/^<http:\/\/tracker\.test\/api\/unsubscribe\?token=/);
    expect(mailsTo('owner_water', '【月报提醒】')).toHaveLength(1);
    expect(smtp.to('reviewer@example.test').filter((mail) => mail.subject.includes('月报'))).toHaveLength(0);
  });

  it('from the day after the due day, late reports go to the owners and one summary to the reviewers, once; mail per the report preference', async () => {
    // transport 0 is submitted on the due day: on time, and no late notice.
    at('2027-04-05');
    await t.as('owner_transport').put(`/api/projects/${transport[0].id}/monthly-reports/2027-03`).send({ completedInvestment: 30 }).expect(200);
    await t.as('owner_transport').post(`/api/projects/${transport[0].id}/monthly-reports/2027-03/submit`).expect(200);
    expect((await scan()).late).toBe(0);
    await t.as('owner_water').put('/api/me/notification-preferences').send({ report: false }).expect(200);

    at('2027-04-06');
    expect(await scan()).toMatchObject({ reminders: 0, late: 2 });
    at('2027-04-20');
    expect(await scan()).toMatchObject({ reminders: 0, late: 0 });

    const owner = (await inbox('owner_transport')).filter((n) => n.level === 'late');
    expect(owner).toEqual([expect.objectContaining({ title: `【月报逾期】${units.transport} 2027年3月月报有 1 个项目逾期未报`, projectId: transport[2].id })]);
    expect(owner[0].body).toContain(`「${transport[2].name}」（已存草稿，未报送）`);
    const reviewer = await inbox('reviewer');
    expect(reviewer).toHaveLength(1);
    expect(reviewer[0]).toMatchObject({ level: 'late', title: '【月报逾期】2027年3月月报：2 个单位 2 个项目逾期未报' });
    expect(reviewer[0].body).toContain(`${units.transport}（1 个）：「${transport[2].name}」`);
    expect(reviewer[0].body).toContain(`${units.water}（1 个）：「${water[0].name}」`);
    expect((await inbox('owner_water')).map((n) => n.level)).toEqual(['reminder', 'late']);

    await mailSettled();
    expect(mailsTo('owner_transport', '【月报逾期】')).toHaveLength(1);
    expect(mailsTo('reviewer', '【月报逾期】')).toHaveLength(1);
    expect(mailsTo('reviewer', '【月报逾期】')[0].decoded).toContain(`http://tracker.test/projects/${water[0].id}`);
    // Turned off: in the app only.
    expect(mailsTo('owner_water', '【月报逾期】')).toHaveLength(0);
  });

  it('a returned report and an adjusted plan reach the unit’s owners with the reason; the original plan tells nobody', async () => {
    at('2027-04-21');
    await t
      .as('reviewer')
      .post(`/api/projects/${transport[1].id}/monthly-reports/2027-03/return`)
      .send({ comment: '投资数据与统计局不符，请核实' })
      .expect(200);
    await t
      .as('reviewer')
      .put(`/api/projects/${transport[0].id}/investment-plans/2027`)
      .send({ plannedInvestment: 800, reason: '征地延后，调减年度投资' })
      .expect(200);
    await t.as('reviewer').put(`/api/projects/${transport[4].id}/investment-plans/2027`).send({ plannedInvestment: 50 }).expect(200);

    const returned = await waitFor('the return notice', async () => (await inbox('owner_transport')).find((n) => n.title.startsWith('【月报退回】')), 30_000);
    expect(returned).toMatchObject({ title: `【月报退回】${transport[1].name} 2027年3月月报已被退回`, projectId: transport[1].id });
    expect(returned.body).toBe(
      `「${transport[1].name}」2027年3月的月报（本月完成投资 20.00 万元）已被 区发展改革委审核员 退回，退回意见：投资数据与统计局不符，请核实。请修改后重新报送。`,
    );
    const adjusted = await waitFor('the plan notice', async () => (await inbox('owner_transport')).find((n) => n.title.startsWith('【计划调整】')), 30_000);
    expect(adjusted).toMatchObject({ title: `【计划调整】${transport[0].name} 2027 年度计划投资调整为 800.00 万元`, projectId: transport[0].id });
    expect(adjusted.body).toBe(
      `「${transport[0].name}」2027 年度计划投资由 1000.00 万元调整为 800.00 万元（第 2 版）。调整原因：征地延后，调减年度投资。操作人：区发展改革委审核员。`,
    );
    // The original plan of transport 4 (version 1), relayed with the others, told nobody; reviewers hear neither.
    await waitFor(
      'every event relayed',
      async () => (await t.db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`)).rows[0].n === 0,
      30_000,
    );
    const notifications = t.app.get<Queue>(getQueueToken(QUEUES.notifications));
    await waitFor('the notifications queue drained', async () => {
      const counts = await notifications.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(counts).every((n) => n === 0);
    });
    expect((await inbox('owner_transport')).filter((n) => n.projectId === transport[4].id)).toEqual([]);
    expect((await inbox('reviewer')).map((n) => n.title)).toEqual(['【月报逾期】2027年3月月报：2 个单位 2 个项目逾期未报']);

    await mailSettled();
    expect(mailsTo('owner_transport', '【月报退回】')).toHaveLength(1);
    expect(mailsTo('owner_transport', '【计划调整】')).toHaveLength(1);
  });

  it('the weekly digest carries the last due month: the owner’s projects not reported or late, the reviewers’ counts by unit', async () => {
    at('2027-04-21');
    await t.as('owner_water').put(`/api/projects/${water[0].id}/monthly-reports/2027-03`).send({ completedInvestment: 15 }).expect(200);
    expect((await t.as('owner_water').post(`/api/projects/${water[0].id}/monthly-reports/2027-03/submit`).expect(200)).body.late).toBe(true);
    const compose = async (username: string) =>
      t.app.get(DigestComposer).compose((await t.app.get(DigestRepository).recipient(users[username])) as DigestRecipient, '2027-W17', '2027-04-26');

    // Transport: 0 on time, 1 returned, 2 a draft, 3 completed, 4 planned since (its original plan above).
    const owner = (await compose('owner_transport')).text;
    expect(owner).toContain(
      [
        '■ 月报（2027年3月，2027-04-05 截止）：未报 3 个，迟报 0 个',
        `  - ${transport[1].name}：未报送  http://tracker.test/projects/${transport[1].id}`,
        `  - ${transport[2].name}：未报送  http://tracker.test/projects/${transport[2].id}`,
        `  - ${transport[4].name}：未报送  http://tracker.test/projects/${transport[4].id}`,
      ].join('\n'),
    );
    expect((await compose('owner_water')).text).toContain(`■ 月报（2027年3月，2027-04-05 截止）：未报 0 个，迟报 1 个\n  - ${water[0].name}：迟报`);
    const reviewer = (await compose('reviewer')).text;
    expect(reviewer).toContain('■ 月报（2027年3月，2027-04-05 截止）：未报 3 个，迟报 1 个');
    expect(reviewer).toContain(`  - ${units.transport}：未报 3 个，迟报 0 个\n  - ${units.water}：未报 0 个，迟报 1 个`);
  });

  it('every notice and mail reads as Chinese, not codes', async () => {
    await mailSettled();
    const texts = (await t.db.query(`SELECT title, body FROM notification WHERE kind = 'report'`)).rows.flatMap((n) => [n.title, n.body]);
    const mails = smtp.received.filter((mail) => /月报|计划调整/.test(mail.subject));
    expect(mails).toHaveLength(6); // reminders to two units, late to one unit (the other turned mail off) and the reviewer, a return, an adjustment
    expect([...texts, ...mails.flatMap((mail) => mailBodies(mail.decoded))].flatMap(codeTokens)).toEqual([]);
  });
});
