import { freePort } from '@qj/config';
import { addDays, isoWeekOf, todayIn, weekLabel } from '@qj/domain';
import { DigestProcessor } from '../../apps/worker/src/digest/digest.processor';
import { NotificationsService } from '../../apps/worker/src/notifications/notifications.service';
import { ProcessorsModule } from '../../apps/worker/src/processors.module';
import { drainQueues } from '../support/queues';
import { bootTestApp, TestApp } from '../support/test-app';
import { codeTokens } from './readable-text';
import { ReceivedMail, SmtpSink } from './smtp-sink';

interface Row {
  title: string;
  body: string;
  kind: string;
  link: string | null;
  projectId: string | null;
}

/**
 * Everyone hears what concerns them: requests filed reach the reviewers, decisions reach the requester and
 * their unit's owners (with the decision, the reviewer and the comment), 不适用 markings and withdrawals reach
 * the reviewers, the weekly digest appears in the app; in the app always, by mail unless turned off, once per
 * person however often an event is seen. Every line they read is Chinese, not a code. Links in mail go to the
 * port the tracker runs on (PORT=3100, no PUBLIC_URL).
 */
describe('workflow notifications', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  const today = todayIn('Asia/Shanghai');
  const users: Record<string, string> = {};
  let waterProjects: Array<{ id: string; name: string }>;

  const inbox = async (username: string): Promise<Row[]> =>
    (await t.db.query(`SELECT title, body, kind, link, project_id AS "projectId" FROM notification WHERE user_id = $1 ORDER BY id`, [users[username]])).rows;
  /** Every job the changes caused done: notifications written, mail sent (nothing here is about the overdue scans' minute). */
  const settled = () => drainQueues(t, { promoteDelayed: true });
  /** The notice `username` got whose title has `titlePart`, once the workers are done. */
  const noticeFor = async (username: string, titlePart: string): Promise<Row> => {
    await settled();
    const notice = (await inbox(username)).find((n) => n.title.includes(titlePart));
    expect({ username, titlePart, heard: Boolean(notice) }).toEqual({ username, titlePart, heard: true });
    return notice as Row;
  };
  const mailsTo = (username: string, titlePart: string): ReceivedMail[] =>
    smtp.to(`${username}@example.test`).filter((mail) => mail.subject.includes(titlePart));
  const firstPending = async (projectId: string) =>
    (
      await t.db.query(
        `SELECT id, name, version, baseline_date::text AS "baselineDate" FROM milestone WHERE project_id = $1 AND status = 'pending' ORDER BY sort_order LIMIT 1`,
        [projectId],
      )
    ).rows[0];

  /** An owner's request to put `project` on hold. */
  const requestHold = async (project: { id: string }, reason: string): Promise<{ id: string }> =>
    (await t.as('owner_water').post(`/api/projects/${project.id}/transition-requests`).send({ to: 'on_hold', reason }).expect(201)).body;
  /** A re-baselining request on the project's first open milestone, rejected by the reviewer; returns that milestone. */
  const rebaselineRejected = async (project: { id: string }, comment: string) => {
    const m = await firstPending(project.id);
    const asked = await t
      .as('owner_water')
      .post(`/api/milestones/${m.id}/rebaseline-requests`)
      .send({ baselineDate: '2029-01-31', reason: '设计变更' })
      .expect(201);
    await t.as('reviewer').post(`/api/rebaseline-requests/${asked.body.id}/reject`).send({ comment }).expect(200);
    return m;
  };

  beforeAll(async () => {
    smtp = new SmtpSink(await freePort(2925));
    await smtp.start();
    t = await bootTestApp({ env: { SMTP_URL: smtp.url, PORT: '3100' }, modules: [ProcessorsModule] });
    // Quiet: nothing overdue or stale, so the only mail is what this suite causes.
    await t.db.query(`UPDATE milestone SET forecast_date = $1 WHERE status = 'pending'`, [addDays(today, 400)]);
    await t.db.query(`UPDATE project SET last_activity_at = now()`);
    await t.db.query(`UPDATE app_user SET email = username || '@example.test'`);
    for (const row of (await t.db.query(`SELECT id, username FROM app_user`)).rows) users[row.username] = row.id;
    waterProjects = (
      await t.db.query(
        `SELECT p.id, p.name FROM project p JOIN unit u ON u.id = p.unit_id WHERE u.code = 'water' AND p.stage = 'study' ORDER BY p.plan_order LIMIT 17`,
      )
    ).rows;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('a transition request reaches the reviewers, in the app and by mail, with links to the port the tracker runs on', async () => {
    const project = waterProjects[0];
    await t.as('owner_water').post(`/api/projects/${project.id}/transition-requests`).send({ to: 'on_hold', reason: '资金未落实' }).expect(201);

    const notice = await noticeFor('reviewer', `【待审批】${project.name}`);
    expect(notice).toMatchObject({ kind: 'workflow', title: `【待审批】${project.name}：申请 前期研究 → 暂缓`, projectId: project.id });
    expect(notice.body).toBe(`区水利局项目负责人 为「${project.name}」提交了阶段转换申请：申请 前期研究 → 暂缓（理由：资金未落实）。请在审批页处理。`);
    expect(await inbox('owner_water')).toEqual([]);

    await settled();
    const [mail] = mailsTo('reviewer', `【待审批】${project.name}`);
    expect(mail.decoded).toContain(`http://localhost:3100/projects/${project.id}`);
    expect(mail.decoded).not.toContain('localhost:3000');
    expect(mail.header('List-Unsubscribe')).toMatch(/^<http:\/\/localhost:3100\/api\/unsubscribe\?token=[^>]+\.workflow\.[^>]+>$/);
    expect(mail.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  });

  it('a rejection reaches the requester and the unit’s owners with the reviewer and the comment', async () => {
    const project = waterProjects[6];
    const request = await requestHold(project, '资金未落实');
    await t.as('reviewer').post(`/api/transition-requests/${request.id}/reject`).send({ comment: '请补充资金缺口说明' }).expect(200);
    const notice = await noticeFor('owner_water', `【已退回】${project.name}`);
    expect(notice.title).toBe(`【已退回】${project.name}：前期研究 → 暂缓 的申请已退回`);
    expect(notice.body).toBe(
      `「${project.name}」前期研究 → 暂缓 的申请已退回（意见：请补充资金缺口说明）。审核人：区发展改革委审核员；申请人：区水利局项目负责人。`,
    );
    expect(mailsTo('owner_water', `【已退回】${project.name}`)).toHaveLength(1);
    expect((await inbox('reviewer')).filter((n) => n.title.startsWith(`【已退回】${project.name}`))).toEqual([]);
  });

  it('an approval reaches them once, however often its event is seen', async () => {
    const project = waterProjects[1];
    const requested = await t.as('owner_water').post(`/api/projects/${project.id}/transition-requests`).send({ to: 'on_hold', reason: '征地受阻' }).expect(201);
    await t.as('reviewer').post(`/api/transition-requests/${requested.body.id}/approve`).send({ comment: '同意暂缓' }).expect(200);
    const notice = await noticeFor('owner_water', `【已批准】${project.name}`);
    expect(notice.title).toBe(`【已批准】${project.name}：前期研究 → 暂缓，已批准`);
    expect(notice.body).toContain('前期研究 → 暂缓，已批准（意见：同意暂缓）。审核人：区发展改革委审核员');
    await settled();

    // The relay may deliver an event again (a crash before commit): nothing new for anyone.
    const { rows } = await t.db.query(
      `SELECT id::text AS "outboxId", name, aggregate_id AS "aggregateId", actor_id AS "actorId", request_id AS "requestId", payload AS data
       FROM outbox_event WHERE payload->>'transitionRequestId' = $1`,
      [requested.body.id],
    );
    expect(rows.map((row) => row.name).sort()).toEqual(['project.put_on_hold', 'project.transition_requested']);
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM notification`)).rows[0].n;
    const service = t.app.get(NotificationsService);
    for (const row of rows) expect(await service.handle({ ...row, occurredAt: new Date().toISOString() })).toBe(0);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM notification`)).rows[0].n).toBe(before);
    await settled();
    expect(mailsTo('owner_water', `【已批准】${project.name}`)).toHaveLength(1);
  });

  it('an administrator’s override tells the unit’s owners it was an override, with the reason', async () => {
    const project = waterProjects[2];
    await t.as('admin').post(`/api/projects/${project.id}/override`).send({ to: 'cancelled', reason: '规划调整，项目取消' }).expect(200);
    const notice = await noticeFor('owner_water', `【管理员调整】${project.name}`);
    expect(notice.title).toBe(`【管理员调整】${project.name}：前期研究 → 取消，由管理员直接调整`);
    expect(notice.body).toBe(`「${project.name}」前期研究 → 取消，由管理员直接调整（理由：规划调整，项目取消）。操作人：平台管理员。`);
  });

  it('a re-baseline request reaches the reviewers; approval and rejection reach the requester', async () => {
    const m = await firstPending(waterProjects[3].id);
    const asked = await t
      .as('owner_water')
      .post(`/api/milestones/${m.id}/rebaseline-requests`)
      .send({ baselineDate: '2028-06-30', reason: '用地报批延后' })
      .expect(201);
    const filed = await noticeFor('reviewer', `${m.name} 基线日期`);
    expect(filed.title).toBe(`【待审批】${waterProjects[3].name}：申请调整 ${m.name} 基线日期 ${m.baselineDate} → 2028-06-30`);
    await t.as('reviewer').post(`/api/rebaseline-requests/${asked.body.id}/approve`).send({ comment: '同意' }).expect(200);
    const approved = await noticeFor('owner_water', `【已批准】${waterProjects[3].name}`);
    expect(approved.title).toBe(`【已批准】${waterProjects[3].name}：${m.name} 基线日期 ${m.baselineDate} → 2028-06-30（基线调整）`);
    expect(approved.body).toContain('审核人：区发展改革委审核员');

    const other = await firstPending(waterProjects[4].id);
    const second = await t
      .as('owner_water')
      .post(`/api/milestones/${other.id}/rebaseline-requests`)
      .send({ baselineDate: '2029-01-31', reason: '设计变更' })
      .expect(201);
    await t.as('reviewer').post(`/api/rebaseline-requests/${second.body.id}/reject`).send({ comment: '理由不充分' }).expect(200);
    const rejected = await noticeFor('owner_water', `【已退回】${waterProjects[4].name}`);
    expect(rejected.title).toBe(`【已退回】${waterProjects[4].name}：${other.name} 基线调整申请已退回`);
    expect(rejected.body).toContain(`（意见：理由不充分）。（申请将基线日期由 ${other.baselineDate} 调整为 2029-01-31）审核人：区发展改革委审核员`);
  });

  it('不适用 markings, their reversal and withdrawn requests reach the reviewers', async () => {
    const project = waterProjects[5];
    const m = await firstPending(project.id);
    const marked = await t
      .as('owner_water')
      .post(`/api/milestones/${m.id}/not-applicable`)
      .send({ version: m.version, reason: '改扩建项目无需单独批复' })
      .expect(200);
    const notice = await noticeFor('reviewer', `【不适用】${project.name}`);
    expect(notice.title).toBe(`【不适用】${project.name}：${m.name} 标记为不适用`);
    expect(notice.body).toBe(`「${project.name}」${m.name} 标记为不适用（理由：改扩建项目无需单独批复）。操作人：区水利局项目负责人。`);
    await t.as('owner_water').post(`/api/milestones/${m.id}/applicable`).send({ version: marked.body.version }).expect(200);
    expect((await noticeFor('reviewer', `【恢复适用】${project.name}`)).title).toBe(`【恢复适用】${project.name}：${m.name} 恢复为适用`);

    const requested = await t.as('owner_water').post(`/api/projects/${project.id}/transition-requests`).send({ to: 'on_hold', reason: '等待批复' }).expect(201);
    await t.as('owner_water').post(`/api/transition-requests/${requested.body.id}/withdraw`).send({}).expect(200);
    expect((await noticeFor('reviewer', `【已撤回】${project.name}`)).title).toBe(`【已撤回】${project.name}：前期研究 → 暂缓 的申请已撤回`);

    const rebaseline = await t
      .as('owner_water')
      .post(`/api/milestones/${m.id}/rebaseline-requests`)
      .send({ baselineDate: '2029-03-31', reason: '再议' })
      .expect(201);
    await t.as('owner_water').post(`/api/rebaseline-requests/${rebaseline.body.id}/withdraw`).send({}).expect(200);
    expect((await noticeFor('reviewer', `【已撤回】${project.name}：${m.name}`)).title).toBe(`【已撤回】${project.name}：${m.name} 基线调整申请已撤回`);
  });

  it('mail follows the preference; the app always hears', async () => {
    await t
      .as('owner_water')
      .put('/api/me/notification-preferences')
      .send({ workflow: false })
      .expect(200, { alert: true, workflow: false, digest: true, report: true });
    await t.as('owner_water').put('/api/me/notification-preferences').send({ workflow: 'no' }).expect(400);
    const project = waterProjects[7];
    const requested = await t
      .as('owner_water')
      .post(`/api/projects/${project.id}/transition-requests`)
      .send({ to: 'on_hold', reason: '资金未到位' })
      .expect(201);
    await t.as('reviewer').post(`/api/transition-requests/${requested.body.id}/approve`).send({}).expect(200);
    await noticeFor('owner_water', `【已批准】${project.name}`);
    await settled();
    expect(mailsTo('owner_water', `【已批准】${project.name}`)).toHaveLength(0);
    await t.as('owner_water').put('/api/me/notification-preferences').send({ workflow: true }).expect(200);
  });

  it('the weekly digest appears in the app, once, and opens that week’s digest; it lists the week’s changes and stage changes in Chinese', async () => {
    const week = isoWeekOf(today).key;
    const digests = t.app.get(DigestProcessor);
    const [moved, withdrawn, rebaselined, held, cancelled] = waterProjects.slice(8, 13);
    // This week's changes: a forecast moved, a request withdrawn, a re-baselining refused, a stage change approved, an override.
    const milestones = await t.as('owner_water').get(`/api/projects/${moved.id}/milestones`).expect(200);
    const m = milestones.body.items.find((item: { status: string }) => item.status === 'pending');
    await t.db.query(`UPDATE project SET created_at = now() - interval '90 days' WHERE id = $1`, [moved.id]);
    await t
      .as('owner_water')
      .patch(`/api/milestones/${m.id}`)
      .send({ version: m.version, forecastDate: addDays(today, 30), comment: '按新计划推进' })
      .expect(200);
    await t
      .as('owner_water')
      .post(`/api/transition-requests/${(await requestHold(withdrawn, '等待批复')).id}/withdraw`)
      .send({})
      .expect(200);
    const refused = await rebaselineRejected(rebaselined, '理由不充分');
    await t
      .as('reviewer')
      .post(`/api/transition-requests/${(await requestHold(held, '征地受阻')).id}/approve`)
      .send({ comment: '同意暂缓' })
      .expect(200);
    await t.as('admin').post(`/api/projects/${cancelled.id}/override`).send({ to: 'cancelled', reason: '规划调整，项目取消' }).expect(200);
    await settled();

    for (const username of ['owner_water', 'reviewer']) {
      expect(await digests.send(users[username], week)).toBe('queued');
      expect(await digests.send(users[username], week)).toBe('done');
      const notices = (await inbox(username)).filter((n) => n.kind === 'digest');
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ link: `/digests/${week}` });
      const opened = await t.as(username).get(`/api/me/digests/${week}`).expect(200);
      expect(opened.body.subject).toBe(notices[0].title);
      expect(opened.body.weekLabel).toBe(weekLabel(week));
      expect(opened.body.html).toContain('<h3');
    }
    await t.as('owner_water').get('/api/me/digests/2020-W01').expect(404);
    const bad = await t.as('owner_water').get('/api/me/digests/last-week').expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['week']);

    const owner = (await t.as('owner_water').get(`/api/me/digests/${week}`)).body;
    expect(owner.text).toContain(
      `${moved.name}：${m.name} 预计日期 ${m.forecastDate ?? '未填'} → ${addDays(today, 30)}（说明：按新计划推进）（区水利局项目负责人）`,
    );
    // A withdrawal's or rejection's audit row names no stage or milestone: the digest reads them from the request.
    expect(owner.text).toContain(`${withdrawn.name}：前期研究 → 暂缓 的申请已撤回（区水利局项目负责人）`);
    expect(owner.text).toContain(`${rebaselined.name}：${refused.name} 基线调整申请已退回（意见：理由不充分）（区发展改革委审核员）`);
    const reviewer = (await t.as('reviewer').get(`/api/me/digests/${week}`)).body;
    expect(reviewer.text).toContain('■ 本周阶段变更');
    expect(reviewer.text).toContain(`${held.name}（区水利局）：前期研究 → 暂缓，已批准（意见：同意暂缓）`);
    expect(reviewer.text).toContain(`${cancelled.name}（区水利局）：前期研究 → 取消，由管理员直接调整（理由：规划调整，项目取消）`);
  });

  it('no line anyone reads carries a code: every notification, mail and digest, text and HTML', async () => {
    // One of every kind of notice, and the week's digest: a request filed and refused, one withdrawn, one approved,
    // an override, a milestone marked 不适用 and reopened.
    const [refusedOne, withdrawnOne, approvedOne, overridden] = waterProjects.slice(13, 17);
    await t
      .as('reviewer')
      .post(`/api/transition-requests/${(await requestHold(refusedOne, '资金未落实')).id}/reject`)
      .send({ comment: '请补充' })
      .expect(200);
    await t
      .as('owner_water')
      .post(`/api/transition-requests/${(await requestHold(withdrawnOne, '等待批复')).id}/withdraw`)
      .send({})
      .expect(200);
    await t
      .as('reviewer')
      .post(`/api/transition-requests/${(await requestHold(approvedOne, '征地受阻')).id}/approve`)
      .send({})
      .expect(200);
    await t.as('admin').post(`/api/projects/${overridden.id}/override`).send({ to: 'on_hold', reason: '规划调整' }).expect(200);
    const m = await firstPending(refusedOne.id);
    const marked = await t.as('owner_water').post(`/api/milestones/${m.id}/not-applicable`).send({ version: m.version, reason: '无需单独批复' }).expect(200);
    await t.as('owner_water').post(`/api/milestones/${m.id}/applicable`).send({ version: marked.body.version }).expect(200);
    await settled();
    const week = isoWeekOf(today).key;
    for (const username of ['owner_water', 'reviewer']) await t.app.get(DigestProcessor).send(users[username], week);
    await settled();
    const notifications: Row[] = (await t.db.query(`SELECT title, body, kind, link, project_id AS "projectId" FROM notification`)).rows;
    const kinds = new Set(notifications.map((n) => `${n.kind}:${n.title.match(/^【([^】]+)】/)?.[1]}`));
    // Every kind this suite caused is among what is scanned.
    for (const kind of ['待审批', '已退回', '已批准', '管理员调整', '不适用', '恢复适用', '已撤回']) expect(kinds).toContain(`workflow:${kind}`);
    expect(kinds).toContain('digest:每周简报');
    const texts: Array<[string, string]> = notifications.flatMap((n) => [
      [`notification title`, n.title] as [string, string],
      [`notification body`, n.body] as [string, string],
    ]);
    for (const row of (await t.db.query(`SELECT kind, subject, text, html FROM mail_outbox`)).rows)
      texts.push([`${row.kind} mail subject`, row.subject], [`${row.kind} mail text`, row.text], [`${row.kind} mail html`, row.html]);
    for (const row of (await t.db.query(`SELECT subject, text, html FROM digest WHERE subject IS NOT NULL`)).rows)
      texts.push(['digest subject', row.subject], ['digest text', row.text], ['digest html', row.html]);
    for (const mail of smtp.received) texts.push(['received subject', mail.subject]);
    expect(texts.length).toBeGreaterThan(30);
    const leaks = texts.flatMap(([where, text]) => codeTokens(text).map((token) => `${where}: ${token}`));
    expect(leaks).toEqual([]);
    // Every link in every mail received, digests and unsubscribe links included, goes where the tracker answers.
    expect(smtp.received.filter((mail) => mail.subject.startsWith('【每周简报】')).length).toBeGreaterThan(0);
    const links = smtp.received.flatMap((mail) => mail.decoded.match(/https?:\/\/[^\s"<>]+/g) ?? []);
    expect(links.length).toBeGreaterThan(smtp.received.length);
    expect(links.filter((link) => !link.startsWith('http://localhost:3100/'))).toEqual([]);
    // The scan does catch a code: the digest's old wording would fail it.
    expect(codeTokens('<li><a href="http://localhost:3100/projects/x">渝贵高铁：milestone.updated（区交通局项目负责人）</a></li>')).toEqual([
      'milestone.updated',
    ]);
  });
});
