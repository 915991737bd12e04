import { Clock } from '@qj/config';
import { bootTestApp, TestApp } from '../support/test-app';
import { freshProjectsOf, markStarted, seedPlan, seedReports } from '../support/investment';

const months = (count: number, amount: string) => Array.from({ length: count }, () => amount);

/** GET /api/rankings: units by 投资完成率 or 开工率, ties sharing a rank, units with nothing planned apart, the definition stated. */
describe('unit rankings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
    t.app.get(Clock).setNow(new Date('2026-11-10T10:00:00+08:00'));
    // transport: the Done-when project (40 a month against 1000) and the bulletin's (327 of 405.34): 727 of 1405.34 = 51.73%.
    const [a, b] = await freshProjectsOf(t.db, 'transport', 2);
    await seedPlan(t.db, a, 2026, { planned: '405.34' });
    await seedReports(t.db, a, 2026, [...months(9, '33'), '30']);
    await seedPlan(t.db, b, 2026, { planned: '1000', plannedStartMonth: 3 });
    await seedReports(t.db, b, 2026, months(10, '40'));
    await markStarted(t.db, b, '2026-04-15');
    // water and education: 100% each (a tie for first); health: planned 0 (unranked); drc: 2 planned starts, 1 started.
    const [w] = await freshProjectsOf(t.db, 'water', 1);
    await seedPlan(t.db, w, 2026, { planned: '100' });
    await seedReports(t.db, w, 2026, months(10, '10'));
    const [e] = await freshProjectsOf(t.db, 'education', 1);
    await seedPlan(t.db, e, 2026, { planned: '20', plannedStartMonth: 1 });
    await seedReports(t.db, e, 2026, months(10, '2'));
    await markStarted(t.db, e, '2026-01-20');
    const [h] = await freshProjectsOf(t.db, 'health', 1);
    await seedPlan(t.db, h, 2026, { planned: '0' });
    const [d1, d2] = await freshProjectsOf(t.db, 'drc', 2);
    await seedPlan(t.db, d1, 2026, { planned: '300', plannedStartMonth: 2 });
    await seedReports(t.db, d1, 2026, months(10, '3'));
    await markStarted(t.db, d1, '2026-02-10');
    await seedPlan(t.db, d2, 2026, { planned: '0', plannedStartMonth: 9 });
  });
  afterAll(() => t?.close());

  const rankings = (query: Record<string, unknown>, as = 'reviewer') =>
    t
      .as(as)
      .get('/api/rankings')
      .query({ year: 2026, month: 10, ...query });

  it('by 投资完成率: ties share a rank, the transport unit ranked with its rate, units without a plan apart', async () => {
    const { body } = await rankings({ metric: 'completion_rate' }).expect(200);
    expect(body).toMatchObject({ year: 2026, month: 10, metric: 'completion_rate', numeratorUnit: '万元' });
    expect(body.definition).toContain('投资完成率＝');
    expect(body.definition).toContain('未安排年度计划投资的单位不参与排名');
    expect(body.items.map((item: { key: string; rank: number; rate: number }) => [item.rank, item.key, item.rate])).toEqual([
      [1, 'education', 100],
      [1, 'water', 100],
      [3, 'transport', 51.73],
      [4, 'drc', 10],
    ]);
    expect(body.items[2]).toMatchObject({ label: '区交通局', numerator: '727.00', denominator: '1405.34' });
    const unranked = body.unranked.map((item: { key: string }) => item.key);
    expect(unranked).toContain('health');
    expect(unranked).toHaveLength(13 - 4);
    expect(body.unranked.find((item: { key: string }) => item.key === 'health').reason).toBe('无年度计划投资');
  });

  it('by 开工率, to date or for the year, the denominator named in the definition', async () => {
    const toDate = (await rankings({ metric: 'start_rate' }).expect(200)).body;
    expect(toDate).toMatchObject({ metric: 'start_rate', basis: 'to_date', numeratorUnit: '个' });
    expect(toDate.definition).toContain('分母：截至本月计划开工');
    expect(
      toDate.items.map((item: { key: string; rank: number; rate: number; numerator: string; denominator: string }) => [
        item.rank,
        item.key,
        item.rate,
        item.numerator,
        item.denominator,
      ]),
    ).toEqual([
      [1, 'education', 100, '1', '1'],
      [1, 'transport', 100, '1', '1'],
      [3, 'drc', 50, '1', '2'],
    ]);
    expect(toDate.unranked.map((item: { key: string }) => item.key)).toEqual(expect.arrayContaining(['water', 'health']));
    // In August drc's second start was not yet due.
    const august = (await rankings({ metric: 'start_rate', month: 8 }).expect(200)).body;
    expect(august.items.find((item: { key: string }) => item.key === 'drc')).toMatchObject({ rank: 1, rate: 100 });
    const year = (await rankings({ metric: 'start_rate', month: 8, basis: 'year' }).expect(200)).body;
    expect(year.definition).toContain('分母：全年计划开工');
    expect(year.items.find((item: { key: string }) => item.key === 'drc')).toMatchObject({ rate: 50, numerator: '1', denominator: '2' });
  });

  it('reviewers and admins only; bad metrics and periods name their field', async () => {
    await rankings({ metric: 'completion_rate' }, 'admin').expect(200);
    await rankings({ metric: 'completion_rate' }, 'owner_transport').expect(403);
    expect((await rankings({ metric: 'speed' }).expect(400)).body.errors[0].field).toBe('metric');
    expect((await rankings({}).expect(400)).body.errors[0].field).toBe('metric');
    expect((await rankings({ metric: 'start_rate', month: 12 }).expect(400)).body.errors[0].field).toBe('month');
  });
});
