import ExcelJS from 'exceljs';
import { Clock } from '@qj/config';
import { bootTestApp, TestApp } from '../support/test-app';
import { freshProjectsOf, markStarted, seedPlan, seedReport, seedReports } from '../support/investment';
import { binary } from './support';

const months = (count: number, amount: string) => Array.from({ length: count }, () => amount);

interface ListedFigures {
  id: string;
  name: string;
  plannedInvestment: string | null;
  completedYtd: string | null;
  completionRate: number | null;
}

/**
 * The project list and its Excel export carry 年度计划, 累计完成 and 完成率 (libs/persistence/src/investment.sql.ts's
 * projectFiguresSql, in the list's one statement): the same figures as GET /api/projects/:id/investment, for the
 * current report month unless another is asked, hidden from owners outside their unit.
 */
describe('the project list’s investment figures', () => {
  let t: TestApp;
  let ids: string[];
  let water: string;
  beforeAll(async () => {
    t = await bootTestApp({ env: { DEBUG_SQL_COUNT: 'true' } });
    t.app.get(Clock).setNow(new Date('2026-11-10T10:00:00+08:00'));
    ids = await freshProjectsOf(t.db, 'transport', 5);
    const [a, b, c, d] = ids; // the fifth has no plan: its figures are its reports and no rate
    await seedPlan(t.db, a, 2026, { planned: '405.34' });
    await seedReports(t.db, a, 2026, [...months(9, '33'), '30']);
    await seedPlan(t.db, b, 2026, { planned: '1000', original: '1200', version: 2, plannedStartMonth: 3 });
    await seedReports(t.db, b, 2026, months(10, '40'));
    await seedReport(t.db, b, '2026-11', '500', 'draft');
    await markStarted(t.db, b, '2026-04-15');
    await seedPlan(t.db, c, 2026, { planned: '0', plannedStartMonth: 6 });
    await seedReport(t.db, c, '2026-05', '99', 'returned');
    await seedPlan(t.db, d, 2026, { planned: '50.5' });
    await seedReports(t.db, d, 2026, ['60', null, '0.01']);
    await seedReports(t.db, ids[4], 2026, ['7.25']);
    [water] = await freshProjectsOf(t.db, 'water', 1);
    await seedPlan(t.db, water, 2026, { planned: '10' });
    await seedReports(t.db, water, 2026, ['1']);
  });
  afterAll(() => t?.close());

  const list = (query: Record<string, unknown>, as = 'reviewer') =>
    t
      .as(as)
      .get('/api/projects')
      .query({ unit: 'transport', pageSize: 200, ...query });
  const perProject = async (id: string, year: number, month: number) =>
    (await t.as('reviewer').get(`/api/projects/${id}/investment`).query({ year, month }).expect(200)).body;

  it('Done when: every row’s 年度计划, 累计完成 and 完成率 equal the per-project figures, for the current report month by default', async () => {
    const res = await list({}).expect(200);
    expect(res.body).toMatchObject({ year: 2026, month: 10 }); // 2026-11-10: October is the month being reported
    const items: ListedFigures[] = res.body.items;
    expect(items.map((item) => item.id)).toEqual(expect.arrayContaining(ids));
    for (const item of items) {
      const figures = await perProject(item.id, 2026, 10);
      expect({ id: item.id, planned: item.plannedInvestment, completed: item.completedYtd, rate: item.completionRate }).toEqual({
        id: item.id,
        planned: figures.plannedInvestment,
        completed: figures.completedYtd,
        rate: figures.completionRate,
      });
    }
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get(ids[0])).toMatchObject({ plannedInvestment: '405.34', completedYtd: '327.00', completionRate: 80.67 });
    expect(byId.get(ids[1])).toMatchObject({ plannedInvestment: '1000.00', completedYtd: '400.00', completionRate: 40 });
    expect(byId.get(ids[2])).toMatchObject({ plannedInvestment: '0.00', completedYtd: '0.00', completionRate: null });
    expect(byId.get(ids[4])).toMatchObject({ plannedInvestment: null, completedYtd: '7.25', completionRate: null });
  });

  it('another month on asking; a month still to come is a 400 naming it', async () => {
    const items: ListedFigures[] = (await list({ year: 2026, month: 1 }).expect(200)).body.items;
    for (const id of ids) {
      const figures = await perProject(id, 2026, 1);
      expect(items.find((item) => item.id === id)).toMatchObject({ completedYtd: figures.completedYtd, completionRate: figures.completionRate });
    }
    expect(items.find((item) => item.id === ids[3])).toMatchObject({ completedYtd: '60.00', completionRate: 118.81 });
    const refused = await list({ year: 2026, month: 12 }).expect(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual(['month']);
    expect((await list({ year: 2031 }).expect(400)).body.errors.map((error: { field: string }) => error.field)).toEqual(['year']);
  });

  it('one statement whatever the page size: no query per project', async () => {
    const ten = await list({ pageSize: 10, unit: undefined }).expect(200);
    const hundred = await list({ pageSize: 100, unit: undefined, sort: '-completionRate' }).expect(200);
    expect(ten.body.items).toHaveLength(10);
    expect(hundred.body.items).toHaveLength(100);
    const statements = Number(ten.headers['x-sql-statements']);
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(3);
    expect(Number(hundred.headers['x-sql-statements'])).toBe(statements);
  });

  it('sorts by 完成率, 累计完成 and 年度计划, projects without the figure last either way', async () => {
    const order = async (sort: string) => ((await list({ sort }).expect(200)).body.items as ListedFigures[]).map((item) => item.id);
    const descending = await order('-completionRate');
    expect(descending.slice(0, 3)).toEqual([ids[3], ids[0], ids[1]]); // 118.81, 80.67, 40
    expect((await order('completionRate')).slice(0, 3)).toEqual([ids[1], ids[0], ids[3]]);
    expect((await order('-completedYtd')).slice(0, 2)).toEqual([ids[1], ids[0]]);
    const byPlan = await order('plannedInvestment');
    expect(byPlan.slice(0, 4)).toEqual([ids[2], ids[3], ids[0], ids[1]]);
    expect(byPlan.indexOf(ids[4])).toBeGreaterThan(3);
  });

  it('owners see the figures of their own unit’s projects only, as the per-project figures answer 403 elsewhere', async () => {
    const mine: ListedFigures[] = (await list({}, 'owner_transport').expect(200)).body.items;
    expect(mine.find((item) => item.id === ids[1])).toMatchObject({ completedYtd: '400.00', completionRate: 40 });
    const theirs: ListedFigures[] = (await list({}, 'owner_water').expect(200)).body.items;
    expect(theirs.find((item) => item.id === ids[1])).toMatchObject({ plannedInvestment: null, completedYtd: null, completionRate: null });
    const own: ListedFigures[] = (await list({ unit: 'water' }, 'owner_water').expect(200)).body.items;
    expect(own.find((item) => item.id === water)).toMatchObject({ plannedInvestment: '10.00', completedYtd: '1.00', completionRate: 10 });
  });

  it('the Excel export has the three columns, named for the period, with the list’s figures as numbers', async () => {
    const res = await t
      .as('reviewer')
      .get('/api/projects/export.xlsx')
      .query({ unit: 'transport', year: 2026, month: 9 })
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    const at = (name: string) => header.indexOf(name) + 1;
    expect(header.slice(-3)).toEqual(['2026年度计划（万元）', '1—9月累计完成（万元）', '完成率（%）']);
    expect(String(sheet.getCell('A2').value)).toContain('投资数据：2026 年 1—9 月');
    const listed: ListedFigures[] = (await list({ year: 2026, month: 9 }).expect(200)).body.items;
    const names = new Map(listed.map((item) => [item.name, item]));
    let checked = 0;
    for (let n = 4; n <= sheet.rowCount; n += 1) {
      const row = sheet.getRow(n);
      const item = names.get(String(row.getCell(2).value))!;
      const cell = (name: string) => row.getCell(at(name)).value ?? null;
      const number = (value: string | number | null) => (value === null ? null : Number(value));
      expect([cell('2026年度计划（万元）'), cell('1—9月累计完成（万元）'), cell('完成率（%）')]).toEqual([
        number(item.plannedInvestment),
        number(item.completedYtd),
        item.completionRate,
      ]);
      checked += 1;
    }
    expect(checked).toBe(listed.length);
    const a = listed.find((item) => item.id === ids[0])!;
    expect(a).toMatchObject({ completedYtd: '297.00', completionRate: 73.27 });
  });
});
