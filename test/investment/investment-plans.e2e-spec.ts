import { bootTestApp, TestApp } from '../support/test-app';
import { fieldsOf, projectsOf, writeCounts } from './support';

/** The annual plan (年度计划): issued by the DRC, adjusted with a reason (中期调整), every version kept, reads scoped. */
describe('annual investment plans', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t?.close());

  it('a reviewer issues the original, adjusts it with a reason; the original amount and every version are kept, with who, when and why', async () => {
    const [project] = await projectsOf(t, 'transport');
    const url = `/api/projects/${project.id}/investment-plans/2027`;
    const original = await t.as('reviewer').put(url).send({ plannedInvestment: 1200, plannedStartMonth: 3, plannedCompletionMonth: 11 }).expect(200);
    expect(original.body).toMatchObject({
      projectId: project.id,
      year: 2027,
      version: 1,
      plannedInvestment: '1200.00',
      originalInvestment: '1200.00',
      plannedStartMonth: 3,
      plannedCompletionMonth: 11,
      adjusted: false,
    });
    const adjusted = await t.as('admin').put(url).send({ plannedInvestment: '1500.5', plannedStartMonth: 4, reason: '新增征地拆迁投资' }).expect(200);
    expect(adjusted.body).toMatchObject({
      version: 2,
      plannedInvestment: '1500.50',
      originalInvestment: '1200.00',
      plannedStartMonth: 4,
      plannedCompletionMonth: null,
      adjusted: true,
    });
    // The owner of the unit reads the plan and its versions, oldest first.
    expect((await t.as('owner_transport').get(url).expect(200)).body).toMatchObject({ version: 2, originalInvestment: '1200.00' });
    const versions = (await t.as('owner_transport').get(`${url}/versions`).expect(200)).body;
    expect(versions.items).toMatchObject([
      { version: 1, kind: 'original', plannedInvestment: '1200.00', reason: null, issuedByName: expect.any(String), issuedAt: expect.any(String) },
      { version: 2, kind: 'adjustment', plannedInvestment: '1500.50', reason: '新增征地拆迁投资', issuedByName: expect.any(String) },
    ]);
    const { rows: events } = await t.db.query(`SELECT payload FROM outbox_event WHERE name = 'investment_plan.issued' AND aggregate_id = $1 ORDER BY id`, [
      project.id,
    ]);
    expect(events.map((e) => e.payload)).toMatchObject([
      { year: 2027, version: 1, plannedInvestment: '1200.00', previousInvestment: null },
      { year: 2027, version: 2, plannedInvestment: '1500.50', previousInvestment: '1200.00', reason: '新增征地拆迁投资' },
    ]);
    const { rows: audit } = await t.db.query(`SELECT action FROM audit_event WHERE project_id = $1 AND entity_type = 'investment_plan' ORDER BY id`, [
      project.id,
    ]);
    expect(audit.map((row) => row.action)).toEqual(['investment_plan.issued', 'investment_plan.adjusted']);
  });

  it('issuing the same values again writes nothing (no version, no audit, no event), whatever the reason', async () => {
    const [, project] = await projectsOf(t, 'transport', 2);
    const url = `/api/projects/${project.id}/investment-plans/2028`;
    await t.as('reviewer').put(url).send({ plannedInvestment: 800, plannedStartMonth: 6 }).expect(200);
    const before = await writeCounts(t);
    const again = await t.as('reviewer').put(url).send({ plannedInvestment: '800.00', plannedStartMonth: 6, reason: '再次下达' }).expect(200);
    expect(again.body).toMatchObject({ version: 1, plannedInvestment: '800.00' });
    expect(await writeCounts(t)).toEqual(before);
  });

  it('an adjustment without a reason is 400 naming reason, and nothing is written', async () => {
    const [, , project] = await projectsOf(t, 'transport', 3);
    const url = `/api/projects/${project.id}/investment-plans/2026`;
    await t.as('reviewer').put(url).send({ plannedInvestment: 100 }).expect(200);
    const before = await writeCounts(t);
    for (const body of [{ plannedInvestment: 120 }, { plannedInvestment: 120, reason: '   ' }]) {
      const res = await t.as('reviewer').put(url).send(body).expect(400);
      expect(fieldsOf(res.body)).toEqual(['reason']);
    }
    expect(await writeCounts(t)).toEqual(before);
    expect((await t.as('reviewer').get(url).expect(200)).body.plannedInvestment).toBe('100.00');
  });

  it('an owner setting the plan is 403, even for their own unit’s project, and nothing is written', async () => {
    const [project] = await projectsOf(t, 'water');
    const before = await writeCounts(t);
    for (const owner of ['owner_water', 'owner_transport']) {
      await t.as(owner).put(`/api/projects/${project.id}/investment-plans/2027`).send({ plannedInvestment: 10 }).expect(403);
    }
    expect(await writeCounts(t)).toEqual(before);
    await t.as('reviewer').get(`/api/projects/${project.id}/investment-plans/2027`).expect(404);
  });

  it('reads are scoped: an owner of another unit is 403 outside_unit; unknown projects and years without a plan are 404', async () => {
    const [project] = await projectsOf(t, 'health');
    await t.as('reviewer').put(`/api/projects/${project.id}/investment-plans/2027`).send({ plannedInvestment: 5 }).expect(200);
    for (const path of ['', '/versions']) {
      const res = await t.as('owner_water').get(`/api/projects/${project.id}/investment-plans/2027${path}`).expect(403);
      expect(res.body.code).toBe('outside_unit');
      await t.as('owner_health').get(`/api/projects/${project.id}/investment-plans/2027${path}`).expect(200);
      await t.as('reviewer').get(`/api/projects/00000000-0000-4000-8000-000000000000/investment-plans/2027${path}`).expect(404);
    }
    const none = await t.as('owner_health').get(`/api/projects/${project.id}/investment-plans/2029`).expect(404);
    expect(none.body.code).toBe('plan_not_found');
    expect((await t.as('owner_health').get(`/api/projects/${project.id}/investment-plans/2029/versions`).expect(200)).body.items).toEqual([]);
  });

  it('bad input is 400 naming the field (amounts, months, years), and nothing is written', async () => {
    const [project] = await projectsOf(t, 'education');
    const url = (year: string | number) => `/api/projects/${project.id}/investment-plans/${year}`;
    const before = await writeCounts(t);
    const cases: Array<[string | number, Record<string, unknown>, string]> = [
      [2027, { plannedInvestment: -0.01 }, 'plannedInvestment'],
      [2027, { plannedInvestment: 1.005 }, 'plannedInvestment'],
      [2027, { plannedInvestment: '100000000.01' }, 'plannedInvestment'],
      [2027, { plannedInvestment: '一百' }, 'plannedInvestment'],
      [2027, {}, 'plannedInvestment'],
      [2027, { plannedInvestment: 1, plannedStartMonth: 13 }, 'plannedStartMonth'],
      [2027, { plannedInvestment: 1, plannedCompletionMonth: 0 }, 'plannedCompletionMonth'],
      [2027, { plannedInvestment: 1, plannedStartMonth: 9, plannedCompletionMonth: 3 }, 'plannedCompletionMonth'],
      [2025, { plannedInvestment: 1 }, 'year'],
      [2031, { plannedInvestment: 1 }, 'year'],
      ['20x7', { plannedInvestment: 1 }, 'year'],
    ];
    for (const [year, body, field] of cases) {
      const res = await t.as('reviewer').put(url(year)).send(body);
      expect({ year, body, status: res.status, fields: fieldsOf(res.body) }).toEqual({ year, body, status: 400, fields: [field] });
    }
    expect(fieldsOf((await t.as('reviewer').get(url(2031)).expect(400)).body)).toEqual(['year']);
    expect(await writeCounts(t)).toEqual(before);
    // Exactly 10⁸ 万元 and zero are amounts.
    expect((await t.as('reviewer').put(url(2030)).send({ plannedInvestment: 100000000 }).expect(200)).body.plannedInvestment).toBe('100000000.00');
    expect((await t.as('reviewer').put(url(2029)).send({ plannedInvestment: 0 }).expect(200)).body.plannedInvestment).toBe('0.00');
  });
});
