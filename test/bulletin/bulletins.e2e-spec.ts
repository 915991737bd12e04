import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Clock } from '@qj/config';
import { PROBLEM_CATEGORY_LABELS, todayIn } from '@qj/domain';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ProcessorsModule } from '../../apps/worker/src/processors.module';
import { binary, fieldsOf } from '../investment/support';
import { codeTokens } from '../notifications/readable-text';
import { freshProjectsOf, markStarted, seedPlan, seedReport, seedReports } from '../support/investment';
import { seedNotice, seedProblem } from '../support/problems';
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
  const units: Record<string, { id: string; name: string }> = {};
  const problemTitles = { landA: '施工用地未报批', landB: '红线范围调整', fundingC: '配套资金未到位', fundingD: '专项债额度待定', approvalF: '环评批复滞后' };

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

    // The 问题清单 of September 2026, at known instants in Chongqing (the bulletin counts calendar days there).
    for (const row of (await t.db.query(`SELECT id, code, name FROM unit`)).rows) units[row.code] = { id: row.id, name: row.name };
    // Raised in August, assigned to water, due 09-10, still open: open and overdue 20 days at the month's end.
    const problemA = await seedProblem(t.db, {
      projectId: transport[0],
      title: problemTitles.landA,
      category: 'land',
      raisedAt: '2026-08-20T10:00:00+08:00',
      unitId: units.water.id,
      dueDate: '2026-09-10',
    });
    // Raised at 00:30 on 09-01 there (still August in UTC), due on the month's last day: raised in September, not overdue.
    await seedProblem(t.db, {
      projectId: transport[1],
      title: problemTitles.landB,
      category: 'land',
      raisedAt: '2026-09-01T00:30:00+08:00',
      unitId: units.water.id,
      dueDate: '2026-09-30',
    });
    // Raised and closed (销号) in September.
    const problemC = await seedProblem(t.db, {
      projectId: water[0],
      title: problemTitles.fundingC,
      category: 'funding',
      raisedAt: '2026-09-05T10:00:00+08:00',
      unitId: units.transport.id,
      dueDate: '2026-09-15',
      closedAt: '2026-09-20T10:00:00+08:00',
    });
    // Raised at 23:30 on the month's last day, not yet assigned (未交办).
    await seedProblem(t.db, { projectId: transport[2], title: problemTitles.fundingD, category: 'funding', raisedAt: '2026-09-30T23:30:00+08:00' });
    // Closed at 23:30 on 08-31 there (still August): nothing in September.
    const problemF = await seedProblem(t.db, {
      projectId: transport[0],
      title: problemTitles.approvalF,
      category: 'approval',
      raisedAt: '2026-07-01T10:00:00+08:00',
      unitId: units.transport.id,
      dueDate: '2026-08-01',
      closedAt: '2026-08-31T23:30:00+08:00',
    });
    // 督办单: one in August, one in September, one at 07:00 on 10-01 there (09-30 in UTC).
    await seedNotice(t.db, {
      problemId: problemF,
      unitId: units.transport.id,
      year: 2026,
      sequence: 1,
      dueDate: '2026-08-01',
      replyBy: '2026-08-10',
      issuedAt: '2026-08-05T09:00:00+08:00',
    });
    await seedNotice(t.db, {
      problemId: problemA,
      unitId: units.water.id,
      year: 2026,
      sequence: 2,
      dueDate: '2026-09-10',
      replyBy: '2026-09-19',
      issuedAt: '2026-09-14T09:00:00+08:00',
    });
    await seedNotice(t.db, {
      problemId: problemC,
      unitId: units.transport.id,
      year: 2026,
      sequence: 3,
      dueDate: '2026-09-15',
      replyBy: '2026-10-06',
      issuedAt: '2026-10-01T07:00:00+08:00',
    });
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

  it('the .docx states the month’s 问题清单 and 督办单, and the district’s 前期手续办结率 as GET /api/prework/summary gives it', async () => {
    const xml = await (await JSZip.loadAsync(await download(`/api/bulletins/${id}/document.docx`))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('9月新增问题 3 个，销号 1 个；截至9月30日，未销号问题 3 个，其中超过办结时限的 1 个。');
    expect(text).toContain('以下 1 个问题超过办结时限仍未销号');
    expect(text).toContain('9月印发督办单 1 份：');
    expect(text).toContain('督办〔2026〕2号');
    expect(text).not.toContain('督办〔2026〕1号');
    expect(text).not.toContain('督办〔2026〕3号');
    const prework = (await t.as('reviewer').get('/api/prework/summary').query({ by: 'district' }).expect(200)).body.items[0];
    expect(prework.required).toBeGreaterThan(0);
    expect(text).toContain(
      `应办要件 ${prework.required} 项（其中不适用 ${prework.notApplicable} 项），已办结 ${prework.done} 项，前期手续办结率 ${prework.rate.toFixed(2)}%`,
    );
  });

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

  it('the .xlsx annex: the month’s 问题清单 by category and by unit, its overdue problems and 督办单, exactly, and as GET /api/problems counts them on the last day', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(`/api/bulletins/${id}/annex.xlsx`)) as unknown as ArrayBuffer);
    const values = (name: string) => Array.from(workbook.getWorksheet(name)?.getSheetValues() ?? [], (row) => (Array.isArray(row) ? row.slice(1) : []));
    const problems = values('问题清单');
    const block = (header: string) => {
      const start = problems.findIndex((row) => row[0] === header);
      const end = problems.findIndex((row, index) => index > start && row[0] === '全区合计');
      return problems.slice(start + 1, end + 1) as Array<[string, number, number, number, number]>;
    };
    // 本月新增, 本月销号, 月末未销号, 其中逾期
    expect(block('问题类别')).toEqual([
      ['用地', 1, 0, 2, 1],
      ['征地拆迁', 0, 0, 0, 0],
      ['资金', 2, 1, 1, 0],
      ['审批', 0, 0, 0, 0],
      ['水电气等要素', 0, 0, 0, 0],
      ['规划', 0, 0, 0, 0],
      ['其他', 0, 0, 0, 0],
      ['全区合计', 3, 1, 3, 1],
    ]);
    expect(block('交办单位')).toEqual([
      [units.water.name, 1, 0, 2, 1],
      [units.transport.name, 1, 1, 0, 0],
      ['未交办', 1, 0, 1, 0],
      ['全区合计', 3, 1, 3, 1],
    ]);
    const overdueHeader = problems.findIndex((row) => row[0] === '问题' && row[5] === '逾期天数');
    expect(problems.slice(overdueHeader + 1).filter((row) => row.length)).toEqual([
      [problemTitles.landA, expect.any(String), '用地', units.water.name, '2026-09-10', 20],
    ]);
    expect(values('督办单').filter((row) => row.length)).toEqual([
      ['督办单编号', '问题', '所属项目', '督办单位', '印发日期', '要求回复日期'],
      ['督办〔2026〕2号', problemTitles.landA, expect.any(String), units.water.name, '2026-09-14', '2026-09-19'],
    ]);

    // The same figures as the problem list answers on 2026-09-30 (its own filters; raised and closed by their instants there).
    const clock = t.app.get(Clock);
    const generatedAt = clock.now();
    clock.setNow(new Date('2026-09-30T23:59:00+08:00'));
    try {
      const list = async (query: Record<string, string | boolean>) =>
        (await t.as('reviewer').get('/api/problems').query(query).expect(200)).body as {
          total: number;
          items: Array<{ createdAt: string; closedAt: string | null }>;
        };
      const inSeptember = (instant: string | null) => instant !== null && todayIn('Asia/Shanghai', new Date(instant)).startsWith('2026-09');
      const figures = async (filter: Record<string, string>) => {
        const { items } = await list(filter);
        return [
          items.filter((problem) => inSeptember(problem.createdAt)).length,
          items.filter((problem) => inSeptember(problem.closedAt)).length,
          (await list({ ...filter, status: 'open' })).total + (await list({ ...filter, status: 'assigned' })).total,
          (await list({ ...filter, overdue: true })).total,
        ];
      };
      const categories = new Map(Object.entries(PROBLEM_CATEGORY_LABELS).map(([code, label]) => [label as string, code]));
      for (const [label, ...numbers] of block('问题类别')) {
        expect([label, ...(await figures(label === '全区合计' ? {} : { category: categories.get(label) as string }))]).toEqual([label, ...numbers]);
      }
      const unitIds = new Map(Object.values(units).map((unit) => [unit.name, unit.id]));
      for (const [label, ...numbers] of block('交办单位').filter(([label]) => label !== '未交办' && label !== '全区合计')) {
        expect([label, ...(await figures({ unitId: unitIds.get(label) as string }))]).toEqual([label, ...numbers]);
      }
    } finally {
      clock.setNow(generatedAt);
    }
  });

  it('the .xlsx annex: 前期手续办结率 per unit and for the district, as GET /api/prework/summary gives them', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(`/api/bulletins/${id}/annex.xlsx`)) as unknown as ArrayBuffer);
    const rows = Array.from(workbook.getWorksheet('前期手续')?.getSheetValues() ?? [], (row) => (Array.isArray(row) ? row.slice(1) : []));
    type Row = { label: string; projects: number; required: number; notApplicable: number; done: number; rate: number | null };
    const cells = (row: Row) => [row.label, row.projects, row.required, row.notApplicable, row.done, ...(row.rate === null ? [] : [row.rate])];
    const byUnit: Row[] = (await t.as('reviewer').get('/api/prework/summary').query({ by: 'unit' }).expect(200)).body.items;
    const [district]: Row[] = (await t.as('reviewer').get('/api/prework/summary').query({ by: 'district' }).expect(200)).body.items;
    expect(byUnit.length).toBeGreaterThan(1);
    expect(rows.slice(1, byUnit.length + 3)).toEqual([
      ['责任单位', '前期项目数', '应办要件', '不适用', '已办结', '办结率（%）'],
      ...byUnit.map(cells),
      cells({ ...district, label: '全区合计' }),
    ]);
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
