import { ConsoleBrowser } from '../support/browser';
import { bootTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/** What a new user sees on a fresh tracker: calm zeros and dates they can read. */
describe('a first look at a fresh tracker, in Chromium', () => {
  let t: TestApp;
  let web: ConsoleBrowser;

  beforeAll(async () => {
    t = await bootTestApp();
    web = await ConsoleBrowser.start(t);
  });

  afterEach(() => expect(web?.cspViolations.splice(0) ?? []).toEqual([]));

  afterAll(async () => {
    await web?.close();
    await t?.close();
  });

  it('an owner whose projects are all green reads 全部绿灯, not a red 0 / 0', async () => {
    await t.db.query(`UPDATE project SET rag = 'green'`);
    const page = await web.open();
    await web.signIn(page, 'owner_transport');
    await page.goto(`${web.base}/mine`);
    const stat = page.locator('.ant-statistic', { hasText: '红灯 / 黄灯' });
    await stat.getByText('全部绿灯').waitFor();
    expect(await stat.locator('.ant-statistic-content').getAttribute('style')).not.toMatch(/245, 34, 45|#f5222d/i);
  });

  it('dates read YYYY-MM-DD in English as in Chinese', async () => {
    const { rows } = await t.db.query(`SELECT id FROM project ORDER BY plan_order LIMIT 1`);
    const page = await web.open();
    await web.signIn(page, 'reviewer');
    await page.goto(`${web.base}/projects/${rows[0].id}`);
    const updated = page.locator('.ant-descriptions-item', { hasText: '最近更新' }).locator('.ant-descriptions-item-content');
    await updated.waitFor();
    expect(await updated.innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await page.getByRole('button', { name: '切换到英文' }).click();
    const english = page.locator('.ant-descriptions-item', { hasText: 'Updated' }).locator('.ant-descriptions-item-content');
    await english.waitFor();
    // en-GB wrote 28-11-2026.
    expect(await english.innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
  });
});
