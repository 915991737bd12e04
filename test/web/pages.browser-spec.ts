import { join } from 'node:path';
import { Page } from 'playwright-core';
import { addDays, isoWeekOf, todayIn, weekLabel } from '@qj/domain';
import { RollupRepository } from '@qj/persistence';
import { AlertsService } from '../../apps/worker/src/alerts/alerts.service';
import { DigestProcessor } from '../../apps/worker/src/digest/digest.processor';
import { ProcessorsModule } from '../../apps/worker/src/processors.module';
import { ARTIFACTS, ConsoleBrowser } from '../support/browser';
import { waitFor } from '../support/processes';
import { bootTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

interface Overdue {
  milestoneId: string;
  milestoneName: string;
  projectId: string;
  projectName: string;
  unitId: string;
  unitName: string;
}

/**
 * The console's notifications, digest preview and dashboard pages in Debian's Chromium (playwright-core),
 * against the API on a real port serving dist/web, and every main page at a phone's width.
 * Screenshots go to test/artifacts/pages-*.png.
 */
describe('notifications, digest preview and dashboard pages', () => {
  let t: TestApp;
  let web: ConsoleBrowser;
  let overdue: Overdue;
  const today = todayIn('Asia/Shanghai');
  const thisWeek = isoWeekOf(today).key;
  const lastWeek = isoWeekOf(addDays(today, -7)).key;
  // What subjects and titles say of the week (第48周（11月23日—29日）); links and keys keep the ISO code.
  const thisWeekLabel = weekLabel(thisWeek);
  const rollups = () => t.app.get(RollupRepository);

  beforeAll(async () => {
    t = await bootTestApp({ env: { PUBLIC_URL: 'http://tracker.test' }, modules: [ProcessorsModule] });
    web = await ConsoleBrowser.start(t);

    // A quiet district (nothing overdue, nothing stale), snapshotted as last week.
    await t.db.query(`UPDATE milestone SET forecast_date = $1 WHERE status = 'pending'`, [addDays(today, 400)]);
    await t.db.query(`UPDATE project SET last_activity_at = now()`);
    await rollups().recomputeAll({ today, timeZone: 'Asia/Shanghai' });
    // Instead of the snapshot the first start took this week: the tests below take this week's themselves.
    await t.db.query(`DELETE FROM rollup_snapshot`);
    await rollups().snapshot(lastWeek);

    // Then one milestone of 区交通局 three days overdue, and the alert path run for its project.
    const { rows } = await t.db.query(
      `SELECT m.id AS "milestoneId", m.name AS "milestoneName", p.id AS "projectId", p.name AS "projectName", u.id AS "unitId", u.name AS "unitName"
       FROM milestone m JOIN project p ON p.id = m.project_id JOIN unit u ON u.id = p.unit_id
       WHERE u.code = 'transport' AND m.status = 'pending' ORDER BY p.plan_order, m.sort_order LIMIT 1`,
    );
    overdue = rows[0];
    await t.db.query(`UPDATE milestone SET forecast_date = $2 WHERE id = $1`, [overdue.milestoneId, addDays(today, -3)]);
    const scan = await t.app.get(AlertsService).scan({ projectId: overdue.projectId });
    expect(scan.alerts).toBe(1);
    await rollups().recomputeAll({ today, timeZone: 'Asia/Shanghai' });
  });

  // Every page a test opens works under the API's Content-Security-Policy.
  afterEach(() => expect(web?.cspViolations.splice(0) ?? []).toEqual([]));

  afterAll(async () => {
    await web?.close();
    await t?.close();
  });

  /** Waits until every chart on the page has finished drawing (the EChart component's data-rendered). */
  async function chartsRendered(page: Page, testIds: string[]): Promise<void> {
    for (const id of testIds) await page.locator(`[data-testid=${id}][data-rendered=true]`).waitFor();
  }

  it('GET /api/me/digest-preview composes the signed-in recipient’s own digest, sending nothing', async () => {
    const mailsBefore = (await t.db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE kind = 'digest'`)).rows[0].n;
    const owner = await t.as('owner_transport').get('/api/me/digest-preview').expect(200);
    expect(Object.keys(owner.body).sort()).toEqual(['html', 'subject', 'text']);
    expect(owner.body.subject).toBe(`【每周简报】${overdue.unitName} ${thisWeekLabel}：逾期 1 项，14 天内到期 0 项`);
    expect(owner.body.text).toContain(`${overdue.projectName}`);
    expect(owner.body.text).toContain(overdue.milestoneName);
    expect(owner.body.html).toContain('<html');

    const reviewer = await t.as('reviewer').get('/api/me/digest-preview').expect(200);
    expect(reviewer.body.subject).toMatch(new RegExp(`^【每周简报】全区重大项目 ${thisWeekLabel}：`));
    expect(reviewer.body.text).toContain(`${overdue.unitName}：1 个`);

    // Admins receive no digest: they preview anyone's through the admin route instead.
    await t.as('admin').get('/api/me/digest-preview').expect(403);
    await t.http.get('/api/me/digest-preview').expect(401);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE kind = 'digest'`)).rows[0].n).toBe(mailsBefore);
  });

  it('an owner sees the unread badge on the bell, opens the notification, marks it read and sets e-mail preferences', async () => {
    const page = await web.open();
    await web.signIn(page, 'owner_transport');
    const bell = page.getByTestId('notification-bell');
    await page.locator('[data-testid=notification-bell][data-unread="1"]').waitFor();
    await page.locator('.app-header sup.ant-badge-count[title="1"]').waitFor();

    await bell.click();
    await page.waitForURL(`${web.base}/notifications`);
    const item = page.getByTestId('notification').filter({ hasText: overdue.projectName });
    await item.getByText('逾期', { exact: true }).waitFor();
    await expect(item.getAttribute('data-read')).resolves.toBe('false');
    await expect(item.getByRole('link').getAttribute('href')).resolves.toBe(`/projects/${overdue.projectId}`);
    await page.screenshot({ path: join(ARTIFACTS, 'pages-notifications.png'), fullPage: true });

    await item.getByRole('button', { name: '标为已读' }).click();
    await page.locator('[data-testid=notification][data-read=true]').filter({ hasText: overdue.projectName }).waitFor();
    await page.locator('[data-testid=notification-bell][data-unread="0"]').waitFor();
    await expect(page.getByTestId('mark-all-read').isDisabled()).resolves.toBe(true);
    const inbox = await t.as('owner_transport').get('/api/notifications').expect(200);
    expect(inbox.body.unread).toBe(0);
    expect(inbox.body.items[0].readAt).not.toBeNull();

    // The digest e-mail off, then on again: each switch is saved at once.
    const preferences = async () => (await t.as('owner_transport').get('/api/me/notification-preferences').expect(200)).body;
    // Polled: the switch saves by a request of the page's own, not through the queues.
    const digestSwitch = page.getByRole('switch', { name: '每周简报邮件' });
    await digestSwitch.click();
    await page.locator('[role=switch][aria-label=每周简报邮件][aria-checked=false]').waitFor();
    await waitFor('the digest e-mail turned off', async () => (await preferences()).digest === false);
    await digestSwitch.click();
    await page.locator('[role=switch][aria-label=每周简报邮件][aria-checked=true]').waitFor();
    await waitFor('the digest e-mail turned on', async () => (await preferences()).digest === true);
    expect(await preferences()).toEqual({ alert: true, workflow: true, digest: true, report: true });

    // The link opens the project the notification is about.
    await item.getByRole('link').click();
    await page.waitForURL(`${web.base}/projects/${overdue.projectId}`);
  });

  it('says what will appear when there is no notification yet', async () => {
    const page = await web.open();
    await web.signIn(page, 'owner_water');
    await page.goto(`${web.base}/notifications`);
    await page.getByText('暂无通知。本单位项目的里程碑逾期').waitFor();
    await expect(page.getByTestId('mark-all-read').isDisabled()).resolves.toBe(true);
  });

  it('an owner previews this week’s digest, HTML in a sandboxed frame or as plain text, and sees the overdue milestone', async () => {
    const page = await web.open();
    await web.signIn(page, 'owner_transport');
    await page.goto(`${web.base}/notifications`);
    await page.getByRole('link', { name: '预览本周简报' }).click();
    await page.waitForURL(`${web.base}/digest-preview`);
    await page.getByTestId('digest-subject').getByText(`【每周简报】${overdue.unitName} ${thisWeekLabel}：逾期 1 项`).waitFor();
    const frame = page.getByTestId('digest-html');
    // An empty sandbox: no scripts, an opaque origin.
    await expect(frame.getAttribute('sandbox')).resolves.toBe('');
    await page.frameLocator('[data-testid=digest-html]').getByText(overdue.milestoneName).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'pages-digest-preview.png'), fullPage: true });

    await page.getByTestId('digest-part').getByText('纯文本').click();
    await expect(page.getByTestId('digest-text').textContent()).resolves.toContain(overdue.milestoneName);
  });

  it('an admin picks a user and previews their digest', async () => {
    const page = await web.open();
    await web.signIn(page, 'admin');
    await page.goto(`${web.base}/digest-preview`);
    await page.getByTestId('digest-user').click();
    await page.keyboard.type('owner_transport');
    await (await web.restingDropdown(page, 'select')).locator('.ant-select-item-option').filter({ hasText: 'owner_transport' }).click();
    await page.getByTestId('digest-subject').getByText(`【每周简报】${overdue.unitName} ${thisWeekLabel}：逾期 1 项`).waitFor();
  });

  it('the dashboard shows overdue milestones by unit (a bar opens that unit’s overdue projects) and the weekly trend', async () => {
    // Only last week's snapshot: the trend says so rather than drawing one point.
    const page = await web.open(1920, 1080);
    await web.signIn(page, 'reviewer');
    await page.waitForURL(`${web.base}/dashboard`);
    await page
      .getByTestId('chart-trend-empty')
      .getByText(`目前只有 ${weekLabel(lastWeek)} 一周的快照`)
      .waitFor();

    await rollups().snapshot(thisWeek);
    await page.reload();
    await chartsRendered(page, ['chart-stages', 'chart-rag', 'chart-funnel', 'chart-targets', 'chart-overdue-units', 'chart-trend']);
    await expect(page.getByTestId('trend').getAttribute('data-weeks')).resolves.toBe('2');
    const history = await t.as('reviewer').get('/api/rollups/history').query({ by: 'unit', key: overdue.unitId }).expect(200);
    expect(history.body.items.map((s: { week: string; data: { overdueMilestones: number } }) => [s.week, s.data.overdueMilestones])).toEqual([
      [lastWeek, 0],
      [thisWeek, 1],
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'pages-dashboard-1920.png'), fullPage: true });

    // One unit has an overdue milestone: its bar spans the plot's width, about half-way down (below the
    // category band's centre by the x axis' labels); a click beside it on the canvas does nothing, so try a few heights.
    // The chart may sit below the fold (the chapter chart grows with the catalog): a click must land inside the viewport.
    await page.getByTestId('chart-overdue-units').scrollIntoViewIfNeeded();
    const box = (await page.getByTestId('chart-overdue-units').boundingBox())!;
    for (const y of [0.46, 0.5, 0.42, 0.54, 0.38]) {
      if (new URL(page.url()).pathname !== '/dashboard') break;
      await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * y);
      await page.waitForTimeout(300);
    }
    await page.waitForURL(
      (url) => url.pathname === '/projects' && url.searchParams.get('unit') === overdue.unitId && url.searchParams.get('overdue') === 'true',
    );
    await page.getByRole('link', { name: overdue.projectName, exact: true }).waitFor();
    await page.getByTestId('list-total').getByText('共 1 项').waitFor();
  });

  it('the dashboard fits 1280×800', async () => {
    // Two weeks of snapshots, so the trend is drawn (a second snapshot of the week changes nothing).
    await rollups().snapshot(thisWeek);
    const page = await web.open(1280, 800);
    await web.signIn(page, 'reviewer');
    await chartsRendered(page, ['chart-stages', 'chart-rag', 'chart-funnel', 'chart-targets', 'chart-overdue-units', 'chart-trend']);
    expect(await web.sidewaysOverflow(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'pages-dashboard-1280.png'), fullPage: true });
  });

  it('the week’s digest appears under 通知 and opens in the console as it was sent', async () => {
    const userId = (await t.db.query(`SELECT id FROM app_user WHERE username = 'owner_transport'`)).rows[0].id;
    expect(await t.app.get(DigestProcessor).send(userId, thisWeek)).toBe('queued');
    const page = await web.open();
    await web.signIn(page, 'owner_transport');
    await page.goto(`${web.base}/notifications`);
    const item = page.getByTestId('notification').filter({ hasText: `【每周简报】${overdue.unitName} ${thisWeekLabel}` });
    await item.getByText('周报', { exact: true }).waitFor();
    await expect(item.getByRole('link').getAttribute('href')).resolves.toBe(`/digests/${thisWeek}`);
    await item.getByRole('link').click();
    await page.waitForURL(`${web.base}/digests/${thisWeek}`);
    // The title names the week as the mail does, not by its ISO code.
    await page.getByTestId('digest-week-title').getByText(`每周简报 ${thisWeekLabel}`).waitFor();
    // As composed for the week's Monday (which may precede the milestone's lateness): the stored subject, whatever it counts.
    const subject = (await t.db.query(`SELECT subject FROM digest WHERE user_id = $1 AND week = $2`, [userId, thisWeek])).rows[0].subject;
    expect(subject).toMatch(new RegExp(`^【每周简报】${overdue.unitName} ${thisWeekLabel}：`));
    await page.getByTestId('digest-subject').getByText(subject).waitFor();
    await page.frameLocator('[data-testid=digest-html]').getByText(overdue.milestoneName).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'pages-digest-week.png'), fullPage: true });
  });

  it.each([
    ['owner_transport', ['/mine', '/projects', `/projects/:project`, '/problems', '/plan', '/notifications', '/digest-preview']],
    ['reviewer', ['/dashboard', '/projects', '/approvals', '/problems', '/problems?tab=supervision', '/plan', '/notifications', '/digest-preview']],
    ['admin', ['/admin', '/digest-preview']],
  ])('at 375 px wide every main page of %s fits the screen: no horizontal scrolling of the page', async (username, paths) => {
    const page = await web.open(375, 812);
    await web.signIn(page, username);
    const overflowing: Array<{ path: string; culprits: string[] }> = [];
    for (const path of paths) {
      const url = path.replace(':project', overdue.projectId);
      await page.goto(`${web.base}${url}`);
      await web.loaded(page);
      for (const frame of page.frames()) await frame.waitForLoadState('load');
      await page.screenshot({ path: join(ARTIFACTS, `pages-phone-${username}${path.replace(/[/:]+/g, '-')}.png`), fullPage: true });
      const culprits = await web.sidewaysOverflow(page);
      if (culprits.length) overflowing.push({ path: url, culprits });
    }
    expect(overflowing).toEqual([]);
  });
});
