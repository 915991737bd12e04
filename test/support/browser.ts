import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page, Request } from 'playwright-core';
import { ROOT } from './processes';
import { DEMO_PASSWORD, TestApp } from './test-app';

export const WEB_DIST = join(ROOT, 'dist/web');
/** Where the browser suites leave their screenshots. */
export const ARTIFACTS = join(ROOT, 'test/artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Reports every Content-Security-Policy violation as a console error, so the suites can assert there are none: the
 * console and the docs must work under the API's CSP. Runs before the page's own scripts (and outside the CSP).
 */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' on ' + e.documentURI));`;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Debian's Chromium, headless, driven by playwright-core (which ships no browser of its own). */
async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the console's browser tests need it. Install it with ` +
        '`apt-get update && apt-get install -y chromium` (or point CHROMIUM_PATH at a Chromium binary).',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** What `restingDropdown` reads of an element in the page (the project's tsconfig has no DOM library). */
type AnimatedElement = { className: string; getAnimations(options: { subtree: boolean }): Array<{ finished: Promise<unknown> }> };

/** The suite's API on a real port serving the built console, and Chromium to open it in. */
export class ConsoleBrowser {
  private readonly contexts: BrowserContext[] = [];
  /** Requests each page has sent and not yet seen answered (or failed), for `settled`. */
  private readonly inFlight = new WeakMap<Page, Set<Request>>();
  /** Every CSP violation any page of this browser reported (Chromium's own console line or the event above). */
  readonly cspViolations: string[] = [];

  private constructor(
    private readonly browser: Browser,
    /** The console's origin, e.g. `http://127.0.0.1:40123`. */
    readonly base: string,
  ) {}

  static async start(t: TestApp): Promise<ConsoleBrowser> {
    // `npm test` builds everything first (pretest); a bare `jest` run builds the console here if it is missing.
    if (!existsSync(join(WEB_DIST, 'index.html'))) execFileSync('npm', ['run', 'web:build'], { cwd: ROOT, stdio: 'inherit' });
    mkdirSync(ARTIFACTS, { recursive: true });
    await t.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    // Launched last, so a failure before it leaves no browser behind.
    return new ConsoleBrowser(await launchChromium(), base);
  }

  /** A page in a fresh context (no session), as a user in Chongqing would see it at this viewport. */
  async open(width = 1280, height = 800): Promise<Page> {
    const context = await this.browser.newContext({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    this.contexts.push(context);
    await context.addInitScript({ content: REPORT_CSP_VIOLATIONS });
    // On the context, so pages opened from a page (a new tab) are heard too.
    context.on('console', (message) => {
      if (/CSP violation|Content Security Policy/.test(message.text())) this.cspViolations.push(message.text());
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const pending = new Set<Request>();
    this.inFlight.set(page, pending);
    page.on('request', (request) => pending.add(request));
    page.on('requestfinished', (request) => pending.delete(request));
    page.on('requestfailed', (request) => pending.delete(request));
    return page;
  }

  /**
   * Waits until the page has had no request in flight for `quietMs`. Chromium's own 'networkidle' wants 500 ms without
   * any connection and, on a loaded machine with the console's periodic fetches, may not see one within the timeout.
   */
  async settled(page: Page, quietMs = 300, timeoutMs = 30_000): Promise<void> {
    const pending = this.inFlight.get(page);
    if (!pending) throw new Error('settled() needs a page opened by ConsoleBrowser.open()');
    const deadline = Date.now() + timeoutMs;
    let quietSince = pending.size === 0 ? Date.now() : Infinity;
    while (Date.now() - quietSince < quietMs) {
      if (Date.now() > deadline) throw new Error(`requests still in flight after ${timeoutMs} ms: ${[...pending].map((r) => r.url()).join(', ')}`);
      await page.waitForTimeout(50);
      if (pending.size > 0) quietSince = Infinity;
      else if (quietSince === Infinity) quietSince = Date.now();
    }
  }

  /**
   * The open dropdown of a date picker or select, once it has stopped moving: it slides in, and a click on a cell during
   * the slide lands where the cell is about to be (a loaded machine once picked the date a row above the one named).
   */
  async restingDropdown(page: Page, kind: 'picker' | 'select'): Promise<Locator> {
    const dropdown = page.locator(`.ant-${kind}-dropdown:not(.ant-${kind}-dropdown-hidden)`).last();
    await dropdown.waitFor();
    await dropdown.evaluate(async (element: unknown) => {
      const animations = (element as AnimatedElement).getAnimations({ subtree: true });
      await Promise.all(animations.map((animation) => animation.finished.catch(() => undefined)));
    });
    await page.waitForFunction(
      (element: unknown) => element !== null && !/-(enter|appear)\b/.test((element as AnimatedElement).className),
      await dropdown.elementHandle(),
    );
    return dropdown;
  }

  /** The page's content has loaded: the app's frame is there, no skeleton or spinner is left, no request is in flight. */
  async loaded(page: Page): Promise<void> {
    await page.locator('.app-content').waitFor();
    await page
      .locator('.app-content .ant-skeleton, .app-content .ant-spin-spinning')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await this.settled(page);
  }

  /** What sticks out of the screen sideways: none when the page is no wider than the window, else the innermost elements past its edge. */
  async sidewaysOverflow(page: Page): Promise<string[]> {
    return (await page.evaluate(`(() => {
      if (document.documentElement.scrollWidth <= window.innerWidth) return [];
      const out = [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5);
      return out.filter((e) => !out.some((o) => o !== e && e.contains(o))).slice(0, 5).map((e) => e.tagName.toLowerCase() + '.' + String(e.className).split(' ').join('.'));
    })()`)) as string[];
  }

  /** Signs in through the login form with the demo password and waits to leave /login. */
  async signIn(page: Page, username: string): Promise<void> {
    await page.goto(`${this.base}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  /** A fresh page already signed in as `username`, by default on a wide desktop screen. */
  async signedInPage(username: string, width = 1440, height = 900): Promise<Page> {
    const page = await this.open(width, height);
    await this.signIn(page, username);
    return page;
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser.close();
  }
}

/**
 * Picks an option of the select labelled `field` in the open dialog (the last one, when another is still closing). The
 * dialog zooms in as it opens, so a click may land before the select is there, and one on an option still sliding in on
 * nothing: it is tried until the select shows the option. A long list renders only the options in view: with `search`
 * the select is narrowed by typing first.
 */
export async function chooseInDialog(page: Page, field: string, option: string, search = false): Promise<void> {
  const dialog = page.getByRole('dialog').last();
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option });
  const chosen = dialog.locator('.ant-select-selection-item', { hasText: option });
  for (let attempt = 1; ; attempt += 1) {
    try {
      await dialog.getByLabel(field).click({ force: true });
      if (search) await dialog.getByLabel(field).fill(option);
      await item.first().waitFor({ timeout: 2_000 });
      await item.first().click({ timeout: 2_000 });
      await chosen.waitFor({ timeout: 2_000 });
      return;
    } catch (error) {
      if (attempt === 5) throw error;
    }
  }
}
