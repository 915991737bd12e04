import { join } from 'node:path';
import { QUEUES } from '@qj/queue';
import { apiQueue, FAILURE_REASON, failForGood } from '../operations/dead-letters';
import { ARTIFACTS, ConsoleBrowser } from '../support/browser';
import { bootTestApp, TestApp } from '../support/test-app';

/**
 * The 运维 page in a real browser (Debian's Chromium driven by playwright-core, as in console.browser-spec.ts): an admin
 * reads the mail outbox, retries a job that failed for good, and opens the queue dashboard in a new tab.
 */
const MAIL_SUBJECT = '【逾期提醒】渝贵高铁：可行性研究报告批复已逾期 3 天';

jest.setTimeout(180_000);

describe('运维 page in Chromium', () => {
  let t: TestApp;
  let web: ConsoleBrowser;

  beforeAll(async () => {
    t = await bootTestApp();
    web = await ConsoleBrowser.start(t);

    await t.db.query(
      `INSERT INTO mail_outbox (to_address, kind, dedupe_key, subject, html, text, status, attempts, last_error)
       VALUES ('owner@example.test', 'alert', 'ops-page-1', $1, '<p>逾期</p>', '逾期', 'failed', 3, '550 5.1.1 mailbox unavailable')`,
      [MAIL_SUBJECT],
    );
    await failForGood(t, QUEUES.digest, [
      { id: 'ops-page-digest-1', name: 'digest.send', data: { userId: '00000000-0000-4000-8000-000000000001', week: '2026-W02' } },
    ]);
  });

  // Every page a test opens works under the API's Content-Security-Policy, but for bull-board's Google Fonts stylesheet,
  // blocked on purpose: the dashboard's HTML links fonts.googleapis.com; the CSP keeps admins' browsers from calling out.
  afterEach(() => expect((web?.cspViolations.splice(0) ?? []).filter((violation) => !/fonts\.googleapis\.com/.test(violation))).toEqual([]));

  afterAll(async () => {
    await web?.close();
    await t?.close();
  });

  it('an admin reads the outbox, retries a failed job and opens the queue dashboard in a new tab', async () => {
    const page = await web.signedInPage('admin');
    await page.getByRole('menuitem', { name: '运维' }).click();
    await page.waitForURL((url) => url.pathname === '/operations');

    // 邮件发件箱: the row, its status and error, and where mail goes without SMTP.
    const mailRow = page.locator('[data-testid=outbox-table] tbody tr', { hasText: MAIL_SUBJECT });
    await mailRow.waitFor();
    await mailRow.getByText('发送失败').waitFor();
    await mailRow.getByText('550 5.1.1 mailbox unavailable').waitFor();
    await page.getByText('.eml 文件保存在 var/outbox 目录下').waitFor();

    // 失败任务: the job, retried after a confirmation.
    await page.getByRole('tab', { name: '失败任务' }).click();
    const jobRow = page.locator('[data-testid=failed-jobs-table] tbody tr', { hasText: 'digest.send' });
    await jobRow.getByText(FAILURE_REASON).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'operations-failed-jobs.png'), fullPage: true });
    await jobRow.getByRole('button', { name: '重试' }).click();
    await page.locator('.ant-popconfirm-buttons:visible').getByRole('button', { name: '确定' }).click();
    await page.getByText('任务 ops-page-digest-1 已重新放回队列').waitFor();
    await page.getByText('没有失败任务').waitFor();
    expect(await apiQueue(t, QUEUES.digest).getJobState('ops-page-digest-1')).toBe('waiting');

    // 队列看板: a new tab, let in by the session cookie, listing the queues.
    const [dashboard] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('open-queue-dashboard').click()]);
    dashboard.setDefaultTimeout(30_000);
    await dashboard.waitForURL((url) => url.pathname.startsWith('/admin/queues'));
    await dashboard.getByText(`队列看板 · ${t.env.QUEUE_PREFIX}`).first().waitFor();
    for (const name of ['maintenance', 'digest', 'mail']) await dashboard.getByText(name, { exact: true }).first().waitFor();
    await dashboard.screenshot({ path: join(ARTIFACTS, 'operations-queue-dashboard.png') });
  });

  it('is not offered to a reviewer, and the dashboard refuses them', async () => {
    const page = await web.signedInPage('reviewer');
    await page.getByRole('menuitem', { name: '项目清单' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '运维' }).count()).toBe(0);
    await page.goto(`${web.base}/operations`);
    await page.getByText('403').first().waitFor();
    const refused = await page.goto(`${web.base}/admin/queues`);
    expect(refused?.status()).toBe(401);
    // A navigation carries no Bearer token and a reviewer never gets the cookie.
    await page.getByText('请先以管理员身份登录控制台').waitFor();
  });
});
