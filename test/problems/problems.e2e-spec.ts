import { Clock, freePort } from '@qj/config';
import { addDays, todayIn } from '@qj/domain';
import { ProcessorsModule } from '../../apps/worker/src/processors.module';
import { codeTokens } from '../notifications/readable-text';
import { SmtpSink } from '../notifications/smtp-sink';
import { projectOf } from '../support/factories';
import { drainQueues } from '../support/queues';
import { bootTestApp, TestApp } from '../support/test-app';

/**
 * The problem list (问题清单): a project's owners raise what blocks it, a reviewer assigns it to the unit that can
 * solve it with a due date, the units answer in its thread, a reviewer closes it (销号) or reopens it. Each change is
 * audited and tells the people concerned, in Chinese. The assigned unit sees the problem (and its project's name and
 * code) but nothing more of another unit's project; a stranger sees nothing and writes nothing.
 */
describe('problems (问题清单)', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  const today = todayIn('Asia/Shanghai');
  const unitIds: Record<string, string> = {};
  const userIds: Record<string, string> = {};

  const raise = async (projectId: string, overrides: Record<string, unknown> = {}) =>
    (
      await t
        .as('owner_transport')
        .post(`/api/projects/${projectId}/problems`)
        .send({ title: '用地指标未落实', description: '站场用地指标尚未下达，影响开工', category: 'land', neededBy: addDays(today, 30), ...overrides })
        .expect(201)
    ).body;
  const assignToWater = async (problemId: string, dueDate = addDays(today, 10)) =>
    (await t.as('reviewer').post(`/api/problems/${problemId}/assign`).send({ unitId: unitIds.water, dueDate }).expect(200)).body;
  const inbox = async (username: string, problemTitle: string) =>
    (
      await t.db.query(`SELECT title, body, kind, project_id AS "projectId" FROM notification WHERE user_id = $1 AND title LIKE '%' || $2 || '%' ORDER BY id`, [
        userIds[username],
        problemTitle,
      ])
    ).rows as Array<{ title: string; body: string; kind: string; projectId: string }>;
  const problemTables = async () =>
    (
      await t.db.query(
        `SELECT (SELECT count(*) FROM problem) || ':' || (SELECT count(*) FROM problem_reply) || ':' || (SELECT coalesce(sum(version), 0) FROM problem)
           || ':' || (SELECT count(*) FROM audit_event) || ':' || (SELECT count(*) FROM outbox_event) AS print`,
      )
    ).rows[0].print as string;

  beforeAll(async () => {
    smtp = new SmtpSink(await freePort(2945));
    await smtp.start();
    t = await bootTestApp({ env: { SMTP_URL: smtp.url }, modules: [ProcessorsModule] });
    for (const row of (await t.db.query(`SELECT id, code FROM unit`)).rows) unitIds[row.code] = row.id;
    await t.db.query(`UPDATE app_user SET email = username || '@example.test'`);
    for (const row of (await t.db.query(`SELECT id, username FROM app_user`)).rows) userIds[row.username] = row.id;
  });
  afterAll(async () => {
    t?.app.get(Clock).setNow(null);
    await t?.close();
    await smtp?.stop();
  });

  it('raise → assign → replies → close (销号) → reopen: each step audited, in the outbox and told to the people concerned in Chinese', async () => {
    const project = await projectOf(t, 'transport', 0);
    const title = `征地拆迁滞后-${Date.now()}`;
    const raised = await raise(project.id, { title, category: 'demolition' });
    expect(raised).toMatchObject({
      projectId: project.id,
      projectName: project.name,
      title,
      category: 'demolition',
      categoryLabel: '征地拆迁',
      status: 'open',
    });
    expect(raised).toMatchObject({ assignedUnitId: null, dueDate: null, overdue: false, replies: [], raisedByName: expect.any(String) });

    const assigned = await assignToWater(raised.id);
    expect(assigned).toMatchObject({ status: 'assigned', assignedUnitId: unitIds.water, assignedUnitName: '区水利局', dueDate: addDays(today, 10) });
    expect(assigned.version).toBe(raised.version + 1);

    await t.as('owner_water').post(`/api/problems/${raised.id}/replies`).send({ text: '已协调规划部门，本月内完成征收公告' }).expect(201);
    const thread = (await t.as('owner_transport').post(`/api/problems/${raised.id}/replies`).send({ text: '请明确公告时间' }).expect(201)).body;
    expect(thread.replies.map((r: { text: string; authorUnitName: string }) => [r.authorUnitName, r.text])).toEqual([
      ['区水利局', '已协调规划部门，本月内完成征收公告'],
      ['区交通局', '请明确公告时间'],
    ]);

    const closed = (await t.as('reviewer').post(`/api/problems/${raised.id}/close`).send({ note: '征收公告已发布' }).expect(200)).body;
    expect(closed).toMatchObject({ status: 'closed', closeNote: '征收公告已发布', closedByName: expect.any(String) });
    const again = await t.as('reviewer').post(`/api/problems/${raised.id}/close`).send({ note: '再次销号' }).expect(409);
    expect(again.body).toMatchObject({ code: 'problem_closed' });
    const reopened = (await t.as('reviewer').post(`/api/problems/${raised.id}/reopen`).send({ note: '公告后仍有住户未签约' }).expect(200)).body;
    expect(reopened).toMatchObject({ status: 'assigned', assignedUnitId: unitIds.water, closedAt: null, closeNote: null });
    expect((await t.as('reviewer').post(`/api/problems/${raised.id}/reopen`).send({ note: '再开' }).expect(409)).body).toMatchObject({
      code: 'problem_not_closed',
    });

    const audit = await t.db.query(`SELECT action FROM audit_event WHERE entity_type = 'problem' AND entity_id = $1 ORDER BY id`, [raised.id]);
    expect(audit.rows.map((r) => r.action)).toEqual([
      'problem.raised',
      'problem.assigned',
      'problem.replied',
      'problem.replied',
      'problem.closed',
      'problem.reopened',
    ]);
    const events = await t.db.query(`SELECT name, aggregate_id FROM outbox_event WHERE payload->>'problemId' = $1 ORDER BY id`, [raised.id]);
    expect(events.rows.map((r) => r.name)).toEqual([
      'problem.raised',
      'problem.assigned',
      'problem.replied',
      'problem.replied',
      'problem.closed',
      'problem.reopened',
    ]);
    expect(new Set(events.rows.map((r) => r.aggregate_id))).toEqual(new Set([project.id]));
    const history = (await t.as('reviewer').get(`/api/projects/${project.id}/history`).expect(200)).body;
    expect(history.items.filter((row: { entityId: string }) => row.entityId === raised.id).map((row: { action: string }) => row.action)).toHaveLength(6);

    await drainQueues(t, { promoteDelayed: true });
    // Raised: the reviewers; assigned, closed, reopened: both units' owners; a reply: everyone concerned but its author.
    // The events' notifications are made by concurrent jobs, so an inbox holds them in no particular order.
    expect((await inbox('reviewer', title)).map((n) => n.title).sort()).toEqual(
      [`【新问题】${project.name}：${title}`, `【问题回复】${title}`, `【问题回复】${title}`].sort(),
    );
    const kinds = ['【问题交办】', '【问题回复】', '【问题销号】', '【问题重新打'].sort();
    expect((await inbox('owner_water', title)).map((n) => n.title.slice(0, 6)).sort()).toEqual(kinds);
    expect((await inbox('owner_transport', title)).map((n) => n.title.slice(0, 6)).sort()).toEqual(kinds);
    expect(await inbox('owner_health', title)).toEqual([]);
    const water = await inbox('owner_water', title);
    const bodyOf = (kind: string) => water.find((notice) => notice.title.startsWith(kind))?.body;
    expect(bodyOf('【问题交办】')).toContain(`请于 ${addDays(today, 10)} 前答复`);
    expect(bodyOf('【问题回复】')).toContain('请明确公告时间');
    expect(bodyOf('【问题销号】')).toContain('征收公告已发布');
    for (const notice of [...water, ...(await inbox('reviewer', title))]) {
      expect({ text: notice.title + notice.body, codes: codeTokens(notice.title + notice.body) }).toEqual({ text: notice.title + notice.body, codes: [] });
      expect(notice.projectId).toBe(project.id);
    }
    expect(smtp.to('owner_water@example.test').filter((mail) => mail.subject.includes(title))).toHaveLength(4);
  });

  it('the assigned unit sees and answers the problem, and of the other unit’s project no more than before; a stranger sees nothing and writes nothing', async () => {
    const project = await projectOf(t, 'transport', 1);
    const code = `2501-500110-04-01-${String(Date.now()).slice(-6)}`;
    await t.db.query(`UPDATE project SET project_code = $2 WHERE id = $1`, [project.id, code]);
    const raised = await raise(project.id, { title: '资金缺口' });

    // Before assignment the water unit does not see it.
    await t.as('owner_water').get(`/api/problems/${raised.id}`).expect(404);
    expect((await t.as('owner_water').get('/api/problems').query({ projectId: project.id }).expect(200)).body.items).toEqual([]);
    await assignToWater(raised.id);

    const seen = (await t.as('owner_water').get(`/api/problems/${raised.id}`).expect(200)).body;
    expect(seen).toMatchObject({ projectName: project.name, projectCode: code, projectUnitName: '区交通局' });
    expect((await t.as('owner_water').get('/api/problems').query({ projectId: project.id }).expect(200)).body.items.map((p: { id: string }) => p.id)).toEqual([
      raised.id,
    ]);
    await t.as('owner_water').post(`/api/problems/${raised.id}/replies`).send({ text: '正在办理' }).expect(201);
    // Nothing else of the project: its history and monthly reports stay the transport unit's; no raising on it, no 销号.
    await t.as('owner_water').get(`/api/projects/${project.id}/history`).expect(403);
    await t.as('owner_water').get(`/api/projects/${project.id}/monthly-reports`).query({ year: 2027 }).expect(403);
    const before = await problemTables();
    await t
      .as('owner_water')
      .post(`/api/projects/${project.id}/problems`)
      .send({ title: '越权', description: '越权', category: 'other', neededBy: addDays(today, 5) })
      .expect(403);
    await t.as('owner_water').post(`/api/problems/${raised.id}/close`).send({ note: '自行销号' }).expect(403);
    await t
      .as('owner_water')
      .post(`/api/problems/${raised.id}/assign`)
      .send({ unitId: unitIds.health, dueDate: addDays(today, 5) })
      .expect(403);

    // A unit neither raising nor assigned: not found when reading, refused when writing (whatever the body), nothing written.
    await t.as('owner_health').get(`/api/problems/${raised.id}`).expect(404);
    expect((await t.as('owner_health').get('/api/problems').expect(200)).body.items.map((p: { id: string }) => p.id)).not.toContain(raised.id);
    expect((await t.as('owner_health').post(`/api/problems/${raised.id}/replies`).send({ text: '路过' }).expect(403)).body).toMatchObject({
      code: 'outside_unit',
    });
    await t.as('owner_health').post(`/api/problems/${raised.id}/replies`).send({ text: '' }).expect(403);
    expect(await problemTables()).toBe(before);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const project = await projectOf(t, 'transport', 2);
    const before = await problemTables();
    const refused = async (body: Record<string, unknown>, field: string) => {
      const res = await t
        .as('owner_transport')
        .post(`/api/projects/${project.id}/problems`)
        .send({ title: '问题', description: '说明', category: 'land', neededBy: addDays(today, 3), ...body });
      expect({ body, status: res.status, fields: res.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ body, status: 400, fields: [field] });
    };
    await refused({ category: 'weather' }, 'category');
    await refused({ category: '用地' }, 'category');
    await refused({ neededBy: '2027-02-30' }, 'neededBy');
    await refused({ neededBy: addDays(today, -1) }, 'neededBy');
    await refused({ title: '   ' }, 'title');
    // Another unit's owner: 403 before the body is read.
    await t
      .as('owner_water')
      .post(`/api/projects/${project.id}/problems`)
      .send({ title: '问题', description: '说明', category: 'land', neededBy: today })
      .expect(403);
    await t
      .as('reviewer')
      .post(`/api/projects/${project.id}/problems`)
      .send({ title: '问题', description: '说明', category: 'land', neededBy: today })
      .expect(403);
    expect(await problemTables()).toBe(before);

    const raised = await raise(project.id, { neededBy: today });
    const afterRaise = await problemTables();
    const assignRefused = async (body: Record<string, unknown>, field: string, status = 400) => {
      const res = await t.as('reviewer').post(`/api/problems/${raised.id}/assign`).send(body);
      expect({ body, status: res.status, fields: res.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ body, status, fields: [field] });
    };
    await assignRefused({ unitId: '7c1e2a3b-0000-4000-8000-000000000000', dueDate: addDays(today, 3) }, 'unitId');
    await assignRefused({ unitId: 'water', dueDate: addDays(today, 3) }, 'unitId');
    const { rows: retired } = await t.db.query(`INSERT INTO unit (code, name, active) VALUES ('retired', '已撤并单位', false) RETURNING id`);
    await assignRefused({ unitId: retired[0].id, dueDate: addDays(today, 3) }, 'unitId');
    await assignRefused({ unitId: unitIds.water, dueDate: addDays(today, -1) }, 'dueDate');
    await assignRefused({ unitId: unitIds.water, dueDate: '31/12/2027' }, 'dueDate');
    await t.as('reviewer').post(`/api/problems/${raised.id}/close`).send({}).expect(400);
    await t.as('reviewer').post('/api/problems/7c1e2a3b-0000-4000-8000-000000000000/close').send({ note: '无此问题' }).expect(404);
    await t.as('owner_transport').post(`/api/problems/${raised.id}/close`).send({ note: '自行销号' }).expect(403);
    expect(await problemTables()).toBe(afterRaise);
  });

  it('overdue (past its due date, not closed) lists and filters alike by the domain rule and its SQL twin, with status, unit and project', async () => {
    const project = await projectOf(t, 'transport', 3);
    const late = await raise(project.id, { title: '审批超期' });
    const onTime = await raise(project.id, { title: '规划调整', category: 'planning' });
    const closed = await raise(project.id, { title: '电力接入', category: 'utilities' });
    await assignToWater(late.id, today);
    await assignToWater(onTime.id, addDays(today, 5));
    await assignToWater(closed.id, today);
    await t.as('reviewer').post(`/api/problems/${closed.id}/close`).send({ note: '已接入' }).expect(200);

    // Three days on: due today is three days overdue, due in five is not, a closed one never.
    t.app.get(Clock).setNow(new Date(`${addDays(today, 3)}T04:00:00Z`));
    try {
      const list = async (query: Record<string, string>) =>
        (
          await t
            .as('reviewer')
            .get('/api/problems')
            .query({ projectId: project.id, ...query })
            .expect(200)
        ).body.items as Array<{
          id: string;
          overdue: boolean;
          overdueDays: number;
        }>;
      const all = await list({});
      expect(all[0]).toMatchObject({ id: late.id, overdue: true, overdueDays: 3 });
      expect(all.find((p) => p.id === onTime.id)).toMatchObject({ overdue: false, overdueDays: 0 });
      expect(all.find((p) => p.id === closed.id)).toMatchObject({ overdue: false, overdueDays: 0 });
      expect((await list({ overdue: 'true' })).map((p) => p.id)).toEqual([late.id]);
      expect((await list({ overdue: 'false' })).map((p) => p.id).sort()).toEqual([onTime.id, closed.id].sort());
      expect((await list({ status: 'closed' })).map((p) => p.id)).toEqual([closed.id]);
      expect((await list({ unitId: unitIds.water, status: 'assigned' })).map((p) => p.id).sort()).toEqual([late.id, onTime.id].sort());
      expect(await list({ unitId: unitIds.health })).toEqual([]);
      // The district-wide list: every problem's flag (the domain's) agrees with the filter (the SQL's).
      const district = (await t.as('reviewer').get('/api/problems').expect(200)).body.items as Array<{ id: string; overdue: boolean }>;
      const overdueIds = new Set(((await t.as('reviewer').get('/api/problems?overdue=true').expect(200)).body.items as Array<{ id: string }>).map((p) => p.id));
      expect(district.filter((p) => p.overdue !== overdueIds.has(p.id))).toEqual([]);
      // The owner's scope: the transport owner sees them as the raising unit, the water owner as the assigned one.
      expect((await t.as('owner_water').get('/api/problems?overdue=true').expect(200)).body.items.map((p: { id: string }) => p.id)).toContain(late.id);
      const bad = await t.as('reviewer').get('/api/problems').query({ overdue: 'yes', status: 'solved' }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['overdue', 'status']);
    } finally {
      t.app.get(Clock).setNow(null);
    }
  });
});
