import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { bootTestApp, TestApp } from '../support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = [
  '序号',
  '项目名称',
  '所属专栏',
  '所在章',
  '所在篇',
  '行业领域',
  '责任单位',
  '当前阶段',
  '2030年目标',
  '规划表述',
  '红黄绿灯',
  '最近更新',
  '项目代码',
  '总投资（万元）',
];
/** The investment figures' columns, named for the list's period (test/investment/project-list-figures checks their values). */
const headerOf = (period: { year: number; month: number }) => [
  ...HEADER,
  `${period.year}年度计划（万元）`,
  `1—${period.month}月累计完成（万元）`,
  '完成率（%）',
];

/** supertest buffers JSON and text; an .xlsx must be collected as bytes. */
function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
  res.on('error', (error: Error) => callback(error, Buffer.alloc(0)));
}

async function readSheet(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rowValues = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  const rows: unknown[][] = [];
  for (let n = 4; n <= sheet.rowCount; n += 1) rows.push(rowValues(n));
  return { sheet, title: String(sheet.getCell('A1').value), subtitle: String(sheet.getCell('A2').value), header: rowValues(3), rows };
}

describe('导出 Excel: GET /api/projects/export.xlsx', () => {
  let t: TestApp;
  beforeAll(async () => (t = await bootTestApp()));
  afterAll(() => t.close());

  const exportOf = (query: Record<string, string | number>, user = 'reviewer') =>
    t.as(user).get('/api/projects/export.xlsx').query(query).buffer(true).parse(binary);

  it('is not taken for /api/projects/:id, and answers an .xlsx with the Chinese name in the disposition', async () => {
    const res = await exportOf({ sector: 'transport' }).expect(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="qijiang-projects\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(res.headers['content-disposition'].split("UTF-8''")[1])).toMatch(/^綦江区十五五重大项目台账_\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect((res.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  it('has a title row, a subtitle naming the filters, a frozen header with autofilter, and the rows of the filtered list', async () => {
    const list = await t.as('reviewer').get('/api/projects').query({ sector: 'transport', pageSize: 200 }).expect(200);
    const res = await exportOf({ sector: 'transport' }).expect(200);
    const { sheet, title, subtitle, header, rows } = await readSheet(res.body);

    expect(title).toBe('綦江区“十五五”规划重大项目台账');
    expect(subtitle).toContain('行业领域：交通');
    expect(subtitle).toContain(`共 ${list.body.total} 项`);
    expect(header).toEqual(headerOf(list.body));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);

    expect(res.headers['x-total-count']).toBe(String(list.body.total));
    expect(rows).toHaveLength(list.body.total);
    expect(rows.map((row) => row[1])).toEqual(list.body.items.map((p: { name: string }) => p.name));
    expect(rows.map((row) => row[0])).toEqual(rows.map((_, i) => i + 1));
    const yggt = rows.find((row) => row[1] === '渝贵高铁')!;
    expect(yggt).toBeDefined();
    expect(yggt[5]).toBe('交通');
    expect(yggt[6]).toBe('区交通局');
    expect(yggt[7]).toBe('前期研究');
    expect(yggt[8]).toBe('开工建设');
    expect(['绿灯', '黄灯', '红灯']).toContain(yggt[10]);
    expect(String(yggt[2])).toMatch(/^专栏\d+ /);
    expect(String(yggt[3])).toMatch(/^第.+章 /);
  });

  it('carries each project’s 项目代码 and 总投资 as PATCH /api/projects/:id set them (blank where not set)', async () => {
    const listed = (await t.as('reviewer').get('/api/projects').query({ sector: 'transport', pageSize: 200 }).expect(200)).body.items;
    const yggt = listed.find((p: { name: string }) => p.name === '渝贵高铁');
    const project = (await t.as('reviewer').get(`/api/projects/${yggt.id}`).expect(200)).body;
    await t
      .as('reviewer')
      .patch(`/api/projects/${yggt.id}`)
      .send({ version: project.version, projectCode: '2501-500110-04-01-654321', totalInvestment: '1234567.89' })
      .expect(200);
    const { rows } = await readSheet((await exportOf({ sector: 'transport' }).expect(200)).body);
    const row = rows.find((r) => r[1] === '渝贵高铁')!;
    expect(row.slice(12, 14)).toEqual(['2501-500110-04-01-654321', 1234567.89]);
    const other = rows.find((r) => r[1] !== '渝贵高铁')!;
    expect(other.slice(12, 14).every((cell) => cell === undefined || cell === '' || cell === null)).toBe(true);
  });

  it('walks every page of the list: every project, in the requested sort', async () => {
    const total = (await t.as('reviewer').get('/api/projects').query({ pageSize: 1 }).expect(200)).body.total;
    expect(total).toBeGreaterThan(200);
    const res = await exportOf({ sort: '-name', pageSize: 5, page: 3 }).expect(200);
    const { rows } = await readSheet(res.body);
    expect(rows).toHaveLength(total);
    const first = await t.as('reviewer').get('/api/projects').query({ sort: '-name', pageSize: 3 }).expect(200);
    expect(rows.slice(0, 3).map((row) => row[1])).toEqual(first.body.items.map((p: { name: string }) => p.name));
  });

  it('takes the other filters too (pinyin q, stage), and an empty result is a sheet with only the header', async () => {
    const byQ = await readSheet((await exportOf({ q: 'yggt' }).expect(200)).body);
    expect(byQ.rows.map((row) => row[1])).toContain('渝贵高铁');
    expect(byQ.subtitle).toContain('关键词：yggt');
    const none = await readSheet((await exportOf({ stage: 'cancelled', year: 2026, month: 3 }).expect(200)).body);
    expect(none.header).toEqual(headerOf({ year: 2026, month: 3 }));
    expect(none.rows).toHaveLength(0);
  });

  it('an owner may export too; without a token it is 401, a bad filter 400 naming it, both problem+json', async () => {
    await exportOf({ unit: 'transport' }, 'owner_transport').expect(200);
    const anonymous = await t.http.get('/api/projects/export.xlsx').expect(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    const bad = await t.as('reviewer').get('/api/projects/export.xlsx').query({ sector: 'rail' }).expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['sector']);
  });

  it('leaves GET /api/projects/:id working for real ids', async () => {
    const list = await t.as('reviewer').get('/api/projects').query({ pageSize: 1 }).expect(200);
    await t.as('reviewer').get(`/api/projects/${list.body.items[0].id}`).expect(200);
    await t.as('reviewer').get('/api/projects/export.csv').expect(400);
  });
});
