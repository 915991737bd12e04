import { Clock } from '@qj/config';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { XLSX } from '../investment/support';
import { freshProjectsOf, seedPlan, seedReport } from '../support/investment';
import { bootTestApp, TestApp } from '../support/test-app';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const missing = '00000000-0000-4000-8000-000000000000';

/**
 * The refusals a user of the investment, monthly-report and bulletin routes can meet, each driven through its route
 * with `Accept-Language: en`: the code, the English `detail` and Content-Language, and no Chinese left in it (but
 * where the detail quotes data, such as a project's name).
 */
describe('errors in English', () => {
  let t: TestApp;
  let transport: string[];
  let water: string;

  /** The answer's code and detail, in English throughout. */
  function expectEnglish(res: Response, code: string, detail: string | RegExp, quotesData = false): void {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['content-language']).toBe('en');
    expect(res.body.code).toBe(code);
    if (typeof detail === 'string') expect(res.body.detail).toBe(detail);
    else expect(res.body.detail).toMatch(detail);
    if (!quotesData) expect([code, res.body.detail]).not.toEqual([code, expect.stringMatching(CJK)]);
  }
  const as = (who: string) => {
    const agent = t.as(who);
    return {
      get: (url: string) => agent.get(url).set('Accept-Language', 'en'),
      put: (url: string) => agent.put(url).set('Accept-Language', 'en'),
      post: (url: string) => agent.post(url).set('Accept-Language', 'en'),
      patch: (url: string) => agent.patch(url).set('Accept-Language', 'en'),
    };
  };
  const upload = (who: string, url: string, file: Buffer, filename = 'entry.xlsx') => as(who).post(url).attach('file', file, { filename, contentType: XLSX });
  /** A workbook with one sheet, these headers and rows. */
  async function workbook(sheetName: string, headers: string[], rows: unknown[][] = []): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(sheetName);
    sheet.addRow(headers);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await book.xlsx.writeBuffer());
  }
  const PLAN_HEADERS = ['项目名称', '年度', '计划投资（万元）', '计划开工月份', '计划竣工月份', '调整原因', '项目ID', '计划版本'];

  beforeAll(async () => {
    t = await bootTestApp();
    t.app.get(Clock).setNow(new Date('2026-10-10T10:00:00+08:00'));
    transport = await freshProjectsOf(t.db, 'transport', 3);
    [water] = await freshProjectsOf(t.db, 'water', 1);
    await seedPlan(t.db, transport[0], 2026, { planned: '100' });
    // August's bulletin is published: the month is closed.
    await t.db.query(
      `INSERT INTO bulletin (month, status, document, annex, figures, published_at) VALUES ('2026-08', 'published', '\\x00', '\\x00', '{}', now())`,
    );
  });
  afterAll(async () => {
    t?.app.get(Clock).setNow(null);
    await t?.close();
  });

  it('who may: not signed in, another unit’s project, a reviewer’s route', async () => {
    expectEnglish(await t.http.get('/api/bulletins').set('Accept-Language', 'en').expect(401), 'unauthenticated', 'Not signed in, or the session has expired');
    expectEnglish(
      await as('owner_water').put(`/api/projects/${transport[0]}/monthly-reports/2026-09`).send({ completedInvestment: 1 }).expect(403),
      'outside_unit',
      /^You may not do this: .+ does not belong to your unit$/,
    );
    expectEnglish(
      await as('owner_transport').put(`/api/projects/${transport[0]}/investment-plans/2027`).send({ plannedInvestment: 1 }).expect(403),
      'forbidden',
      'You may not do this',
    );
  });

  it('what is not there: a project, a plan, a report, a bulletin', async () => {
    expectEnglish(await as('reviewer').get(`/api/projects/${missing}/investment-plans/2027`).expect(404), 'project_not_found', `No project with id ${missing}`);
    expectEnglish(
      await as('reviewer').get(`/api/projects/${transport[1]}/investment-plans/2029`).expect(404),
      'plan_not_found',
      'No 2029 annual plan has been issued for this project',
    );
    expectEnglish(
      await as('owner_transport').post(`/api/projects/${transport[1]}/monthly-reports/2026-07/submit`).expect(404),
      'report_not_found',
      'This project has no report for 2026-07: fill it in and save it first',
    );
    expectEnglish(await as('reviewer').get(`/api/bulletins/${missing}`).expect(404), 'bulletin_not_found', `No bulletin with id ${missing}`);
  });

  it('invalid input names its field in English', async () => {
    const res = await as('reviewer').put(`/api/projects/${transport[1]}/investment-plans/2027`).send({ plannedInvestment: -1 }).expect(400);
    expectEnglish(res, 'validation_failed', 'Invalid request parameters: plannedInvestment');
    expect(res.body.errors).toEqual([{ field: 'plannedInvestment', message: expect.not.stringMatching(CJK) }]);
    const month = await as('reviewer').get('/api/monthly-reports?month=2031-01').expect(400);
    expectEnglish(month, 'validation_failed', 'Invalid request parameters: month');
    expect(month.body.errors[0].message).not.toMatch(CJK);
    const body = await as('reviewer')
      .put(`/api/projects/${transport[1]}/investment-plans/2027`)
      .set('content-type', 'application/json')
      .send('{"a": ')
      .expect(400);
    expectEnglish(body, 'malformed_json', 'The request body is not valid JSON');
  });

  it('a monthly report’s states: submitted, already submitted, not submitted, changed meanwhile, a closed month', async () => {
    const url = `/api/projects/${transport[2]}/monthly-reports/2026-09`;
    const draft = (await as('owner_transport').put(url).send({ completedInvestment: 5 }).expect(200)).body;
    expectEnglish(
      await as('owner_transport')
        .put(url)
        .send({ completedInvestment: 6, version: draft.version + 1 })
        .expect(409),
      'version_conflict',
      /^Someone else changed this .+ meanwhile; reload and try again$/,
    );
    expectEnglish(
      await as('reviewer').post(`${url}/return`).send({ comment: 'check' }).expect(409),
      'report_not_submitted',
      'The report for 2026-09 is not submitted (draft) and cannot be returned',
    );
    await as('owner_transport').post(`${url}/submit`).expect(200);
    expectEnglish(await as('owner_transport').post(`${url}/submit`).expect(409), 'report_already_submitted', 'The report for 2026-09 is already submitted');
    expectEnglish(
      await as('owner_transport').put(url).send({ completedInvestment: 7 }).expect(409),
      'report_submitted',
      'The report for 2026-09 is submitted and cannot change; to correct it, ask the DRC to return it',
    );
    await seedReport(t.db, water, '2026-08', '3', 'draft');
    expectEnglish(
      await as('owner_water').put(`/api/projects/${water}/monthly-reports/2026-08`).send({ completedInvestment: 4 }).expect(409),
      'month_locked',
      'The bulletin of 2026-08 is published: that month’s reports can no longer change',
    );
  });

  it('a project code another project holds', async () => {
    const code = '2601-500110-04-01-900001';
    const [holder, other] = (
      await t.db.query(`SELECT id, name, version FROM project WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)`, [
        [transport[0], transport[1]],
      ])
    ).rows;
    await as('reviewer').patch(`/api/projects/${holder.id}`).send({ version: holder.version, projectCode: code }).expect(200);
    const res = await as('reviewer').patch(`/api/projects/${other.id}`).send({ version: other.version, projectCode: code }).expect(409);
    // The holder's name is data, in Chinese as the plan names it.
    expectEnglish(res, 'project_code_taken', `The project code ${code} is already used by “${holder.name}”`, true);
  });

  it('bulletins: published, not ready', async () => {
    expectEnglish(
      await as('reviewer').post('/api/bulletins').send({ month: '2026-08' }).expect(409),
      'bulletin_published',
      'The bulletin of 2026-08 is published: it can be neither generated nor published again',
    );
    // No worker runs here: the requested bulletin stays generating.
    const { id } = (await as('reviewer').post('/api/bulletins').send({ month: '2026-07' }).expect(202)).body;
    expectEnglish(
      await as('reviewer').post(`/api/bulletins/${id}/publish`).expect(409),
      'bulletin_not_ready',
      'The bulletin of 2026-07 has no draft yet (status: generating); wait for it to be generated, or generate it again',
    );
  });

  it('uploads: no file, not an .xlsx, too large, not the template, no rows, no year, rows with errors', async () => {
    const url = '/api/investment-plans/import';
    expectEnglish(await as('reviewer').post(url).field('year', '2027').expect(400), 'file_missing', 'Upload one .xlsx file in the form field file');
    expectEnglish(
      await upload('reviewer', url, Buffer.from('not a workbook'), 'plan.txt').expect(400),
      'file_not_xlsx',
      'Only .xlsx Excel files are accepted (save the file as .xlsx in Excel or WPS)',
    );
    expectEnglish(
      await upload('reviewer', url, Buffer.concat([Buffer.from('PK'), Buffer.alloc(2 * 1024 * 1024)])).expect(413),
      'file_too_large',
      'The file may not exceed 2 MB',
    );
    expectEnglish(
      await upload('reviewer', url, Buffer.concat([Buffer.from('PK'), Buffer.alloc(64)])).expect(400),
      'file_not_xlsx',
      'The file cannot be read: upload an .xlsx file saved by Excel',
    );
    expectEnglish(
      await upload('reviewer', url, await workbook('年度计划', ['项目名称'])).expect(400),
      'invalid_file',
      `${PLAN_HEADERS.length - 1} columns of the template are missing: use the template this system gives`,
    );
    expectEnglish(await upload('reviewer', url, await workbook('年度计划', PLAN_HEADERS)).expect(400), 'invalid_file', 'The file has no project rows');
    expectEnglish(
      await upload('reviewer', url, await workbook('年度计划', PLAN_HEADERS, [['x', null, 10, null, null, null, transport[1], 0]])).expect(400),
      'plan_year_missing',
      'Give the year in the year field, or fill the template’s year column (one year for the whole file)',
    );
    expectEnglish(
      await upload('reviewer', url, await workbook('年度计划', PLAN_HEADERS, [['x', 2027, 'lots', null, null, null, transport[1], 0]])).expect(422),
      'import_rows_invalid',
      '1 rows have errors, so nothing was imported; correct them and upload again',
    );
    expectEnglish(
      await upload('owner_transport', '/api/monthly-reports/import', await workbook('月报', ['项目名称'])).expect(400),
      'invalid_file',
      /^\d+ columns of the template are missing: use the template this system gives$/,
    );
  });
});
