import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConsoleBrowser, WEB_DIST } from '../support/browser';
import { launch, ROOT } from '../support/processes';
import { bootTestApp, DEMO_PASSWORD, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

type Res = { status: number; headers: Record<string, string | string[] | undefined> };

/**
 * Issue 11, item 5: the headers every response carries, /metrics outside the embedded default, and the console and the
 * docs working under the CSP in Chromium; and item 4's side in the console: the prompt to change a demo password.
 */
describe('security headers, and the console under them', () => {
  let t: TestApp;
  let web: ConsoleBrowser;
  beforeAll(async () => {
    t = await bootTestApp();
    // Builds the console when missing, and serves it on a real port for Chromium.
    web = await ConsoleBrowser.start(t);
  });
  afterAll(async () => {
    await web?.close();
    await t?.close();
  });

  function expectHardened(res: Res, what: string): void {
    const csp = String(res.headers['content-security-policy'] ?? '');
    try {
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-sql-statements']).toBeUndefined();
    } catch (error) {
      throw new Error(`${what} (${res.status}): ${(error as Error).message}`, { cause: error });
    }
  }

  it('every kind of response carries them: API JSON, problem+json errors, the console, its static files, the docs, the probes', async () => {
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(readFileSync(join(WEB_DIST, 'index.html'), 'utf8'))?.[1];
    expect(script).toBeDefined();
    const token = await t.token('reviewer');
    const cases: Array<[string, Promise<Res>]> = [
      ['GET /api/projects', t.http.get('/api/projects').set('Authorization', `Bearer ${token}`).expect(200)],
      ['401 problem+json', t.http.get('/api/auth/me').expect(401)],
      ['404 problem+json', t.http.get('/api/no-such-route').expect(404)],
      ['400 malformed JSON', t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"username":').expect(400)],
      ['400 validation', t.http.post('/api/auth/login').send({}).expect(400)],
      ['the console page', t.http.get('/approvals').expect(200)],
      ['a console script', t.http.get(script as string).expect(200)],
      ['a public file', t.http.get('/favicon.svg').expect(200)],
      ['a missing asset', t.http.get('/assets/no-such-file.js').expect(404)],
      ['the docs', t.http.get('/api/docs').expect(200)],
      ['the OpenAPI document', t.http.get('/api/docs/openapi.json').expect(200)],
      ['/health', t.http.get('/health').expect(200)],
      ['/metrics', t.http.get('/metrics').expect(200)],
      ['the queue dashboard refusal', t.http.get('/admin/queues').set('Accept', 'text/html').expect(401)],
    ];
    for (const [what, res] of cases) expectHardened(await res, what);
  });

  it('x-sql-statements only with DEBUG_SQL_COUNT=true (off here)', async () => {
    const res = await t.as('reviewer').get('/api/projects').expect(200);
    expect(res.headers['x-sql-statements']).toBeUndefined();
  });

  it('start:api refuses to start without METRICS_TOKEN, in one line naming it', async () => {
    const run = launch(join(ROOT, 'dist/apps/api/apps/api/src/main.js'), {
      DATABASE_URL: t.env.DATABASE_URL,
      REDIS_URL: t.env.REDIS_URL,
      JWT_SECRET: 'x'.repeat(40),
      PORT: '0',
      METRICS_TOKEN: undefined,
    });
    const { code } = await run.exited;
    expect(code).toBe(1);
    const lines = run.output().trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^Configuration error: METRICS_TOKEN is required/)]);
  });

  it('Swagger UI at /api/docs renders under the CSP', async () => {
    const page = await web.open();
    await page.goto(`${web.base}/api/docs`);
    await page.getByText('綦江区“十五五”重大项目调度平台 API').first().waitFor();
    await page.locator('.opblock').first().waitFor();
    expect(web.cspViolations).toEqual([]);
  });

  it('a demo account is told to change its password; 修改密码 names the rule broken, then changes it and keeps the console signed in', async () => {
    const page = await web.open();
    await web.signIn(page, 'owner_transport');
    const banner = page.getByTestId('must-change-password');
    await banner.waitFor();
    await banner.getByRole('button', { name: '修改密码' }).click();
    const dialog = page.getByRole('dialog');
    const fill = async (current: string, next: string) => {
      await dialog.getByLabel('当前密码').fill(current);
      await dialog.getByLabel('新密码', { exact: true }).fill(next);
      await dialog.getByLabel('确认新密码').fill(next);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
    };
    await fill(DEMO_PASSWORD, 'Qwerty@12345');
    await dialog.getByText('newPassword 是常见密码，容易被猜中，请换一个').waitFor();
    await fill('not-my-password', 'Transport#Plan2031');
    await dialog.getByText('currentPassword 与当前密码不符').waitFor();
    const before = await page.evaluate("localStorage.getItem('qj.token')");
    await fill(DEMO_PASSWORD, 'Transport#Plan2031');
    await page.getByText('密码已修改，其他设备上的登录已失效').waitFor();
    await banner.waitFor({ state: 'detached' });
    // The old token is dead; the console holds the fresh one and stays signed in.
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${before}`).expect(401);
    await page.goto(`${web.base}/projects`);
    await page.getByTestId('whoami').waitFor();

    // 退出登录 ends the session on the server too.
    const current = await page.evaluate("localStorage.getItem('qj.token')");
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/login/);
    // Polled: the page's own logout request may still be on its way when the URL has changed.
    for (let i = 0; i < 50 && (await t.http.get('/api/auth/me').set('Authorization', `Bearer ${current}`)).status !== 401; i++) await page.waitForTimeout(100);
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${current}`).expect(401);
    await page.getByLabel('用户名').fill('owner_transport');
    await page.getByLabel('密码').fill('Transport#Plan2031');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    expect(await page.getByTestId('must-change-password').count()).toBe(0);
    expect(web.cspViolations).toEqual([]);
  });

  it('the console cannot be framed by another page', async () => {
    const page = await web.open();
    await page.setContent(`<iframe src="${web.base}/approvals" width="800" height="600"></iframe>`);
    // A refused frame fires no load event: poll for Chromium's report of the refusal (a fixed second may be too short on a loaded machine).
    for (let i = 0; i < 100 && !web.cspViolations.some((violation) => /frame-ancestors/.test(violation)); i++) await page.waitForTimeout(100);
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    // Chromium refuses the document (frame-ancestors 'none'): nothing of the console loads in the frame.
    expect(await framed?.locator('#root').count()).toBe(0);
    expect(web.cspViolations.some((violation) => /frame-ancestors/.test(violation))).toBe(true);
  });
});
