import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Locator, Page } from 'playwright-core';
import { addDays, todayIn } from '@qj/domain';
import { projectOf } from '../support/factories';
import { ARTIFACTS, ConsoleBrowser } from '../support/browser';
import { bootTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/**
 * The administration pages in Chromium (playwright-core, as in console.browser-spec.ts): an admin creates a user,
 * resets their password in 用户与单位 (the user signs in with it and changes it in 个人设置) and disables them (their
 * session ends, sign-in fails, and the 操作日志 says who disabled them); a wrong current password is refused in 个人设置,
 * where the mail switches are too; a reviewer filters the 操作日志 and downloads its Excel export; and each page fits a
 * phone's width.
 */
describe('用户与单位, 个人设置 and 操作日志 in Chromium', () => {
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

  /** Signs in through the form with the given password and waits to leave /login. */
  async function signIn(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${web.base}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  /**
   * Picks an option of a select. A dialog zooms in as it opens and an option may still be sliding in, so a click can land
   * on nothing: it is tried again until the select shows the option as chosen. The option is typed first: a long list
   * renders only the options in view.
   */
  async function choose(page: Page, select: Locator, option: string): Promise<void> {
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
    const chosen = select.locator('xpath=ancestor-or-self::*[contains(@class,"ant-select ")][1]').locator('.ant-select-selection-item', { hasText: option });
    for (let attempt = 1; ; attempt += 1) {
      try {
        await select.click({ force: true });
        await page.keyboard.type(option);
        await item.waitFor({ timeout: 2_000 });
        await item.click({ timeout: 2_000 });
        await chosen.waitFor({ timeout: 2_000 });
        return;
      } catch (error) {
        if (attempt === 5) throw error;
        await page.keyboard.press('Escape');
      }
    }
  }

  it('an admin creates a user and resets their password; the user signs in and changes it; the admin disables them', async () => {
    const page = await web.open(1280, 900);
    await web.signIn(page, 'admin');
    await page.getByRole('menuitem', { name: '用户与单位' }).click();
    await page.waitForURL((url) => url.pathname === '/admin');

    // 新建用户: a password below the policy first, refused by the API under its field; then a good one.
    await page.getByTestId('create-user').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('li_si');
    await dialog.getByLabel('姓名').fill('李四');
    await choose(page, dialog.getByLabel('所属单位'), '区水利局');
    await dialog.getByLabel('邮箱').fill('lisi@qj.gov.cn');
    await dialog.getByLabel('初始密码').fill('password1');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.locator('.ant-form-item-explain-error', { hasText: 'password' }).waitFor();
    await dialog.getByLabel('初始密码').fill('Water#Plan2030');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('已创建用户 李四').waitFor();
    const row = page.locator('[data-testid=users-table] tbody tr', { hasText: 'li_si' });
    await row.getByText('区水利局').waitFor();
    const created = (await t.db.query(`SELECT id, role, email FROM app_user WHERE username = 'li_si'`)).rows[0];
    expect(created).toMatchObject({ role: 'owner', email: 'lisi@qj.gov.cn' });

    // The user signs in elsewhere; then the admin resets the password, which ends that session.
    const userPage = await web.open(1280, 800);
    await signIn(userPage, 'li_si', 'Water#Plan2030');

    await row.getByRole('button', { name: '重置密码' }).click();
    const reset = page.getByRole('dialog', { name: '重置 李四 的密码' });
    await reset.getByLabel('新密码', { exact: true }).fill('Reset#Water2031');
    await reset.getByLabel('确认新密码').fill('Reset#Water2031');
    await reset.getByRole('button', { name: '重置密码' }).click();
    await page.getByText('已重置 李四 的密码，其所有登录已失效').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'admin-users.png'), fullPage: true });

    // The old session is gone: the next request answers 401 and the console goes back to sign-in.
    await userPage.reload();
    await userPage.waitForURL((url) => url.pathname.startsWith('/login'));
    await signIn(userPage, 'li_si', 'Reset#Water2031');
    await userPage.getByTestId('whoami').getByText('李四').waitFor();

    // The user makes the password their own in 个人设置.
    await userPage.getByRole('menuitem', { name: '个人设置' }).click();
    const own = userPage.getByTestId('settings-password');
    await own.getByLabel('当前密码').fill('Reset#Water2031');
    await own.getByLabel('新密码', { exact: true }).fill('Mine#Water2032');
    await own.getByLabel('确认新密码').fill('Mine#Water2032');
    await userPage.getByTestId('settings-password-save').click();
    await userPage.getByText('密码已修改，其他设备上的登录已失效').waitFor();
    await t.http.post('/api/auth/login').send({ username: 'li_si', password: 'Reset#Water2031' }).expect(401);
    await t.http.post('/api/auth/login').send({ username: 'li_si', password: 'Mine#Water2032' }).expect(200);

    // 停用 after a confirm: the row reads 停用, the session ends at once, and the right password no longer signs in.
    await row.getByRole('button', { name: '停用' }).click();
    const confirm = page.locator('.ant-popconfirm:visible');
    await confirm.getByText('停用 李四？停用后不能登录，已登录的会话立即失效。').waitFor();
    await confirm.getByRole('button', { name: '确定' }).click();
    await page.getByText('已停用 李四').waitFor();
    await row.locator('.ant-badge-status-text', { hasText: '停用' }).waitFor();
    await row.getByRole('button', { name: '启用' }).waitFor();
    expect((await t.db.query(`SELECT active FROM app_user WHERE username = 'li_si'`)).rows).toEqual([{ active: false }]);
    await userPage.reload();
    await userPage.waitForURL((url) => url.pathname.startsWith('/login'));
    await userPage.getByLabel('用户名').fill('li_si');
    await userPage.getByLabel('密码').fill('Mine#Water2032');
    await userPage.getByRole('button', { name: '登录' }).click();
    await userPage.getByText('用户名或密码错误').waitFor();
    expect(new URL(userPage.url()).pathname).toBe('/login');

    // 操作日志 says who disabled whom, under the user's unit.
    await page.getByRole('menuitem', { name: '操作日志' }).click();
    await page.waitForURL((url) => url.pathname === '/audit-log');
    await choose(page, page.getByTestId('audit-kind'), '停用用户');
    const logged = page.getByTestId('audit-table').locator('tbody tr', { hasText: '停用用户 李四（li_si），其登录立即失效' });
    await logged.getByText('平台管理员').waitFor();
    await logged.getByText('区水利局').waitFor();
  });

  it('someone changes their own password in 个人设置, where their mail switches are too, and signs in with it', async () => {
    await t.as('admin').post('/api/admin/users').send({ username: 'wang_wu', displayName: '王五', role: 'reviewer', password: 'Review#Plan2030' }).expect(201);
    const page = await web.open(1280, 900);
    await signIn(page, 'wang_wu', 'Review#Plan2030');
    await page.getByRole('menuitem', { name: '个人设置' }).click();
    await page.waitForURL((url) => url.pathname === '/settings');
    await page.getByTestId('settings-profile').getByText('王五').waitFor();

    // Mail: turning the digest off is saved at once.
    const prefs = page.getByTestId('notification-preferences');
    await prefs.getByRole('switch', { name: '每周简报邮件' }).click();
    await page.getByText('已保存').first().waitFor();
    const { rows } = await t.db.query(
      `SELECT np.kind, np.enabled FROM notification_preference np JOIN app_user au ON au.id = np.user_id WHERE au.username = 'wang_wu' AND np.kind = 'digest'`,
    );
    expect(rows).toEqual([{ kind: 'digest', enabled: false }]);

    // A wrong current password is shown under its field; the right one changes it.
    const form = page.getByTestId('settings-password');
    await form.getByLabel('当前密码').fill('Wrong#Guess2030');
    await form.getByLabel('新密码', { exact: true }).fill('Review#Plan2031');
    await form.getByLabel('确认新密码').fill('Review#Plan2031');
    await page.getByTestId('settings-password-save').click();
    await form.locator('.ant-form-item-explain-error', { hasText: 'currentPassword' }).waitFor();
    await form.getByLabel('当前密码').fill('Review#Plan2030');
    await page.getByTestId('settings-password-save').click();
    await page.getByText('密码已修改，其他设备上的登录已失效').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'admin-settings.png'), fullPage: true });

    await page.getByTestId('sign-out').click();
    await page.waitForURL((url) => url.pathname.startsWith('/login'));
    await t.http.post('/api/auth/login').send({ username: 'wang_wu', password: 'Review#Plan2030' }).expect(401);
    await signIn(page, 'wang_wu', 'Review#Plan2031');
    await page.getByTestId('whoami').getByText('王五').waitFor();
  });

  it('a reviewer filters the operation log by unit and kind and downloads it as Excel', async () => {
    const today = todayIn('Asia/Shanghai');
    const problem = (title: string) => ({ title, description: '用地指标未落实', category: 'land', neededBy: addDays(today, 20) });
    const transport = await projectOf(t, 'transport', 5);
    const water = await projectOf(t, 'water', 5);
    await t.as('owner_transport').post(`/api/projects/${transport.id}/problems`).send(problem('交通项目征地受阻')).expect(201);
    await t.as('owner_water').post(`/api/projects/${water.id}/problems`).send(problem('水利项目征地受阻')).expect(201);

    const page = await web.open(1280, 900);
    await web.signIn(page, 'reviewer');
    await page.getByRole('menuitem', { name: '操作日志' }).click();
    await page.waitForURL((url) => url.pathname === '/audit-log');
    const table = page.getByTestId('audit-table');
    await table.getByText('水利项目征地受阻', { exact: false }).first().waitFor();

    await choose(page, page.getByTestId('audit-unit'), '区交通局');
    await choose(page, page.getByTestId('audit-kind'), '提出问题');
    await table.locator('tbody tr', { hasText: '交通项目征地受阻' }).getByText('区交通局项目负责人').waitFor();
    await table.getByText('水利项目征地受阻').waitFor({ state: 'detached' });
    await page.screenshot({ path: join(ARTIFACTS, 'admin-audit-log.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^操作日志_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet('操作日志');
    if (!sheet) throw new Error('no 操作日志 sheet');
    expect(String(sheet.getCell('A2').value)).toContain('单位：区交通局；类型：提出问题');
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['时间', '操作人', '单位', '项目', '项目代码', '操作类型', '内容']);
    const rows = [];
    for (let n = 4; n <= sheet.rowCount; n += 1) rows.push((sheet.getRow(n).values as unknown[]).slice(1));
    expect(rows).toEqual([[expect.any(String), '区交通局项目负责人', '区交通局', transport.name, '', '提出问题', expect.stringContaining('交通项目征地受阻')]]);
  });

  it.each([
    ['admin', ['/admin', '/settings', '/audit-log']],
    ['reviewer', ['/settings', '/audit-log']],
    ['owner_transport', ['/settings']],
  ])('at 375 px wide the pages of %s fit the screen, and at 1280 px every column shows', async (username, paths) => {
    const page = await web.open(375, 812);
    await web.signIn(page, username);
    for (const path of paths) {
      await page.goto(`${web.base}${path}`);
      await page.locator('.app-content .page-header').waitFor();
      await web.settled(page);
      await page.screenshot({ path: join(ARTIFACTS, `admin-phone-${username}${path.replace(/\//g, '-')}.png`), fullPage: true });
      expect([path, await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')]).toEqual([path, true]);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const path of paths.filter((p) => p !== '/settings')) {
      await page.goto(`${web.base}${path}`);
      await page.locator('.app-content .ant-table-thead').first().waitFor();
      await web.settled(page);
      // antd hides a responsive column by leaving its header out: every header the page defines is there.
      const headers = await page.locator('.app-content .ant-table-thead th').allInnerTexts();
      expect(headers.filter((text) => text.trim()).length).toBeGreaterThanOrEqual(path === '/admin' ? 8 : 6);
    }
  });
});
