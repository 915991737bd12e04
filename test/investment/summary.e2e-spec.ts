import { Clock } from '@qj/config';
import { ALL_UNITS, InvestmentFiguresRepository } from '@qj/persistence';
import { bootTestApp, TestApp } from '../support/test-app';
import { freshProjectsOf, markCompleted, markRegistered, markStarted, seedPlan, seedReport, seedReports } from '../support/investment';

const months = (count: number, amount: string) => Array.from({ length: count }, () => amount);
const RULES = { yellowPoints: 10, redPoints: 30 };

/** GET /api/investment/summary and the monthly snapshot: sums, the rate of the sums, lights counted, 开工率 and 竣工率. */
describe('the investment summary', () => {
  let t: TestApp;
  let transport: string[];
  let water: string[];
  beforeAll(async () => {
    t = await bootTestApp();
    t.app.get(Clock).setNow(new Date('2026-11-10T10:00:00+08:00'));
    transport = await freshProjectsOf(t.db, 'transport', 4);
    water = await freshProjectsOf(t.db, 'water', 2);
    const [a, b, c, d] = transport;
    await seedPlan(t.db, a, 2026, { planned: '405.34' });
    await seedReports(t.db, a, 2026, [...months(9, '33'), '30']);
    await seedPlan(t.db, b, 2026, { planned: '1000', original: '1200', version: 2, plannedStartMonth: 3 });
    await seedReports(t.db, b, 2026, months(10, '40'));
    await markStarted(t.db, b, '2026-04-15');
    await markRegistered(t.db, b, '2026-04-20');
    await seedPlan(t.db, c, 2026, { planned: '0', plannedStartMonth: 6 });
    await seedReport(t.db, c, '2026-05', '99', 'returned');
    // d has reports but no plan for 2026: not in the year's 调度.
    await seedReports(t.db, d, 2026, ['500']);
    const [w1, w2] = water;
    await seedPlan(t.db, w1, 2026, { planned: '100', plannedCompletionMonth: 9 });
    await seedReports(t.db, w1, 2026, months(10, '10'));
    await markCompleted(t.db, w1, '2025-03-01', '2026-09-30');
    await markRegistered(t.db, w1, '2025-04-01');
    await seedPlan(t.db, w2, 2026, { planned: '50.5', plannedStartMonth: 12, plannedCompletionMonth: 12 });
    await seedReports(t.db, w2, 2026, [...Array<null>(9).fill(null), '0.01']);
  });
  afterAll(() => t?.close());

  const summary = (query: Record<string, unknown>, as = 'reviewer') =>
    t
      .as(as)
      .get('/api/investment/summary')
      .query({ year: 2026, month: 10, ...query });

  it('by unit: the transport unit’s sums, rate, gap, lights and 开工率 with their denominators', async () => {
    const { body } = await summary({ by: 'unit' }).expect(200);
    expect(body).toMatchObject({ year: 2026, month: 10, by: 'unit', scope: 'district', multiCounted: 0 });
    expect(body.items.map((item: { key: string }) => item.key).sort()).toEqual(['transport', 'water']);
    const unit = body.items.find((item: { key: string }) => item.key === 'transport');
    expect(unit).toMatchObject({
      key: 'transport',
      label: '区交通局',
      projectCount: 3,
      plannedInvestment: '1405.34',
      originalPlannedInvestment: '1605.34',
      completedYtd: '727.00',
      completionRate: 51.73,
      scheduleRate: 83.33,
      gapPoints: -31.6,
      lights: { green: 1, yellow: 0, red: 2 },
      lightsBy: { investment: { green: 2, yellow: 0, red: 1 }, start: { green: 2, yellow: 0, red: 1 }, registration: { green: 3, yellow: 0, red: 0 } },
      startRateToDate: { numerator: 1, denominator: 2, rate: 50 },
      startRateYear: { numerator: 1, denominator: 2, rate: 50 },
      completionRateToDate: { numerator: 0, denominator: 0, rate: null },
    });
    expect(unit.startRateToDate.label).toContain('分母：截至本月计划开工');
    expect(unit.startRateYear.label).toContain('分母：全年计划开工');
  });

  it('竣工率 to date and for the year; a report of 0.01 in a plan of 50.50', async () => {
    const water = (await summary({ by: 'unit' }).expect(200)).body.items.find((item: { key: string }) => item.key === 'water');
    expect(water).toMatchObject({
      projectCount: 2,
      plannedInvestment: '150.50',
      completedYtd: '100.01',
      completionRate: 66.45,
      completionRateToDate: { numerator: 1, denominator: 1, rate: 100 },
      completionRateYear: { numerator: 1, denominator: 2, rate: 50 },
      startRateToDate: { numerator: 0, denominator: 0, rate: null },
      startRateYear: { numerator: 0, denominator: 1, rate: 0 },
    });
  });

  it('district: one row for every planned project', async () => {
    const { body } = await summary({}).expect(200);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ key: 'district', label: '全区', projectCount: 5, plannedInvestment: '1555.84', completedYtd: '827.01' });
  });

  it('by chapter, column, part and sector: keyed and labelled like the roll-ups, a project in two chapters counted in both', async () => {
    for (const by of ['part', 'chapter', 'column', 'sector']) {
      const { body } = await summary({ by }).expect(200);
      const projects = (await t.db.query(`SELECT count(*)::int AS n FROM investment_plan WHERE year = 2026`)).rows[0].n;
      const counted = body.items.reduce((sum: number, item: { projectCount: number }) => sum + item.projectCount, 0);
      expect(counted).toBeGreaterThanOrEqual(projects);
      expect(counted - body.multiCounted).toBeLessThanOrEqual(projects);
      for (const item of body.items) expect(item.label).toBeTruthy();
    }
    const sectors = (await summary({ by: 'sector' }).expect(200)).body.items;
    expect(sectors.map((item: { key: string; label: string }) => [item.key, item.label])).toEqual([
      ['transport', '交通'],
      ['water', '水利'],
    ]);
    const chapters = (await summary({ by: 'chapter' }).expect(200)).body.items;
    expect(chapters[0].label).toMatch(/^第.+章 /);
  });

  it('owners get their own unit only, and never the district', async () => {
    const { body } = await summary({ by: 'unit' }, 'owner_water').expect(200);
    expect(body.scope).toBe('unit');
    expect(body.items.map((item: { key: string }) => item.key)).toEqual(['water']);
    const chapters = (await summary({ by: 'chapter' }, 'owner_water').expect(200)).body.items;
    expect(chapters.reduce((sum: number, item: { plannedInvestment: string }) => sum + Number(item.plannedInvestment), 0)).toBeGreaterThan(0);
    for (const item of chapters) expect(Number(item.completedYtd)).toBeLessThanOrEqual(100.01);
    await summary({}, 'owner_water').expect(403);
    const empty = (await summary({ by: 'unit' }, 'owner_health').expect(200)).body;
    expect(empty.items).toEqual([]);
  });

  it('refuses bad periods and dimensions, naming the field', async () => {
    expect((await summary({ year: 2025 }).expect(400)).body.errors[0].field).toBe('year');
    expect((await summary({ month: 12 }).expect(400)).body.errors[0].field).toBe('month');
    expect((await summary({ by: 'town' }).expect(400)).body.errors[0].field).toBe('by');
  });

  it('snapshotMonth freezes every dimension once; a second call keeps the first copy', async () => {
    const repository = t.app.get(InvestmentFiguresRepository);
    const first = await repository.snapshotMonth(2026, 10, RULES);
    expect(first.created).toBe(true);
    const live = await repository.summary({ year: 2026, month: 10, by: 'unit', scope: ALL_UNITS, rules: RULES });
    const frozen = await repository.snapshotOf(2026, 10, 'unit');
    expect(frozen.items).toEqual(live.items);
    expect((await repository.snapshotOf(2026, 10, 'district')).items[0]).toMatchObject({ key: 'district', completedYtd: '827.01' });
    // A report submitted after the freeze changes the live figures, not the frozen ones.
    await seedReport(t.db, water[1], '2026-10', '10');
    const again = await repository.snapshotMonth(2026, 10, RULES);
    expect(again).toEqual({ created: false, rows: first.rows });
    expect((await repository.snapshotOf(2026, 10, 'district')).items[0].completedYtd).toBe('827.01');
    expect((await summary({}).expect(200)).body.items[0].completedYtd).toBe('837.00');
    const [twice1, twice2] = await Promise.all([repository.snapshotMonth(2026, 9, RULES), repository.snapshotMonth(2026, 9, RULES)]);
    expect([twice1.created, twice2.created].sort()).toEqual([false, true]);
  });
});
