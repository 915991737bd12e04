import { Clock } from '@qj/config';
import { bootTestApp, TestApp } from '../support/test-app';
import { binary, fieldsOf, openTemplate as open, projectsOf, writeCounts, XLSX } from './support';

/** The district's annual plans and a unit's monthly reports through Excel: download, fill in, upload; all rows or none. */
describe('investment entry from Excel (年度计划, 月报)', () => {
  let t: TestApp;
  let clock: Clock;

  beforeAll(async () => {
    t = await bootTestApp();
    clock = t.app.get(Clock);
  });
  beforeEach(() => clock.setNow(new Date('2027-04-03T02:00:00Z')));
  afterAll(async () => {
    clock?.setNow(null);
    await t?.close();
  });

  const download = async (who: string, url: string, query: Record<string, string | number>) =>
    (await t.as(who).get(url).query(query).buffer(true).parse(binary).expect(200).expect('Content-Type', XLSX)).body as Buffer;

  const upload = (who: string, url: string, file: Buffer, fields: Record<string, string> = {}, query: Record<string, string> = {}) => {
    let request = t.as(who).post(url).query(query);
    for (const [name, value] of Object.entries(fields)) request = request.field(name, value);
    return request.attach('file', file, { filename: 'entry.xlsx', contentType: XLSX });
  };

  it('annual plans: the template lists every project with its plan; filled in and uploaded, it issues, adjusts and leaves the rest', async () => {
    const [issued, adjusted, unchanged] = await projectsOf(t, 'water', 3);
    await t.as('reviewer').put(`/api/projects/${adjusted.id}/investment-plans/2028`).send({ plannedInvestment: 300, plannedStartMonth: 2 }).expect(200);
    await t.as('reviewer').put(`/api/projects/${unchanged.id}/investment-plans/2028`).send({ plannedInvestment: 55.5 }).expect(200);

    const template = await download('reviewer', '/api/investment-plans/template.xlsx', { year: 2028 });
    const sheet = await open(template, '年度计划');
    expect(sheet.headers).toEqual(expect.arrayContaining(['项目名称', '项目代码', '责任单位', '计划投资（万元）', '计划开工月份', '计划竣工月份', '调整原因']));
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM project`);
    expect(sheet.sheet.rowCount - 1).toBe(rows[0].n);
    expect(sheet.get(adjusted.id, '计划投资（万元）')).toBe(300);
    expect(sheet.get(adjusted.id, '计划开工月份')).toBe(2);
    expect(sheet.get(issued.id, '计划投资（万元）')).toBeNull();

    sheet.set(issued.id, '计划投资（万元）', 1200.25);
    sheet.set(issued.id, '计划开工月份', 5);
    sheet.set(issued.id, '计划竣工月份', '12月');
    sheet.set(adjusted.id, '计划投资（万元）', '350');
    sheet.set(adjusted.id, '调整原因', '追加中央预算内投资');
    const res = await upload('reviewer', '/api/investment-plans/import', await sheet.save()).expect(200);
    expect(res.body).toMatchObject({ applied: true, year: 2028 });
    expect(res.body.summary).toMatchObject({ issued: 1, adjusted: 1, unchanged: 1, error: 0, total: rows[0].n, skipped: rows[0].n - 3 });

    expect((await t.as('owner_water').get(`/api/projects/${issued.id}/investment-plans/2028`).expect(200)).body).toMatchObject({
      version: 1,
      plannedInvestment: '1200.25',
      plannedStartMonth: 5,
      plannedCompletionMonth: 12,
    });
    const versions = (await t.as('reviewer').get(`/api/projects/${adjusted.id}/investment-plans/2028/versions`).expect(200)).body.items;
    expect(versions).toMatchObject([
      { version: 1, plannedInvestment: '300.00' },
      { version: 2, plannedInvestment: '350.00', plannedStartMonth: 2, reason: '追加中央预算内投资' },
    ]);
  });

  it('annual plans: one bad row (an adjustment without reason, a negative amount, a month 13) is 422 with each row’s errors, and nothing is applied', async () => {
    const [good, noReason, negative] = await projectsOf(t, 'health', 3);
    await t.as('reviewer').put(`/api/projects/${noReason.id}/investment-plans/2029`).send({ plannedInvestment: 10 }).expect(200);
    const sheet = await open(await download('admin', '/api/investment-plans/template.xlsx', { year: 2029 }), '年度计划');
    sheet.set(good.id, '计划投资（万元）', 99);
    sheet.set(noReason.id, '计划投资（万元）', 11);
    sheet.set(negative.id, '计划投资（万元）', -5);
    sheet.set(negative.id, '计划开工月份', 13);
    const file = await sheet.save();
    const before = await writeCounts(t);
    const res = await upload('admin', '/api/investment-plans/import', file, { year: '2029' }).expect(422);
    expect(res.body).toMatchObject({ code: 'import_rows_invalid', applied: false });
    const errors = Object.fromEntries(
      res.body.rows
        .filter((row: { status: string }) => row.status === 'error')
        .map((row: { row: number; errors: Array<{ field: string }> }) => [row.row, row.errors.map((e) => e.field).sort()]),
    );
    expect(errors).toEqual({ [sheet.rowNumber(noReason.id)]: ['reason'], [sheet.rowNumber(negative.id)]: ['plannedInvestment', 'plannedStartMonth'] });
    expect(fieldsOf(res.body)).toContain(`rows[${sheet.rowNumber(negative.id)}].plannedInvestment`);
    expect(await writeCounts(t)).toEqual(before);
    await t.as('reviewer').get(`/api/projects/${good.id}/investment-plans/2029`).expect(404);
    // The year given in the form must be the sheet's.
    expect(fieldsOf((await upload('admin', '/api/investment-plans/import', file, { year: '2031' }).expect(400)).body)).toEqual(['year']);
  });

  it('annual plans: owners may neither download-and-issue nor import (403), and nothing is written', async () => {
    const template = await download('reviewer', '/api/investment-plans/template.xlsx', { year: 2027 });
    const before = await writeCounts(t);
    await upload('owner_transport', '/api/investment-plans/import', template).expect(403);
    expect(await writeCounts(t)).toEqual(before);
    expect(fieldsOf((await t.as('reviewer').get('/api/investment-plans/template.xlsx').query({ year: 2025 }).expect(400)).body)).toEqual(['year']);
  });

  it('monthly reports: an owner’s template holds their unit’s projects; filled in and uploaded with submit=true, drafts are saved and submitted', async () => {
    const [first, second, third] = await projectsOf(t, 'economy', 3);
    await t.as('owner_economy').put(`/api/projects/${third.id}/monthly-reports/2027-03`).send({ completedInvestment: 8, progress: '已开工' }).expect(200);
    const sheet = await open(await download('owner_economy', '/api/monthly-reports/template.xlsx', { month: '2027-03' }), '月报');
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM project p JOIN unit u ON u.id = p.unit_id WHERE u.code = 'economy'`);
    expect(sheet.sheet.rowCount - 1).toBe(rows[0].n);
    expect(sheet.headers).toEqual(expect.arrayContaining(['项目名称', '项目代码', '责任单位', '本月完成投资（万元）', '形象进度', '存在问题']));
    expect(sheet.get(third.id, '本月完成投资（万元）')).toBe(8);
    expect(sheet.get(third.id, '形象进度')).toBe('已开工');

    sheet.set(first.id, '本月完成投资（万元）', 0);
    sheet.set(second.id, '本月完成投资（万元）', '1250.5');
    sheet.set(second.id, '形象进度', '主体结构封顶');
    sheet.set(second.id, '存在问题', '资金缺口 300 万元');
    const res = await upload('owner_economy', '/api/monthly-reports/import', await sheet.save(), {}, { submit: 'true' }).expect(200);
    expect(res.body).toMatchObject({ applied: true, submitted: true });
    expect(res.body.summary).toMatchObject({ saved: 2, unchanged: 1, submitted: 3, error: 0, skipped: rows[0].n - 3 });
    const grid = (await t.as('owner_economy').get('/api/monthly-reports').query({ month: '2027-03' }).expect(200)).body.items;
    const byId = new Map(grid.map((item: { projectId: string }) => [item.projectId, item]));
    expect(byId.get(first.id)).toMatchObject({ status: 'submitted', report: { completedInvestment: '0.00', late: false } });
    expect(byId.get(second.id)).toMatchObject({ status: 'submitted', report: { completedInvestment: '1250.50', problems: '资金缺口 300 万元' } });
    expect(byId.get(third.id)).toMatchObject({ status: 'submitted', report: { completedInvestment: '8.00' } });
    const { rows: events } = await t.db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE name = 'monthly_report.submitted'`);
    expect(events[0].n).toBeGreaterThanOrEqual(3);
  });

  it('monthly reports: a bad row, another unit’s project, or a submitted report changed is 422 with row errors, and nothing is applied', async () => {
    const [own, submitted] = await projectsOf(t, 'agriculture', 2);
    const [foreign] = await projectsOf(t, 'transport');
    await t.as('owner_agriculture').put(`/api/projects/${submitted.id}/monthly-reports/2027-02`).send({ completedInvestment: 1 }).expect(200);
    await t.as('owner_agriculture').post(`/api/projects/${submitted.id}/monthly-reports/2027-02/submit`).expect(200);
    const sheet = await open(await download('owner_agriculture', '/api/monthly-reports/template.xlsx', { month: '2027-02' }), '月报');
    sheet.set(own.id, '本月完成投资（万元）', 1.005);
    sheet.set(submitted.id, '本月完成投资（万元）', 2);
    // A row copied from another unit's template.
    const extra = sheet.sheet.addRow([]);
    const header = (name: string) => sheet.headers.indexOf(name);
    extra.getCell(header('项目ID')).value = foreign.id;
    extra.getCell(header('月份')).value = '2027-02';
    extra.getCell(header('本月完成投资（万元）')).value = 5;
    const before = await writeCounts(t);
    const res = await upload('owner_agriculture', '/api/monthly-reports/import', await sheet.save(), {}, { submit: 'true' }).expect(422);
    expect(res.body.code).toBe('import_rows_invalid');
    const errors = Object.fromEntries(
      res.body.rows
        .filter((row: { status: string }) => row.status === 'error')
        .map((row: { row: number; errors: Array<{ field: string }> }) => [row.row, row.errors.map((e) => e.field)]),
    );
    expect(errors).toEqual({
      [sheet.rowNumber(own.id)]: ['completedInvestment'],
      [sheet.rowNumber(submitted.id)]: ['completedInvestment'],
      [extra.number]: ['projectId'],
    });
    expect(await writeCounts(t)).toEqual(before);
    // Reviewers do not file reports: 403 before the file is read.
    await upload('reviewer', '/api/monthly-reports/import', await sheet.save()).expect(403);
    expect(fieldsOf((await t.as('owner_agriculture').get('/api/monthly-reports/template.xlsx').query({ month: '2027-05' }).expect(400)).body)).toEqual([
      'month',
    ]);
  });
});
