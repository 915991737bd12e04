import { Clock } from '@qj/config';
import { bootTestApp, TestApp } from '../support/test-app';
import { fieldsOf, projectsOf, writeCounts } from './support';

/** PATCH /api/projects/:id: the investment facts, who may edit them, their checks, the version, the audit and the event. */
describe('project facts (项目代码, 总投资, 投资类型, 建设年限, 建设内容, 入库纳统)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    t.app.get(Clock).setNow(null);
    await t?.close();
  });

  it('the owner of the unit edits them: 200 with the facts and the new version, audited with a project.facts_updated event; GET and the list show them', async () => {
    const [project] = await projectsOf(t, 'transport');
    const res = await t
      .as('owner_transport')
      .patch(`/api/projects/${project.id}`)
      .send({
        version: project.version,
        projectCode: '2501-500110-04-01-000001',
        totalInvestment: 1234.5,
        investmentType: 'government',
        constructionStartYear: 2025,
        constructionEndYear: 2028,
        constructionScope: '  新建双向四车道 12 公里  ',
        statisticsRegisteredOn: '2026-03-15',
      })
      .expect(200);
    expect(res.body).toMatchObject({
      id: project.id,
      version: project.version + 1,
      projectCode: '2501-500110-04-01-000001',
      totalInvestment: '1234.50',
      investmentType: 'government',
      constructionStartYear: 2025,
      constructionEndYear: 2028,
      constructionScope: '新建双向四车道 12 公里',
      statisticsRegisteredOn: '2026-03-15',
    });
    const detail = (await t.as('owner_water').get(`/api/projects/${project.id}`).expect(200)).body;
    expect(detail).toMatchObject({ totalInvestment: '1234.50', projectCode: '2501-500110-04-01-000001', statisticsRegisteredOn: '2026-03-15' });
    const list = (await t.as('reviewer').get('/api/projects').query({ unit: 'transport', pageSize: 200 }).expect(200)).body;
    expect(list.items.find((item: { id: string }) => item.id === project.id)).toMatchObject({ totalInvestment: '1234.50', investmentType: 'government' });

    const { rows: audit } = await t.db.query(`SELECT action, before, after FROM audit_event WHERE entity_id = $1 AND action = 'project.facts_updated'`, [
      project.id,
    ]);
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ totalInvestment: '1234.50', version: project.version + 1 });
    const { rows: events } = await t.db.query(`SELECT payload FROM outbox_event WHERE name = 'project.facts_updated' AND aggregate_id = $1`, [project.id]);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ before: { totalInvestment: null }, after: { totalInvestment: '1234.50' } });
  });

  it('a reviewer and an admin edit any project; If-Match works instead of version; an edit that changes nothing writes nothing', async () => {
    const [project] = await projectsOf(t, 'water');
    const first = await t
      .as('reviewer')
      .patch(`/api/projects/${project.id}`)
      .set('If-Match', `"${project.version}"`)
      .send({ totalInvestment: '50' })
      .expect(200);
    expect(first.body.totalInvestment).toBe('50.00');
    const again = await t.as('admin').patch(`/api/projects/${project.id}`).send({ version: first.body.version, totalInvestment: 50.0 }).expect(200);
    const before = await writeCounts(t);
    const same = await t.as('admin').patch(`/api/projects/${project.id}`).send({ version: again.body.version, totalInvestment: '50.00' }).expect(200);
    expect(same.body.version).toBe(again.body.version);
    expect(await writeCounts(t)).toEqual(before);
    // null clears a fact.
    const cleared = await t.as('admin').patch(`/api/projects/${project.id}`).send({ version: same.body.version, totalInvestment: null }).expect(200);
    expect(cleared.body.totalInvestment).toBeNull();
  });

  it('an owner of another unit is 403 outside_unit, whatever the body, and nothing is written', async () => {
    const [project] = await projectsOf(t, 'transport', 2).then((p) => p.slice(1));
    const before = await writeCounts(t);
    for (const body of [
      { version: project.version, totalInvestment: 10 },
      { totalInvestment: -1, colour: 'red' },
    ]) {
      const res = await t.as('owner_water').patch(`/api/projects/${project.id}`).send(body).expect(403);
      expect(res.body.code).toBe('outside_unit');
    }
    expect(await writeCounts(t)).toEqual(before);
  });

  it('bad input is 400 naming the field, and nothing is written', async () => {
    const [, , project] = await projectsOf(t, 'transport', 3);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ totalInvestment: -1 }, 'totalInvestment'],
      [{ totalInvestment: '12.345' }, 'totalInvestment'],
      [{ totalInvestment: 100000000.01 }, 'totalInvestment'],
      [{ totalInvestment: 'abc' }, 'totalInvestment'],
      [{ totalInvestment: true }, 'totalInvestment'],
      [{ projectCode: '2501-50011-04-01-123456' }, 'projectCode'],
      [{ projectCode: 'ABCD-500110-04-01-123456' }, 'projectCode'],
      [{ investmentType: 'private' }, 'investmentType'],
      [{ constructionStartYear: 2029, constructionEndYear: 2027 }, 'constructionEndYear'],
      [{ constructionStartYear: 1800 }, 'constructionStartYear'],
      [{ constructionScope: 'x'.repeat(501) }, 'constructionScope'],
      [{ statisticsRegisteredOn: '2026-02-30' }, 'statisticsRegisteredOn'],
      [{ statisticsRegisteredOn: '2099-01-01' }, 'statisticsRegisteredOn'],
    ];
    const before = await writeCounts(t);
    for (const [body, field] of cases) {
      const res = await t
        .as('owner_transport')
        .patch(`/api/projects/${project.id}`)
        .send({ version: project.version, ...body });
      expect({ body, status: res.status, fields: fieldsOf(res.body) }).toEqual({ body, status: 400, fields: [field] });
    }
    const noVersion = await t.as('owner_transport').patch(`/api/projects/${project.id}`).send({ totalInvestment: 1 }).expect(400);
    expect(fieldsOf(noVersion.body)).toEqual(['version']);
    expect(await writeCounts(t)).toEqual(before);
  });

  it('a stale version is 409 version_conflict with the current version, and nothing is written', async () => {
    const [project] = await projectsOf(t, 'housing');
    await t.as('owner_housing').patch(`/api/projects/${project.id}`).send({ version: project.version, investmentType: 'enterprise' }).expect(200);
    const before = await writeCounts(t);
    const res = await t.as('owner_housing').patch(`/api/projects/${project.id}`).send({ version: project.version, investmentType: 'government' }).expect(409);
    expect(res.body).toMatchObject({ code: 'version_conflict', currentVersion: project.version + 1 });
    expect(await writeCounts(t)).toEqual(before);
  });

  it('a 项目代码 another project has is 409 naming that project (id and name), and nothing is written', async () => {
    const [holder, other] = await projectsOf(t, 'commerce', 2);
    const code = '2601-500110-04-01-654321';
    await t.as('owner_commerce').patch(`/api/projects/${holder.id}`).send({ version: holder.version, projectCode: code }).expect(200);
    const before = await writeCounts(t);
    const res = await t.as('reviewer').patch(`/api/projects/${other.id}`).send({ version: other.version, projectCode: code }).expect(409);
    expect(res.body).toMatchObject({ code: 'project_code_taken', projectId: holder.id, projectName: holder.name, projectCode: code });
    expect(await writeCounts(t)).toEqual(before);
    // The holder may set its own code again (no change), and null frees it.
    const { body } = await t
      .as('owner_commerce')
      .patch(`/api/projects/${holder.id}`)
      .send({ version: holder.version + 1, projectCode: null })
      .expect(200);
    expect(body.projectCode).toBeNull();
    await t.as('reviewer').patch(`/api/projects/${other.id}`).send({ version: other.version, projectCode: code }).expect(200);
  });

  it('an unknown project is 404; a project id that is no UUID is 400 naming id', async () => {
    await t.as('admin').patch('/api/projects/00000000-0000-4000-8000-000000000000').send({ version: 1, totalInvestment: 1 }).expect(404);
    const res = await t.as('admin').patch('/api/projects/nope').send({ version: 1 }).expect(400);
    expect(fieldsOf(res.body)).toEqual(['id']);
  });
});
