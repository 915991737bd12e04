import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Clock } from '@qj/config';
import ExcelJS from 'exceljs';
import { ProcessorsModule } from '../../apps/worker/src/processors.module';
import { binary, fieldsOf } from '../investment/support';
import { codeTokens } from '../notifications/readable-text';
import { freshProjectsOf, markStarted, seedPlan, seedReport, seedReports } from '../support/investment';
import { waitFor } from '../support/processes';
import { bootTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);
const fieldSet = (body: { errors?: Array<{ field: string }> }) => [...new Set(fieldsOf(body))];
const months = (count: number, amount: string) => Array.from({ length: count }, () => amount);

interface Bulletin {
  id: string;
  month: string;
  status: string;
  version: number;
  failureReason: string | null;
  documentUrl: string | null;
  annexUrl: string | null;
}

/**
 * The month's 调度通报 end to end, the worker in the same process: generate (a job) → draft → download the .docx
 * (LibreOffice reads it) and the .xlsx (its 全区合计 equals the summary's) → publish, which locks the month's reports
 * and freezes its figures; regenerating replaces a draft, never a published bulletin; a failing generation ends failed
 * with its reason; owners neither generate nor see drafts; the reviewers hear of the draft.
 */
describe('bulletins (调度通报)', () => {
  let t: TestApp;
  let directory: string;
  let transport: string[];
  let water: string[];

  const bulletin = async (id: string, as = 'reviewer'): Promise<Bulletin> => (await t.as(as).get(`/api/bulletins/${id}`).expect(200)).body;
  const settled = (id: string, status = 'draft', version?: number) =>
    waitFor(
      `bulletin ${id} to be ${status}`,
      async () => {
        const current = await bulletin(id);
        return current.status === status && (version === undefined || current.version === version) && current;
      },
      60_000,
    );
  const download = async (url: string, as = 'reviewer'): Promise<Buffer> => (await t.as(as).get(url).buffer(true).parse(binary).expect(200)).body;

  beforeAll(async () => {
    t = await bootTestApp({ modules: [ProcessorsModule] });
    t.app.get(Clock).setNow(new Date('2026-10-10T10:00:00+08:00'));
    directory = await mkdtemp(join(tmpdir(), 'bulletins-'));
    transport = await freshProjectsOf(t.db, 'transport', 3);
    water = await freshProjectsOf(t.db, 'water', 1);
    const [a, b, c] = transport;
    await t.db.query(`UPDATE project SET investment_type = 'government', total_investment = 5000 WHERE id = ANY($1::uuid[])`, [[a, b]]);
    await t.db.query(`UPDATE project SET investment_type = 'enterprise', total_investment = 800 WHERE id = $1`, [water[0]]);
    await seedPlan(t.db, a, 2026, { planned: '405.34' });
    await seedReports(t.db, a, 2026, months(9, '33'));
    await seedPlan(t.db, b, 2026, { planned: '1000', original: '1200', version: 2, plannedStartMonth: 3 });
    await seedReports(t.db, b, 2026, months(8, '20'));
    await markStarted(t.db, b, '2026-04-15');
    await seedPlan(t.db, c, 2026, { planned: '300' });
    await seedPlan(t.db, water[0], 2026, { planned: '100' });
    await seedReports(t.db, water[0], 2026, months(9, '10'));
  });
  afterAll(async () => {
    await t?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('refuses owners (403), a month in the future or outside the plan (400 naming month)', async () => {
    await t.as('owner_transport').post('/api/bulletins').send({ month: '2026-09' }).expect(403);
    expect(fieldSet((await t.as('reviewer').post('/api/bulletins').send({ month: '2026-11' }).expect(400)).body)).toEqual(['month']);
    expect(fieldSet((await t.as('reviewer').post('/api/bulletins').send({ month: '2025-12' }).expect(400)).body)).toEqual(['month']);
    expect(fieldSet((await t.as('reviewer').post('/api/bulletins').send({}).expect(400)).body)).toEqual(['month']);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM bulletin`)).rows[0].n).toBe(0);
  });

  let id: string;

  it('generates a draft: 202 generating, then draft; the reviewers are notified once', async () => {
    const { body } = await t.as('reviewer').post('/api/bulletins').send({ month: '2026-09' }).expect(202);
    expect(body).toEqual({ id: expect.any(String), month: '2026-09', status: 'generating', version: 1 });
    id = body.id;
    const draft = await settled(id);
    expect(draft).toMatchObject({ month: '2026-09', version: 1, failureReason: null, documentUrl: `/api/bulletins/${id}/document.docx` });
    const { rows } = await waitFor('the reviewer to be notified', async () => {
      const result = await t.db.query(
        `SELECT n.title, n.body, n.link FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.username = 'reviewer' AND n.dedupe_key = $1`,
        [`bulletin-${id}-v1`],
      );
      return result.rows.length > 0 && result;
    });
    expect(rows).toEqual([{ title: '【调度通报】2026年1—9月调度通报草稿已生成', body: expect.stringContaining('请审阅后发布'), link: `/bulletins/${id}` }]);
    expect(codeTokens(`${rows[0].title} ${rows[0].body}`)).toEqual([]);
    // And by mail (workflow mail is on by default), linking to the bulletin; once per reviewer.
    const mails = (
      await t.db.query(
        `SELECT m.subject, m.text FROM mail_outbox m JOIN app_user u ON u.id = m.user_id WHERE u.username = 'reviewer' AND m.dedupe_key LIKE $1`,
        [`bulletin-${id}-v1-%`],
      )
    ).rows;
    expect(mails).toEqual([{ subject: rows[0].title, text: expect.stringContaining(`/bulletins/${id}`) }]);
    expect(codeTokens(mails[0].text)).toEqual([]);
    const list = (await t.as('reviewer').get('/api/bulletins').expect(200)).body;
    expect(list.items.map((item: Bulletin) => item.id)).toEqual([id]);
  });

  it('owners see no draft: not listed, 404', async () => {
    expect((await t.as('owner_transport').get('/api/bulletins').expect(200)).body.items).toEqual([]);
    await t.as('owner_transport').get(`/api/bulletins/${id}`).expect(404);
    await t.as('owner_transport').get(`/api/bulletins/${id}/document.docx`).expect(404);
  });

  it('the .docx opens in LibreOffice and states the district completion rate of the summary', async () => {
    const summary = (await t.as('reviewer').get('/api/investment/summary').query({ year: 2026, month: 9, by: 'district' }).expect(200)).body.items[0];
    const res = await t.as('reviewer').get(`/api/bulletins/${id}/document.docx`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('綦江区重点项目调度通报-2026-09.docx'));
    await writeFile(join(directory, 'bulletin.docx'), res.body as Buffer);
    await run(
      'soffice',
      [`-env:UserInstallation=file://${directory}/profile`, '--headless', '--convert-to', 'txt:Text', '--outdir', directory, join(directory, 'bulletin.docx')],
      {
        timeout: 120_000,
      },
    );
    const text = await readFile(join(directory, 'bulletin.txt'), 'utf8');
    expect(summary.completionRate).toBe(30.3);
    expect(text).toContain(`投资完成率 ${summary.completionRate.toFixed(2)}%`);
    expect(text).toContain('1—9月');
  }, 180_000);

  it('the .xlsx annex: its 全区合计 plan and completed equal GET /api/investment/summary?by=district', async () => {
    const summary = (await t.as('reviewer').get('/api/investment/summary').query({ year: 2026, month: 9, by: 'district' }).expect(200)).body.items[0];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(`/api/bulletins/${id}/annex.xlsx`)) as unknown as ArrayBuffer);
    for (const name of ['按投资类型', '按规划章节']) {
      const sheet = workbook.getWorksheet(name);
      const rows = (sheet?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
      const total = rows.find((row) => row[1] === '全区合计');
      expect(total?.[3]).toBe(Number(summary.plannedInvestment));
      expect(total?.[5]).toBe(Number(summary.completedYtd));
    }
    expect(summary).toMatchObject({ plannedInvestment: '1805.34', completedYtd: '547.00' });
    // By 投资类型 the rows add up to the district (a project without a type is a row of its own).
    const byType = (workbook.getWorksheet('按投资类型')?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    const planned = (label: string) => Number(byType.find((row) => row[1] === label)?.[3] ?? 0);
    expect(planned('政府投资') + planned('企业投资') + planned('未填报投资类型')).toBeCloseTo(planned('全区合计'), 2);
    const figures = (await t.db.query(`SELECT figures FROM bulletin WHERE id = $1`, [id])).rows[0].figures;
    expect(figures.adjustments).toEqual([expect.objectContaining({ originalInvestment: '1200.00', plannedInvestment: '1000.00', reason: '中期调整' })]);
    expect(figures.behind.map((project: { light: string }) => project.light)).toEqual(['red', 'red']);
    expect(figures.lateReports.map((report: { submittedOn: string | null }) => report.submittedOn)).toEqual([null, null]);
  });

  it('generating again before publishing replaces the draft (same bulletin, next version, the new figures)', async () => {
    await seedReport(t.db, transport[1], '2026-09', '20');
    const { body } = await t.as('admin').post('/api/bulletins').send({ month: '2026-09' }).expect(202);
    expect(body).toMatchObject({ id, status: 'generating', version: 2 });
    await settled(id, 'draft', 2);
    const { rows } = await t.db.query(`SELECT figures -> 'district' ->> 'completedYtd' AS completed FROM bulletin WHERE month = '2026-09'`);
    expect(rows).toEqual([{ completed: '567.00' }]);
  });

  it('publishing freezes the month: snapshot taken, its reports 409 month_locked naming the bulletin; twice 409; no regeneration', async () => {
    const published = (await t.as('reviewer').post(`/api/bulletins/${id}/publish`).expect(200)).body;
    expect(published).toMatchObject({ id, status: 'published', publishedByName: expect.any(String) });
    const snapshot = (await t.db.query(`SELECT data FROM investment_snapshot WHERE year = 2026 AND month = 9 AND dimension = 'district'`)).rows;
    expect(snapshot.map((row) => row.data.completedYtd)).toEqual(['567.00']);

    const locked = await t.as('owner_transport').put(`/api/projects/${transport[2]}/monthly-reports/2026-09`).send({ completedInvestment: '5' }).expect(409);
    expect(locked.body).toMatchObject({ code: 'month_locked', months: ['2026-09'], bulletins: [{ id, month: '2026-09' }] });
    const grid = (await t.as('reviewer').get('/api/monthly-reports').query({ month: '2026-09' }).expect(200)).body;
    expect(JSON.stringify(grid)).toContain('"locked":true');
    // The next month stays open.
    await t.as('owner_transport').put(`/api/projects/${transport[2]}/monthly-reports/2026-10`).send({ completedInvestment: '5' }).expect(200);

    expect((await t.as('reviewer').post(`/api/bulletins/${id}/publish`).expect(409)).body).toMatchObject({ code: 'bulletin_published', bulletinId: id });
    expect((await t.as('reviewer').post('/api/bulletins').send({ month: '2026-09' }).expect(409)).body).toMatchObject({ code: 'bulletin_published' });
    expect(await bulletin(id)).toMatchObject({ status: 'published', version: 2 });

    // Published, it is the leadership's: owners read and download it.
    expect((await t.as('owner_water').get('/api/bulletins').expect(200)).body.items.map((item: Bulletin) => item.id)).toEqual([id]);
    expect((await download(`/api/bulletins/${id}/annex.xlsx`, 'owner_water')).subarray(0, 2).toString()).toBe('PK');
  });

  it('publishing what is not a draft is 409 bulletin_not_ready; an unknown bulletin 404', async () => {
    await t.as('reviewer').post('/api/bulletins/00000000-0000-4000-8000-000000000000/publish').expect(404);
    await t.as('owner_transport').post(`/api/bulletins/${id}/publish`).expect(403);
  });

  it('a generation that keeps failing ends failed with the reason, and writes no files', async () => {
    await t.db.query(`ALTER TABLE investment_plan_version RENAME TO investment_plan_version_away`);
    try {
      const { body } = await t.as('reviewer').post('/api/bulletins').send({ month: '2026-08' }).expect(202);
      const failed = await settled(body.id, 'failed');
      expect(failed.failureReason).toContain('investment_plan_version');
      expect(failed.documentUrl).toBeNull();
      await t.as('reviewer').get(`/api/bulletins/${body.id}/document.docx`).expect(409);
      const notReady = await t.as('reviewer').post(`/api/bulletins/${body.id}/publish`).expect(409);
      expect(notReady.body).toMatchObject({ code: 'bulletin_not_ready', bulletinStatus: 'failed', bulletinId: body.id });
      const { rows } = await t.db.query(`SELECT document IS NULL AND annex IS NULL AND figures IS NULL AS empty FROM bulletin WHERE id = $1`, [body.id]);
      expect(rows).toEqual([{ empty: true }]);
    } finally {
      await t.db.query(`ALTER TABLE investment_plan_version_away RENAME TO investment_plan_version`);
    }
  }, 60_000);
});
