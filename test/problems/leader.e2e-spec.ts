import { addDays, todayIn } from '@qj/domain';
import { projectOf } from '../support/factories';
import { bootTestApp, TestApp } from '../support/test-app';

/**
 * The leader role (区领导, the DRC's director): reads everything a reviewer reads (dashboards, lists, project pages,
 * bulletins, rankings), receives the reviewers' digest, writes in problem threads and nowhere else. Every other write
 * as a leader is 403 in test/security/cross-unit.e2e-spec.ts; here, what a leader can do.
 */
describe('the leader role (区领导)', () => {
  let t: TestApp;
  const today = todayIn('Asia/Shanghai');
  const [year, month] = today.split('-').map(Number);

  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t?.close());

  it('an admin creates a leader (no unit), who signs in as one', async () => {
    const created = await t
      .as('admin')
      .post('/api/admin/users')
      .send({ username: 'deputy_mayor', displayName: '分管副区长', role: 'leader', password: 'Qj-Leader-2031!x' })
      .expect(201);
    expect(created.body).toMatchObject({ role: 'leader', unit: null });
    const login = await t.http.post('/api/auth/login').send({ username: 'deputy_mayor', password: 'Qj-Leader-2031!x' }).expect(200);
    expect(login.body.user).toMatchObject({ role: 'leader' });
  });

  it('reads what a reviewer reads: every unit’s problems and project histories, roll-ups, the district’s figures and rankings, draft bulletins', async () => {
    const project = await projectOf(t, 'water', 0);
    const problem = (
      await t
        .as('owner_water')
        .post(`/api/projects/${project.id}/problems`)
        .send({ title: '堤防用地未批', description: '需规划部门出具意见', category: 'land', neededBy: addDays(today, 20) })
        .expect(201)
    ).body;
    expect((await t.as('leader').get('/api/problems').expect(200)).body.items.map((p: { id: string }) => p.id)).toContain(problem.id);
    await t.as('leader').get(`/api/problems/${problem.id}`).expect(200);
    await t.as('leader').get(`/api/projects/${project.id}/history`).expect(200);
    await t.as('leader').get(`/api/projects/${project.id}/monthly-reports`).query({ year }).expect(200);
    await t.as('leader').get('/api/rollups').query({ by: 'unit' }).expect(200);
    const summary = await t.as('leader').get('/api/investment/summary').query({ year, month, by: 'district' }).expect(200);
    expect(summary.body.scope).toBe('district');
    await t.as('leader').get('/api/rankings').query({ year, month, metric: 'completion_rate' }).expect(200);
    await t.db.query(`INSERT INTO bulletin (month, status, document, annex, figures, generated_at) VALUES ('2026-03', 'draft', '\\x00', '\\x00', '{}', now())`);
    const bulletins = (await t.as('leader').get('/api/bulletins').expect(200)).body.items as Array<{ month: string; status: string }>;
    expect(bulletins).toContainEqual(expect.objectContaining({ month: '2026-03', status: 'draft' }));
    // The reviewers' digest (the district's chapters), not an owner's.
    const digest = await t.as('leader').get('/api/me/digest-preview').expect(200);
    expect(digest.body.text).toContain('分章节进展');
  });

  it('comments in a problem’s thread, and writes nothing else', async () => {
    const project = await projectOf(t, 'water', 1);
    const problem = (
      await t
        .as('owner_water')
        .post(`/api/projects/${project.id}/problems`)
        .send({ title: '资金缺口', description: '区级配套资金未到位', category: 'funding', neededBy: addDays(today, 20) })
        .expect(201)
    ).body;
    const replied = await t.as('leader').post(`/api/problems/${problem.id}/replies`).send({ text: '请区财政局本周内研究' }).expect(201);
    expect(replied.body.replies).toEqual([expect.objectContaining({ authorName: '区领导', authorUnitId: null, text: '请区财政局本周内研究' })]);
    for (const [path, body] of [
      [`/api/projects/${project.id}/problems`, { title: '领导提出', description: '说明', category: 'other', neededBy: today }],
      [`/api/problems/${problem.id}/close`, { note: '领导销号' }],
      ['/api/bulletins', { month: '2026-04' }],
    ] as const) {
      expect((await t.as('leader').post(path).send(body).expect(403)).body).toMatchObject({ code: 'forbidden' });
    }
  });
});
