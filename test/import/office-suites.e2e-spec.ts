import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Response } from 'supertest';
import { bootTestApp, TestApp } from '../support/test-app';
import { editTemplate, templateRows } from './milestone-sheet';
import { leanRepackaged, savedByLibreOffice, savedByOpenpyxl } from './office-suites';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
  res.on('error', (error: Error) => callback(error, Buffer.alloc(0)));
}

interface ImportRow {
  milestoneId: string | null;
  status: string;
  changes: Array<{ field: string; from: string | null; to: string | null }>;
}

/**
 * The template comes back from whatever suite the office uses. Each fixture is made by this run from a template the app
 * just wrote: openpyxl (its own part names and absolute targets; exceljs crashed on its comments part), LibreOffice
 * (re-saved by `soffice --convert-to xlsx`), and a lean package with inline strings and no styles (as some WPS and web
 * exports write it; dates are then bare serial numbers).
 */
describe('milestone import of templates saved by other office suites', () => {
  let t: TestApp;
  let directory: string;
  beforeAll(async () => {
    t = await bootTestApp();
    directory = await mkdtemp(join(tmpdir(), 'office-suites-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
    await t.close();
  });

  const download = async () =>
    (await t.as('owner_transport').get('/api/milestones/import-template.xlsx').buffer(true).parse(binary).expect(200)).body as Buffer;
  const upload = (file: Buffer, filename = '里程碑更新.xlsx') =>
    t.as('owner_transport').post('/api/milestones/import').query({ dryRun: 'true' }).attach('file', file, { filename, contentType: XLSX });

  /** The preview of the upload must show exactly the one change made, as it would for the template Excel saved. */
  async function expectOneChange(file: Buffer, milestoneId: string, from: unknown, to: string) {
    const res = await upload(file).expect(200);
    expect(res.body.summary).toMatchObject({ update: 1, error: 0 });
    const row = res.body.rows.find((r: ImportRow) => r.milestoneId === milestoneId);
    expect(row).toMatchObject({ status: 'update', changes: [{ field: 'forecastDate', from, to }] });
  }

  it('openpyxl: the edited template (with the header’s notes as openpyxl writes comments) is read, not refused', async () => {
    const template = await download();
    const [row] = await templateRows(template);
    const file = await savedByOpenpyxl(template, { [row['里程碑ID'] as string]: { 当前预计日期: '2028-03-15', 更新说明: '征地进度调整' } }, directory);
    const names = Object.keys((await JSZip.loadAsync(file)).files);
    // What made exceljs crash: comments under a name and at an absolute target of openpyxl's own.
    expect(names).toContain('xl/comments/comment1.xml');
    await expectOneChange(file, row['里程碑ID'] as string, row['当前预计日期'], '2028-03-15');
  });

  it('LibreOffice: the template edited and saved again by LibreOffice Calc is read', async () => {
    const template = await download();
    const [row] = await templateRows(template);
    const file = await savedByLibreOffice(await editTemplate(template, { [row['里程碑ID'] as string]: { 当前预计日期: '2029-09-30' } }), directory);
    expect((await JSZip.loadAsync(file)).file('docProps/app.xml')).not.toBeNull();
    expect(await (await JSZip.loadAsync(file)).file('docProps/app.xml')!.async('string')).toMatch(/LibreOffice/);
    await expectOneChange(file, row['里程碑ID'] as string, row['当前预计日期'], '2029-09-30');
  }, 180_000);

  it('a lean package (inline strings, no shared strings, no styles: dates as serial numbers) is read', async () => {
    const template = await download();
    const [row] = await templateRows(template);
    const file = await leanRepackaged(await savedByOpenpyxl(template, { [row['里程碑ID'] as string]: { 当前预计日期: '2030-01-31' } }, directory), directory);
    const zip = await JSZip.loadAsync(file);
    expect(zip.file('xl/styles.xml')).toBeNull();
    expect(zip.file('xl/sharedStrings.xml')).toBeNull();
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toContain('t="inlineStr"');
    await expectOneChange(file, row['里程碑ID'] as string, row['当前预计日期'], '2030-01-31');
  });

  it('a file that really cannot be read is refused with why: another document renamed, the old .xls or a password', async () => {
    const word = new JSZip();
    word.file('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');
    word.file('word/document.xml', '<document/>');
    const renamed = await upload(await word.generateAsync({ type: 'nodebuffer' })).expect(400);
    expect(renamed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(renamed.body.errors).toEqual([{ field: 'file', message: expect.stringContaining('文件中没有 Excel 工作簿') }]);

    // The first bytes of an OLE compound file: what Excel writes for .xls, and for an .xlsx with an opening password.
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    const legacy = await upload(ole).expect(400);
    expect(legacy.body.errors).toEqual([{ field: 'file', message: expect.stringContaining('旧版 .xls 格式或设置了打开密码') }]);
  });
});
