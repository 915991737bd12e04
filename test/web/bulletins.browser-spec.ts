import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ProcessorsModule } from '../../apps/worker/src/processors.module';
import { ARTIFACTS, ConsoleBrowser } from '../support/browser';
import { freshProjectsOf, seedPlan, seedReports } from '../support/investment';
import { bootTestApp, TestApp } from '../support/test-app';

/**
 * 调度通报 in Chromium, the worker in the same process: a reviewer generates last month's bulletin, sees it become a
 * draft, downloads its Word document and publishes it; an owner then reads the published bulletin. Runs on the real
 * clock: the page's default month is last month.
 */
jest.setTimeout(240_000);

function lastMonth(): { month: string; year: number; m: number } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
  const [year, month] = today.split('-').map(Number);
  return month === 1 ? { month: `${year - 1}-12`, year: year - 1, m: 12 } : { month: `${year}-${String(month - 1).padStart(2, '0')}`, year, m: month - 1 };
}

describe('bulletins in Chromium', () => {
  let t: TestApp;
  let web: ConsoleBrowser;
  const { month, year, m } = lastMonth();

  beforeAll(async () => {
    if (year < 2026 || year > 2030) throw new Error(`the suite needs a last month within 2026–2030, not ${month}`);
    t = await bootTestApp({ modules: [ProcessorsModule] });
    web = await ConsoleBrowser.start(t);
    const [project] = await freshProjectsOf(t.db, 'transport', 1);
    await seedPlan(t.db, project, year, { planned: '1200' });
    await seedReports(
      t.db,
      project,
      year,
      Array.from({ length: m }, () => '50'),
    );
  });
  afterAll(async () => {
    await web?.close();
    await t?.close();
  });

  it('a reviewer generates last month’s bulletin, downloads the Word document of the draft and publishes it; an owner reads it', async () => {
    const reviewer = await web.signedInPage('reviewer');
    await reviewer.getByRole('menuitem', { name: '调度通报' }).click();
    await reviewer.waitForURL((url) => url.pathname === '/bulletins');
    await reviewer.getByRole('button', { name: '生成通报' }).click();
    const row = reviewer.locator('tbody tr', { hasText: month });
    // The worker writes the draft; the page looks again while one is generating.
    await row.getByText('草稿').waitFor({ timeout: 60_000 });

    const [download] = await Promise.all([reviewer.waitForEvent('download'), row.getByRole('button', { name: 'Word 通报' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const docx = await readFile((await download.path()) as string);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');

    await row.getByRole('button', { name: '发布' }).click();
    await reviewer.getByRole('button', { name: /确\s?定|OK/ }).click();
    await row.getByText('已发布').waitFor();
    await reviewer.screenshot({ path: join(ARTIFACTS, 'bulletins-reviewer.png'), fullPage: true });
    const [published] = (await t.as('reviewer').get('/api/bulletins').expect(200)).body.items.filter((b: { month: string }) => b.month === month);
    expect(published.status).toBe('published');

    // The notification's link opens the bulletin's row; an owner sees published ones, without generating.
    const owner = await web.signedInPage('owner_transport');
    await owner.goto(`${web.base}/bulletins/${published.id}`);
    const ownersRow = owner.locator('tbody tr.row-highlighted', { hasText: month });
    await ownersRow.getByText('已发布').waitFor();
    await ownersRow.getByRole('button', { name: 'Excel 附表' }).waitFor();
    expect(await owner.getByRole('button', { name: '生成通报' }).count()).toBe(0);
    expect(web.cspViolations).toEqual([]);
  });
});
