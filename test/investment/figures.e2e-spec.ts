import { Clock } from '@qj/config';
import { bootTestApp, TestApp } from '../support/test-app';
import { freshProjectsOf, markRegistered, markStarted, seedPlan, seedReport, seedReports } from '../support/investment';

const months = (count: number, amount: string) => Array.from({ length: count }, () => amount);

/**
 * GET /api/projects/:id/investment: one project's figures for months 1–m, from its plan and its submitted reports
 * (rules: libs/domain/src/investment.ts). The suite seeds its own plans and reports.
 */
describe('a project’s investment figures', () => {
  let t: TestApp;
  let a: string; // the bulletin's example: 297 of 405.34 by September
  let b: string; // 40 a month against 1000: far behind
  let c: string; // plan of 0, planned to start in June, not started
  beforeAll(async () => {
    t = await bootTestApp();
    t.app.get(Clock).setNow(new Date('2026-11-10T10:00:00+08:00'));
    [a, b, c] = await freshProjectsOf(t.db, 'transport', 3);
    await seedPlan(t.db, a, 2026, { planned: '405.34' });
    await seedReports(t.db, a, 2026, [...months(9, '33'), '30']);
    await seedPlan(t.db, b, 2026, { planned: '1000', original: '1200', version: 2, plannedStartMonth: 3 });
    await seedReports(t.db, b, 2026, months(10, '40'));
    await seedReport(t.db, b, '2026-11', '500', 'draft');
    await seedReport(t.db, b, '2025-12', '700');
    await markStarted(t.db, b, '2026-04-15');
    await markRegistered(t.db, b, '2026-04-20');
    await seedPlan(t.db, c, 2026, { planned: '0', plannedStartMonth: 6 });
    await seedReport(t.db, c, '2026-05', '99', 'returned');
  });
  afterAll(() => t?.close());

  const figures = (id: string, query: Record<string, unknown>, as = 'reviewer') => t.as(as).get(`/api/projects/${id}/investment`).query(query);

  it('Done when: a plan for 2026 and reports for January to October give the rate, 序时进度 83.33, the gap and the light with its reason', async () => {
    const { body } = await figures(b, { year: 2026, month: 10 }).expect(200);
    expect(body).toMatchObject({
      projectId: b,
      year: 2026,
      month: 10,
      plannedInvestment: '1000.00',
      originalInvestment: '1200.00',
      planVersion: 2,
      completedYtd: '400.00',
      completionRate: 40,
      scheduleRate: 83.33,
      gapPoints: -43.33,
      light: 'red',
      lightReasons: [{ code: 'investment_behind', level: 'red', text: '投资完成率 40.00%，低于序时进度 43.33 个百分点' }],
      lights: { investment: 'red', start: 'green', registration: 'green' },
      projectLight: 'red',
      plannedStartMonth: 3,
      startedOn: '2026-04-15',
      statisticsRegisteredOn: '2026-04-20',
    });
    // The bars: the draft of November and the report of 2025 are not in them.
    expect(body.months).toHaveLength(10);
    expect(body.months[0]).toEqual({ month: 1, completed: '40.00', cumulative: '40.00' });
    expect(body.months[9]).toEqual({ month: 10, completed: '40.00', cumulative: '400.00' });
  });

  it('297 ÷ 405.34 = 73.27% at the end of September: 1.73 points behind 75.00, green', async () => {
    const { body } = await figures(a, { year: 2026, month: 9 }).expect(200);
    expect(body).toMatchObject({ completedYtd: '297.00', completionRate: 73.27, scheduleRate: 75, gapPoints: -1.73, light: 'green', lightReasons: [] });
    const october = (await figures(a, { year: 2026, month: 10 }).expect(200)).body;
    expect(october).toMatchObject({ completedYtd: '327.00', completionRate: 80.67, gapPoints: -2.66, light: 'green', planVersion: 1 });
  });

  it('only submitted reports count; a plan of 0 has no rate; a start four months late is red', async () => {
    const { body } = await figures(c, { year: 2026, month: 10 }).expect(200);
    expect(body).toMatchObject({
      plannedInvestment: '0.00',
      completedYtd: '0.00',
      completionRate: null,
      gapPoints: null,
      light: 'green',
      lights: { investment: 'green', start: 'red', registration: 'green' },
      projectLight: 'red',
      projectLightReasons: [{ code: 'start_overdue', level: 'red', text: '计划 6 月开工，截至 10 月末仍未开工（已过 4 个月）' }],
      startedOn: null,
    });
    // In July it was one month late: yellow.
    expect((await figures(c, { year: 2026, month: 7 }).expect(200)).body.lights.start).toBe('yellow');
  });

  it('a project without a plan for the year answers its reports and no rate', async () => {
    const { body } = await figures(b, { year: 2026, month: 1 }).expect(200);
    expect(body.completedYtd).toBe('40.00');
    await t.db.query(`DELETE FROM investment_plan WHERE project_id = $1 AND year = 2027`, [b]);
    t.app.get(Clock).setNow(new Date('2027-02-10T10:00:00+08:00'));
    try {
      const next = (await figures(b, { year: 2027, month: 1 }).expect(200)).body;
      expect(next).toMatchObject({ plannedInvestment: null, planVersion: null, completedYtd: '0.00', completionRate: null, light: 'green' });
    } finally {
      t.app.get(Clock).setNow(new Date('2026-11-10T10:00:00+08:00'));
    }
  });

  it('refuses a year outside 2026–2030 and a month outside 1–12 or after the current month, naming the field', async () => {
    const field = async (query: Record<string, unknown>) => (await figures(a, query).expect(400)).body.errors.map((e: { field: string }) => e.field);
    expect(await field({ year: 2025, month: 1 })).toEqual(['year']);
    expect(await field({ year: 2031, month: 1 })).toEqual(['year']);
    expect(await field({ year: 2026, month: 0 })).toEqual(['month']);
    expect(await field({ year: 2026, month: 13 })).toEqual(['month']);
    expect(await field({ year: 2026, month: 'x' })).toEqual(['month']);
    expect(await field({ year: 2026, month: 12 })).toEqual(['month']); // today is 2026-11-10
    expect(await field({ year: 2027, month: 1 })).toEqual(['month']);
    await figures(a, { year: 2026, month: 11 }).expect(200);
  });

  it('owners read their own unit’s projects only; an unknown project is 404', async () => {
    await figures(b, { year: 2026, month: 10 }, 'owner_transport').expect(200);
    const refused = await figures(b, { year: 2026, month: 10 }, 'owner_water').expect(403);
    expect(refused.body.code).toBe('outside_unit');
    await figures('00000000-0000-4000-8000-000000000000', { year: 2026, month: 10 }).expect(404);
  });
});
