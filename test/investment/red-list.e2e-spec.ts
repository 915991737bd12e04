import { Clock } from '@qj/config';
import { bootTestApp, TestApp } from '../support/test-app';
import { freshProjectsOf, markRegistered, markStarted, seedPlan, seedReport, seedReports } from '../support/investment';

const months = (count: number, amount: string) => Array.from({ length: count }, () => amount);

interface Item {
  projectId: string;
  light: string;
  projectLight: string;
  completionRate: number | null;
  gapPoints: number | null;
  projectLightReasons: unknown[];
}

/**
 * GET /api/investment/projects: the projects of the year's 调度 by light (the 投资调度 page's red list), from the SQL
 * rendering the summary and the list use. Its members must be exactly the projects whose per-project light is that light.
 */
describe('the red list', () => {
  let t: TestApp;
  let transport: string[];
  let water: string[];
  let planned: string[];
  beforeAll(async () => {
    t = await bootTestApp({ env: { DEBUG_SQL_COUNT: 'true' } });
    t.app.get(Clock).setNow(new Date('2026-11-10T10:00:00+08:00'));
    transport = await freshProjectsOf(t.db, 'transport', 6);
    water = await freshProjectsOf(t.db, 'water', 3);
    const [a, b, c, d, e, f] = transport;
    await seedPlan(t.db, a, 2026, { planned: '1000' }); // 400 of 1000 by October: 43.33 behind, red
    await seedReports(t.db, a, 2026, months(10, '40'));
    await seedPlan(t.db, b, 2026, { planned: '405.34' }); // on schedule: green
    await seedReports(t.db, b, 2026, [...months(9, '33'), '30']);
    await seedPlan(t.db, c, 2026, { planned: '0', plannedStartMonth: 6 }); // start four months late: red by start only
    await seedPlan(t.db, d, 2026, { planned: '100', plannedStartMonth: 9 }); // 60 of 100 (yellow, 23.33 behind); one month late to start
    await seedReports(t.db, d, 2026, ['60']);
    await seedPlan(t.db, e, 2026, { planned: '100' }); // on track, started in May and never registered: red by registration
    await seedReports(t.db, e, 2026, ['90']);
    await markStarted(t.db, e, '2026-05-03');
    await seedReport(t.db, f, '2026-02', '5'); // no plan: not in the 调度 at all
    await markStarted(t.db, f, '2026-01-10');
    const [w1, w2, w3] = water;
    await seedPlan(t.db, w1, 2026, { planned: '10' }); // 0 submitted (a draft does not count): red
    await seedReport(t.db, w1, '2026-03', '9', 'draft');
    await seedPlan(t.db, w2, 2026, { planned: '10' });
    await seedReports(t.db, w2, 2026, ['10']);
    await markStarted(t.db, w2, '2026-02-01');
    await markRegistered(t.db, w2, '2026-03-01');
    await seedPlan(t.db, w3, 2026, { planned: '200' }); // 50 of 200: 25.00 %, 58.33 behind, red
    await seedReports(t.db, w3, 2026, ['50']);
    planned = [a, b, c, d, e, w1, w2, w3];
  });
  afterAll(() => t?.close());

  const redList = (query: Record<string, unknown>, as = 'reviewer') =>
    t
      .as(as)
      .get('/api/investment/projects')
      .query({ year: 2026, month: 10, pageSize: 200, ...query });
  const perProject = async (id: string) => (await t.as('reviewer').get(`/api/projects/${id}/investment`).query({ year: 2026, month: 10 }).expect(200)).body;

  it('Done when: its members are exactly the projects whose per-project light is red, each with the same figures and reasons', async () => {
    const all: Item[] = (await redList({}).expect(200)).body.items;
    const mine = all.filter((item) => [...transport, ...water].includes(item.projectId));
    expect(mine.map((item) => item.projectId).sort()).toEqual([...planned].sort()); // the project without a plan is not in the 调度
    const figures = new Map<string, Record<string, unknown>>();
    for (const id of planned) figures.set(id, await perProject(id));
    for (const kind of ['project', 'investment'] as const) {
      for (const light of ['red', 'yellow', 'green']) {
        const { body } = await redList({ light, kind }).expect(200);
        const members = (body.items as Item[]).map((item) => item.projectId).filter((id) => planned.includes(id));
        const expected = planned.filter((id) => figures.get(id)![kind === 'project' ? 'projectLight' : 'light'] === light);
        expect({ kind, light, members: members.sort() }).toEqual({ kind, light, members: expected.sort() });
      }
    }
    for (const item of mine) {
      const one = figures.get(item.projectId)!;
      expect(item).toMatchObject({
        plannedInvestment: one.plannedInvestment,
        completedYtd: one.completedYtd,
        completionRate: one.completionRate,
        gapPoints: one.gapPoints,
        light: one.light,
        lights: one.lights,
        projectLight: one.projectLight,
        projectLightReasons: one.projectLightReasons,
      });
    }
  });

  it('lists the reds worst first, each reason given; the counts add up to the summary’s', async () => {
    const { body } = await redList({ light: 'red' }).expect(200);
    expect(body).toMatchObject({ year: 2026, month: 10, kind: 'project', light: 'red', page: 1 });
    const gaps = (body.items as Item[]).map((item) => item.gapPoints ?? Infinity);
    expect(gaps).toEqual([...gaps].sort((x, y) => x - y));
    const c = (body.items as Item[]).find((item) => item.projectId === transport[2])!;
    expect(c.projectLightReasons).toEqual([{ code: 'start_overdue', level: 'red', text: '计划 6 月开工，截至 10 月末仍未开工（已过 4 个月）' }]);
    const summary = (await t.as('reviewer').get('/api/investment/summary').query({ year: 2026, month: 10 }).expect(200)).body.items[0];
    expect(body.total).toBe(summary.lights.red);
    const investmentRed = (await redList({ light: 'red', kind: 'investment' }).expect(200)).body.total;
    expect(investmentRed).toBe(summary.lightsBy.investment.red);
  });

  it('filters by unit and chapter, pages, and runs one statement whatever the page', async () => {
    const unitId = (await t.db.query(`SELECT id FROM unit WHERE code = 'water'`)).rows[0].id;
    const ofWater: Item[] = (await redList({ unitId }).expect(200)).body.items;
    expect(ofWater.map((item) => item.projectId).sort()).toEqual([...water].sort());
    const chapter = (await t.db.query(`SELECT chapter_no FROM project WHERE id = $1`, [transport[0]])).rows[0].chapter_no;
    const ofChapter: Item[] = (await redList({ chapter }).expect(200)).body.items;
    expect(ofChapter.map((item) => item.projectId)).toContain(transport[0]);
    const first = await redList({ pageSize: 2 }).expect(200);
    const second = await redList({ pageSize: 2, page: 2 }).expect(200);
    const all = (await redList({}).expect(200)).body.items.map((item: Item) => item.projectId);
    expect([...first.body.items, ...second.body.items].map((item: Item) => item.projectId)).toEqual(all.slice(0, 4));
    expect(Number(first.headers['x-sql-statements'])).toBe(Number((await redList({ pageSize: 200 }).expect(200)).headers['x-sql-statements']));
    expect(Number(first.headers['x-sql-statements'])).toBeLessThanOrEqual(2);
  });

  it('owners read their own unit’s projects only; another unit named is 403; bad parameters are 400 naming them', async () => {
    const own: Item[] = (await redList({}, 'owner_water').expect(200)).body.items;
    expect(own.map((item) => item.projectId).sort()).toEqual([...water].sort());
    const transportId = (await t.db.query(`SELECT id FROM unit WHERE code = 'transport'`)).rows[0].id;
    expect((await redList({ unitId: transportId }, 'owner_water').expect(403)).body.code).toBe('outside_unit');
    const fields = async (query: Record<string, unknown>) => (await redList(query).expect(400)).body.errors.map((e: { field: string }) => e.field);
    expect(await fields({ light: 'amber' })).toEqual(['light']);
    expect(await fields({ kind: 'rag' })).toEqual(['kind']);
    expect(await fields({ unitId: 'transport' })).toEqual(['unitId']);
    expect(await fields({ chapter: 37 })).toEqual(['chapter']);
    expect(await fields({ month: 12 })).toEqual(['month']);
  });
});
