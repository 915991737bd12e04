import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import sharp from 'sharp';
import { Clock } from '@qj/config';
import { addDays, todayIn } from '@qj/domain';
import { ProcessorsModule } from '../../apps/worker/src/processors.module';
import { SupervisionService } from '../../apps/worker/src/supervision/supervision.service';
import { ARTIFACTS, chooseInDialog, ConsoleBrowser } from '../support/browser';
import { projectOf, ProjectRef } from '../support/factories';
import { bootTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/**
 * The problem list (问题清单) and 督办 in the console, in Chromium: an owner raises a problem on the project page with
 * a site photo, a reviewer assigns it from the problem list, the assigned unit's owner answers in its thread, the
 * reviewer closes it (销号); the 督办单 list offers the Word document; the dashboard counts the open problems as the
 * API does; at a phone's width the problem list fits the screen. Screenshots go to test/artifacts/problems-*.png.
 */
describe('problems (问题清单) and 督办 in the console', () => {
  let t: TestApp;
  let web: ConsoleBrowser;
  let project: ProjectRef;
  const today = todayIn('Asia/Shanghai');
  const work = mkdtempSync(join(tmpdir(), 'qj-problems-'));
  const title = '站场用地指标未落实';

  const openAs = async (username: string, path: string, width = 1280): Promise<Page> => {
    const page = await web.open(width, 900);
    await web.signIn(page, username);
    await page.goto(`${web.base}${path}`);
    return page;
  };

  beforeAll(async () => {
    t = await bootTestApp({ env: { VAR_DIR: work }, modules: [ProcessorsModule] });
    web = await ConsoleBrowser.start(t);
    project = await projectOf(t, 'transport', 0);
  });

  afterEach(() => expect(web?.cspViolations.splice(0) ?? []).toEqual([]));

  afterAll(async () => {
    t?.app.get(Clock).setNow(null);
    await web?.close();
    await t?.close();
  });

  it('an owner raises a problem with a photo on the project page; a reviewer assigns it; the assigned unit answers; the reviewer closes it (销号)', async () => {
    const photo = join(work, '现场照片.jpg');
    writeFileSync(
      photo,
      await sharp({ create: { width: 640, height: 480, channels: 3, background: '#2a6' } })
        .jpeg()
        .toBuffer(),
    );

    // The owner, on the project page.
    const owner = await openAs('owner_transport', `/projects/${project.id}`);
    const card = owner.getByTestId('project-problems');
    await card.getByText('该项目暂无问题').waitFor({ timeout: 60_000 });
    await card.getByTestId('raise-problem').click();
    const dialog = owner.getByRole('dialog');
    await dialog.getByLabel('问题标题').fill(title);
    await dialog.getByLabel('问题描述').fill('站场用地指标尚未下达，影响开工');
    await chooseInDialog(owner, '问题类别', '用地');
    await dialog.getByLabel('需解决日期').fill(addDays(today, 30));
    await dialog.getByLabel('需解决日期').press('Enter');
    await dialog.getByTestId('evidence-upload').locator('input[type=file][accept="image/*,application/pdf"]').setInputFiles(photo);
    await dialog.locator('[data-testid=file-thumbnail][data-loaded=true]').waitFor();
    expect(await dialog.getByTestId('evidence-upload').locator('input[type=file][capture=environment]').count()).toBe(1);
    await dialog.getByRole('button', { name: '提交' }).click();
    const row = card.getByTestId('project-problem').filter({ hasText: title });
    await row.locator('[data-status=open]').waitFor();
    const [raised] = (await t.db.query(`SELECT id, category, needed_by::text AS "neededBy" FROM problem WHERE title = $1`, [title])).rows;
    expect(raised).toMatchObject({ category: 'land', neededBy: addDays(today, 30) });
    const problemId = raised.id as string;
    // The thread on a click, with the photo as a thumbnail.
    await row.getByText(title).click();
    await owner.getByTestId('problem-files').locator('[data-testid=file-thumbnail][data-loaded=true]').waitFor();
    await owner.screenshot({ path: join(ARTIFACTS, 'problems-project-page.png') });

    // The reviewer assigns it from the problem list.
    const reviewer = await openAs('reviewer', '/problems');
    const listed = reviewer.locator(`[data-testid=problem-row][data-problem-id="${problemId}"]`);
    await listed.getByText(title).click();
    const drawer = reviewer.getByTestId('problem-detail');
    await drawer.getByTestId('problem-assign').click();
    await chooseInDialog(reviewer, '交办单位', '区水利局', true);
    const assignDialog = reviewer.getByRole('dialog').last();
    await assignDialog.getByLabel('办结时限').fill(addDays(today, 7));
    await assignDialog.getByLabel('办结时限').press('Enter');
    await assignDialog.getByRole('button', { name: '交办' }).click();
    await drawer
      .getByTestId('problem-assigned-unit')
      .filter({ hasText: `区水利局 · 办结时限 ${addDays(today, 7)}` })
      .waitFor();
    await listed.locator('[data-status=assigned]').waitFor();
    await listed.getByText('区水利局').waitFor();

    // The assigned unit's owner answers in the thread.
    const water = await openAs('owner_water', `/problems?problem=${problemId}`);
    const waterDrawer = water.getByTestId('problem-detail');
    await waterDrawer.getByLabel('写下办理情况或意见').fill('已协调规划资源局，下周下达用地指标');
    await waterDrawer.getByTestId('problem-reply-send').click();
    const reply = waterDrawer.getByTestId('problem-reply').filter({ hasText: '已协调规划资源局，下周下达用地指标' });
    // Its author, their unit and when.
    await reply.getByText('区水利局项目负责人').waitFor();
    await reply.getByText('区水利局', { exact: true }).waitFor();
    await reply.getByText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/).waitFor();

    // The reviewer closes it with a note; the thread shows the unit's answer.
    await reviewer.goto(`${web.base}/problems?problem=${problemId}`);
    await drawer.getByTestId('problem-reply').filter({ hasText: '已协调规划资源局' }).waitFor();
    await drawer.getByTestId('problem-close').click();
    const closeDialog = reviewer.getByRole('dialog').last();
    await closeDialog.getByLabel('销号说明（如何解决的）').fill('用地指标已下达');
    await closeDialog.getByRole('button', { name: '销号' }).click();
    await drawer.getByTestId('problem-close-note').filter({ hasText: '用地指标已下达' }).waitFor();
    await drawer.locator('[data-testid=problem-status][data-status=closed]').waitFor();
    await drawer.getByTestId('problem-reopen').waitFor();
    await reviewer.screenshot({ path: join(ARTIFACTS, 'problems-closed.png') });
    const problem = (await t.as('reviewer').get(`/api/problems/${problemId}`).expect(200)).body;
    expect(problem).toMatchObject({ status: 'closed', closeNote: '用地指标已下达', assignedUnitName: '区水利局', files: [{ name: '现场照片.jpg' }] });
    expect(problem.replies).toMatchObject([{ text: '已协调规划资源局，下周下达用地指标', authorUnitName: '区水利局' }]);
  });

  it('the 督办单 list shows a notice the daily scan issued, with its number, and downloads its Word document; the dashboard counts the open problems', async () => {
    // A problem of another transport project, due today, left overdue three days: the scan issues a 督办单.
    const other = await projectOf(t, 'transport', 1);
    const raised = await t
      .as('owner_transport')
      .post(`/api/projects/${other.id}/problems`)
      .send({ title: '施工用电未接入', description: '施工用电接入方案未批复', category: 'utilities', neededBy: addDays(today, 10) })
      .expect(201);
    const waterId = (await t.db.query(`SELECT id FROM unit WHERE code = 'water'`)).rows[0].id as string;
    await t.as('reviewer').post(`/api/problems/${raised.body.id}/assign`).send({ unitId: waterId, dueDate: today }).expect(200);
    t.app.get(Clock).setNow(new Date(`${addDays(today, 3)}T04:00:00Z`));
    await t.app.get(SupervisionService).scan();
    t.app.get(Clock).setNow(null);
    const [notice] = (
      await t.db.query(`SELECT id, year, sequence, reply_by::text AS "replyBy" FROM supervision_notice WHERE problem_id = $1`, [raised.body.id])
    ).rows;
    expect(notice).toBeDefined();

    const reviewer = await openAs('reviewer', '/problems?tab=supervision');
    const row = reviewer.locator(`[data-testid=notice-row][data-notice-id="${notice.id}"]`);
    await row.getByText(`督办〔${notice.year}〕${notice.sequence}号`).waitFor();
    await row.getByText('施工用电未接入').waitFor();
    await row.getByText('区水利局').waitFor();
    await row.getByText(notice.replyBy).waitFor();
    await row.getByTestId('notice-answered').getByText('未答复').waitFor();
    const [download] = await Promise.all([reviewer.waitForEvent('download'), row.getByTestId('notice-download').click()]);
    expect(download.suggestedFilename()).toBe(`督办单-${notice.year}-${notice.sequence}.docx`);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
    await reviewer.screenshot({ path: join(ARTIFACTS, 'problems-supervision.png') });

    // The dashboard's card says what the API counts (the figures themselves are test/problems/summary.e2e-spec.ts's).
    const summary = (await t.as('reviewer').get('/api/problems/summary').expect(200)).body;
    expect(summary.open).toBeGreaterThan(0);
    await reviewer.goto(`${web.base}/dashboard`);
    await reviewer
      .getByTestId('dash-problems-open')
      .filter({ hasText: `未销号 ${summary.open}` })
      .waitFor({ timeout: 60_000 });
    await reviewer
      .getByTestId('dash-problems-overdue')
      .filter({ hasText: `逾期 ${summary.overdue}` })
      .waitFor();
    for (const age of summary.byAge as Array<{ bucket: string; open: number }>) {
      expect(await reviewer.getByTestId(`dash-problems-age-${age.bucket}`).locator('div').first().textContent()).toBe(String(age.open));
    }
    await reviewer.locator('[data-testid=chart-problems][data-rendered=true]').waitFor();
  });

  it('at 375 px the problem list and the 督办单 list fit the screen: cards, no horizontal scrolling of the page', async () => {
    // A problem of its own, so the list has a card and the drawer something to show.
    const own = await projectOf(t, 'transport', 2);
    const raised = await t
      .as('owner_transport')
      .post(`/api/projects/${own.id}/problems`)
      .send({ title: '征地拆迁补偿标准未明确，群众意见较大，需区政府协调', description: '影响管线迁改', category: 'demolition', neededBy: addDays(today, 20) })
      .expect(201);
    const page = await openAs('owner_transport', '/problems', 375);
    for (const path of ['/problems', '/problems?tab=supervision', `/problems?problem=${raised.body.id as string}`]) {
      await page.goto(`${web.base}${path}`);
      await page.getByTestId('problems-page').waitFor();
      await web.settled(page);
      if (path === '/problems') await page.getByTestId('problem-row').first().waitFor();
      await page.screenshot({ path: join(ARTIFACTS, `problems-phone${path.replace(/[/?=&]+/g, '-')}.png`), fullPage: true });
      expect({ path, overflow: await web.sidewaysOverflow(page) }).toEqual({ path, overflow: [] });
    }
  });
});
