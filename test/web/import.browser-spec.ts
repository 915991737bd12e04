import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { Page } from 'playwright-core';
import { editTemplate, templateRows } from '../import/milestone-sheet';
import { savedByLibreOffice, savedByOpenpyxl, TemplateEdits } from '../import/office-suites';
import { ARTIFACTS, ConsoleBrowser } from '../support/browser';
import { bootTestApp, TestApp } from '../support/test-app';

/** The one browser global this file needs (the project's tsconfig has no DOM library). */
type BrowserWindow = { getComputedStyle(element: unknown): { color: string } };

jest.setTimeout(180_000);

/**
 * The Excel import on 我的项目 in Debian's Chromium (playwright-core), against the API on a real port serving
 * dist/web: download the template, edit it with exceljs as a user would in Excel (or with openpyxl, or in LibreOffice
 * Calc, as test/import/office-suites.ts saves it), upload, preview, confirm.
 */
describe('批量导入 on 我的项目, in Chromium', () => {
  let t: TestApp;
  let web: ConsoleBrowser;
  const work = mkdtempSync(join(tmpdir(), 'qj-import-'));

  beforeAll(async () => {
    t = await bootTestApp();
    web = await ConsoleBrowser.start(t);
  });

  // Every page a test opens works under the API's Content-Security-Policy.
  afterEach(() => expect(web?.cspViolations.splice(0) ?? []).toEqual([]));

  afterAll(async () => {
    await web?.close();
    await t?.close();
  });

  const milestone = async (id: unknown) =>
    (await t.db.query(`SELECT forecast_date::text AS forecast, actual_date::text AS actual, version FROM milestone WHERE id = $1`, [id])).rows[0];

  /** 我的项目 of 区交通局's owner, in a page of the test's own. */
  async function myProjects(): Promise<Page> {
    const page = await web.open(1280, 900);
    await web.signIn(page, 'owner_transport');
    await page.getByRole('link', { name: '我的项目' }).click();
    await page.getByTestId('milestone-import').waitFor();
    return page;
  }

  async function downloadTemplate(page: Page): Promise<Buffer> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^里程碑更新模板-区交通局-\d{4}-\d{2}-\d{2}\.xlsx$/);
    return readFileSync(await download.path());
  }

  async function upload(page: Page, file: Buffer, name: string): Promise<void> {
    const path = join(work, name);
    writeFileSync(path, file);
    await page.getByTestId('milestone-import').locator('input[type=file]').setInputFiles(path);
    await page.getByTestId('import-preview').waitFor();
  }

  it('an owner downloads the template, changes a forecast date in it, previews, confirms, and sees the new date in the milestone table', async () => {
    const page = await myProjects();
    const file = await downloadTemplate(page);
    const [row] = await templateRows(file);
    const before = await milestone(row['里程碑ID']);
    // The project's milestones are open on the page while the import runs: they must refresh by themselves.
    const project = page.locator('[data-testid=my-projects-table] tbody tr', { has: page.getByRole('link', { name: String(row['项目名称']), exact: true }) });
    await project.getByRole('button', { name: /展开|Expand/ }).click();
    const milestoneRow = page.locator('[data-testid=milestone-table] tbody tr', { hasText: String(row['里程碑']) }).first();
    await milestoneRow.waitFor();
    await expect(milestoneRow.textContent()).resolves.not.toContain('2031-07-15');
    await upload(page, await editTemplate(file, { [row['里程碑ID'] as string]: { 当前预计日期: '2031-07-15' } }), '里程碑更新-已填写.xlsx');

    const preview = page.getByTestId('import-preview');
    await preview.getByText('里程碑更新-已填写.xlsx：共').waitFor();
    await expect(preview.textContent()).resolves.toContain('待更新 1 行');
    const line = preview.locator('[data-testid=import-preview-table] tbody tr', { hasText: String(row['里程碑']) });
    await expect(line.locator('td').first().textContent()).resolves.toBe(String(row.rowNumber));
    await expect(line.textContent()).resolves.toContain('预计日期：');
    await expect(line.textContent()).resolves.toContain('2031-07-15');
    expect(await milestone(row['里程碑ID'])).toEqual(before);

    await page.getByTestId('import-confirm').click();
    await page.getByText('导入成功：更新了 1 个里程碑').waitFor();
    await page.getByTestId('import-preview').waitFor({ state: 'detached' });
    expect(await milestone(row['里程碑ID'])).toMatchObject({ forecast: '2031-07-15', version: before.version + 1 });

    await milestoneRow.getByText('2031-07-15').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'import-applied.png'), fullPage: true });
  });

  it.each([
    ['openpyxl', '2031-03-15', (template: Buffer, edits: TemplateEdits, directory: string) => savedByOpenpyxl(template, edits, directory)],
    [
      'LibreOffice Calc',
      '2031-05-20',
      async (template: Buffer, edits: TemplateEdits, directory: string) => savedByLibreOffice(await editTemplate(template, edits), directory),
    ],
  ])('the template saved by %s is read: the preview shows the one change, and confirming applies it', async (suite, date, save) => {
    const page = await myProjects();
    const file = await downloadTemplate(page);
    const [row] = await templateRows(file);
    const before = await milestone(row['里程碑ID']);
    const saved = await save(file, { [row['里程碑ID'] as string]: { 当前预计日期: date, 更新说明: `${suite} 保存` } }, mkdtempSync(join(work, 'suite-')));
    await upload(page, saved, `里程碑更新-${suite}.xlsx`);

    const preview = page.getByTestId('import-preview');
    await preview.getByText(`里程碑更新-${suite}.xlsx：共`).waitFor();
    await expect(preview.textContent()).resolves.toContain('待更新 1 行');
    await expect(preview.textContent()).resolves.toContain('有错误 0 行');
    const line = preview.locator('[data-testid=import-preview-table] tbody tr', { hasText: String(row['里程碑']) });
    await expect(line.locator('td').first().textContent()).resolves.toBe(String(row.rowNumber));
    await expect(line.textContent()).resolves.toContain(date);

    await page.getByTestId('import-confirm').click();
    await page.getByText('导入成功：更新了 1 个里程碑').waitFor();
    expect(await milestone(row['里程碑ID'])).toMatchObject({ forecast: date, version: before.version + 1 });
  });

  it('in English, a file that holds no workbook is refused in English, saying why, and nothing is previewed', async () => {
    const page = await web.open(1280, 900);
    await web.signIn(page, 'owner_transport');
    await page.evaluate("localStorage.setItem('qj.lang', 'en')");
    await page.goto(`${web.base}/mine`);
    await page.getByTestId('milestone-import').waitFor();
    const word = new JSZip();
    word.file('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');
    word.file('word/document.xml', '<document/>');
    const path = join(work, 'renamed-document.xlsx');
    writeFileSync(path, await word.generateAsync({ type: 'nodebuffer' }));
    await page.getByTestId('milestone-import').locator('input[type=file]').setInputFiles(path);
    await page.getByText('The file holds no Excel workbook (perhaps a Word, PowerPoint or other file renamed): upload an .xlsx workbook').waitFor();
    await expect(page.getByTestId('import-preview').count()).resolves.toBe(0);
  });

  it('a file with a bad row shows that row’s error in red, cannot be confirmed, and changes nothing', async () => {
    const page = await myProjects();
    const file = await downloadTemplate(page);
    const [first, second] = await templateRows(file);
    const before = [await milestone(first['里程碑ID']), await milestone(second['里程碑ID'])];
    const edited = await editTemplate(file, {
      [first['里程碑ID'] as string]: { 当前预计日期: '2032-01-20' },
      [second['里程碑ID'] as string]: { 当前预计日期: '明年六月' },
    });
    await upload(page, edited, '里程碑更新-有错误.xlsx');

    const preview = page.getByTestId('import-preview');
    await preview.getByText('有 1 行有错误').waitFor();
    const line = preview.locator('[data-testid=import-preview-table] tbody tr', { hasText: '明年六月' });
    await expect(line.locator('td').first().textContent()).resolves.toBe(String(second.rowNumber));
    const error = line.getByText('当前预计日期「明年六月」不是有效日期，请填写如 2027-06-30 的日期');
    await error.waitFor();
    expect(await error.evaluate((el) => (globalThis as unknown as BrowserWindow).getComputedStyle(el).color)).toBe('rgb(255, 77, 79)');
    await expect(page.getByTestId('import-confirm').isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'import-errors.png'), fullPage: true });
    expect([await milestone(first['里程碑ID']), await milestone(second['里程碑ID'])]).toEqual(before);
  });
});
