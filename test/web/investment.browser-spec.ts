import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { openTemplate, projectsOf } from '../investment/support';
import { ARTIFACTS, ConsoleBrowser } from '../support/browser';
import { bootTestApp, TestApp } from '../support/test-app';

/**
 * 月报填报, 投资调度 and the project page's investment card in Chromium. A reviewer issues two plans and an owner reports
 * January to September through the API; in the browser the owner fills in and submits the last month, and the reviewer
 * sees the district's rate and gap exactly as GET /api/investment/summary gives them, and the project's rate on its page.
 */
jest.setTimeout(240_000);

/** Last month in Asia/Shanghai, as the console picks it by default (the suite runs on the real clock). */
function lastMonth(): { month: string; year: number; m: number } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
  const [year, month] = today.split('-').map(Number);
  const y = month === 1 ? year - 1 : year;
  const m = month === 1 ? 12 : month - 1;
  return { month: `${y}-${String(m).padStart(2, '0')}`, year: y, m };
}

const rate = (value: number | null) => (value === null ? '—' : `${value.toFixed(2)}%`);

describe('investment console in Chromium', () => {
  let t: TestApp;
  let web: ConsoleBrowser;
  let onTrack: { id: string; name: string };
  let behind: { id: string; name: string };
  const { month, year, m } = lastMonth();
  const earlier = Array.from({ length: m - 1 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

  beforeAll(async () => {
    if (year < 2026 || year > 2030) throw new Error(`the suite needs a last month within 2026–2030, not ${month}`);
    t = await bootTestApp();
    web = await ConsoleBrowser.start(t);
    [onTrack, behind] = await projectsOf(t, 'transport', 2);
    await t.as('reviewer').put(`/api/projects/${onTrack.id}/investment-plans/${year}`).send({ plannedInvestment: '1200' }).expect(200);
    await t.as('reviewer').put(`/api/projects/${behind.id}/investment-plans/${year}`).send({ plannedInvestment: '1000' }).expect(200);
    for (const [project, amount] of [
      [onTrack, '100'],
      [behind, '5'],
    ] as const) {
      for (const earlierMonth of earlier) {
        const saved = await t
          .as('owner_transport')
          .put(`/api/projects/${project.id}/monthly-reports/${earlierMonth}`)
          .send({ completedInvestment: amount })
          .expect(200);
        await t
          .as('owner_transport')
          .post(`/api/projects/${project.id}/monthly-reports/${earlierMonth}/submit`)
          .send({ version: saved.body.version })
          .expect(200);
      }
    }
  });

  afterAll(async () => {
    await web?.close();
    await t?.close();
  });

  it('the owner fills in and submits the month in the grid; an amount with three decimals is refused before sending', async () => {
    const page = await web.signedInPage('owner_transport');
    await page.getByRole('menuitem', { name: '月报填报' }).click();
    await page.waitForURL((url) => url.pathname === '/monthly-reports');
    await page.getByTestId('report-grid-summary').getByText(`${month} 月报`).waitFor();

    const row = page.locator(`[data-testid=report-grid] tbody tr[data-project-id="${onTrack.id}"]`);
    await row.getByText('未填').waitFor();
    await row.getByTestId('report-amount').fill('1.234');
    await row.getByTestId('report-submit').click();
    await row.getByText('最多保留两位小数').waitFor();

    await row.getByTestId('report-amount').fill('100');
    await row.getByTestId('report-progress').fill('主体工程完成 60%');
    await row.getByTestId('report-problems').fill('征地拆迁尚有 3 户未签约');
    await row.getByTestId('report-submit').click();
    await page.locator(`[data-testid=report-grid] tbody tr[data-project-id="${onTrack.id}"][data-status=submitted]`).getByText('已报送').waitFor();

    const { body } = await t.as('reviewer').get(`/api/projects/${onTrack.id}/monthly-reports`).query({ year }).expect(200);
    const reported = body.months.find((item: { month: string }) => item.month === month);
    expect(reported).toMatchObject({
      status: 'submitted',
      report: { completedInvestment: '100.00', progress: '主体工程完成 60%', problems: '征地拆迁尚有 3 户未签约' },
    });
    await page.screenshot({ path: join(ARTIFACTS, 'investment-monthly-reports.png'), fullPage: true });
  });

  it('the reviewer sees the district rate and gap of the API’s summary, the red list, who has not reported, and the project’s rate', async () => {
    const { body: summary } = await t.as('reviewer').get('/api/investment/summary').query({ year, month: m, by: 'district' }).expect(200);
    const district = summary.items[0];
    const { body: figures } = await t.as('reviewer').get(`/api/projects/${onTrack.id}/investment`).query({ year, month: m }).expect(200);
    const { body: behindFigures } = await t.as('reviewer').get(`/api/projects/${behind.id}/investment`).query({ year, month: m }).expect(200);
    expect(district.completionRate).not.toBeNull();
    expect(district.gapPoints).toBeLessThan(0);
    expect(behindFigures.light).toBe('red');

    const page = await web.signedInPage('reviewer');
    await page.getByRole('menuitem', { name: '投资调度' }).click();
    await page.waitForURL((url) => url.pathname === '/investment');
    await page.getByTestId('district-rate').getByText(rate(district.completionRate)).waitFor();
    const gap = `低于序时进度 ${(-district.gapPoints).toFixed(2)} 个百分点`;
    await page.getByTestId('district-gap').getByText(gap).waitFor();
    await page.locator('[data-testid=chart-district-curve][data-rendered=true]').waitFor();
    await page.getByTestId('ranking-definition').waitFor();
    // The red list is the server's: the project with every reason of its light.
    const redRow = page.locator('[data-testid=red-list] tbody tr', { hasText: behind.name });
    await redRow.locator('[data-code=investment_behind]').getByText(behindFigures.lightReasons[0].text).waitFor();
    const { body: grid } = await t.as('reviewer').get('/api/monthly-reports').query({ month }).expect(200);
    const notSubmitted = grid.items.filter((row: { status: string }) => row.status !== 'submitted').length;
    await page.getByTestId('not-reported').getByText(`${month} 未报送（${notSubmitted} 个）`).waitFor();
    await page.getByPlaceholder('按项目或单位名称查找').fill(behind.name);
    await page.getByTestId('not-reported').locator('tbody tr', { hasText: behind.name }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'investment-dispatch.png'), fullPage: true });

    // A unit in the ranking opens the list filtered by that unit, with each project's figures of the month.
    await page.locator('[data-testid=rankings] tbody tr', { hasText: '区交通局' }).click();
    await page.waitForURL((url) => url.pathname === '/projects' && url.searchParams.get('unit') === 'transport');
    const listed = page.locator('[data-testid=project-table] tbody tr', { hasText: onTrack.name });
    await listed.getByTestId('completion-rate').getByText(rate(figures.completionRate)).waitFor();
    await page.getByTestId('list-figures-period').getByText(`投资数据：${year} 年 1—${m} 月`).waitFor();
    await page.locator('[data-testid=project-table] tbody tr', { hasText: behind.name }).locator('[data-light=red]').waitFor();

    // The project page's header: the project light with every reason and its source.
    await page.goto(`${web.base}/projects/${behind.id}`);
    const light = page.locator('[data-testid=project-light][data-light=red]');
    await light.locator('[data-code=investment_behind]').getByText(behindFigures.lightReasons[0].text).waitFor();
    await light.locator('[data-code=investment_behind]').getByText('投资').waitFor();

    // The project card: the same rate, the gap, the plan's versions, the bars.
    await page.goto(`${web.base}/projects/${onTrack.id}`);
    const card = page.getByTestId('investment-card');
    await card.getByTestId('project-rate').getByText(rate(figures.completionRate)).waitFor();
    await card.getByText('年初计划').waitFor();
    await page.locator('[data-testid=chart-project-months][data-rendered=true]').waitFor();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'investment-project-card.png'), fullPage: true });

    // English: the same page, its words in English.
    await page.getByRole('button', { name: '切换到英文' }).click();
    await card.getByText('Completion rate').waitFor();
    await page.goto(`${web.base}/investment`);
    await page
      .getByTestId('district-gap')
      .getByText(`${(-district.gapPoints).toFixed(2)} points behind schedule`)
      .waitFor();
    await page
      .locator('[data-testid=red-list] [data-code=investment_behind]')
      .getByText(/^Completion rate [\d.]+%, [\d.]+ points behind schedule$/)
      .first()
      .waitFor();
  });

  it('a reviewer adjusts the plan with a reason; without one the form refuses', async () => {
    const page = await web.signedInPage('reviewer');
    await page.goto(`${web.base}/projects/${behind.id}`);
    const card = page.getByTestId('investment-card');
    await card.getByTestId('issue-plan').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('plan-amount').fill('800');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('调整年度计划须写明原因').waitFor();
    await dialog.getByTestId('plan-reason').fill('征地滞后，中期调减');
    await dialog.getByRole('button', { name: '保存' }).click();
    await card.getByText('原因：征地滞后，中期调减').waitFor();
    const { body } = await t.as('reviewer').get(`/api/projects/${behind.id}/investment-plans/${year}`).expect(200);
    expect(body).toMatchObject({ plannedInvestment: '800.00', originalInvestment: '1000.00', adjusted: true });
  });

  it('a reviewer fills in the 年度计划 template: a row in error comes back with its message and nothing is issued; corrected, the file issues the plan', async () => {
    const [fresh] = await projectsOf(t, 'economy', 1);
    const page = await web.signedInPage('reviewer');
    await page.goto(`${web.base}/investment`);
    const card = page.getByTestId('plan-import');
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('plan-template-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheet = await openTemplate(readFileSync(await download.path()), '年度计划');
    sheet.set(fresh.id, '计划投资（万元）', 640);
    sheet.set(behind.id, '计划投资（万元）', 700);
    const uploadFile = async (name: string, file: Buffer) => {
      const path = join(ARTIFACTS, name);
      writeFileSync(path, file);
      await card.locator('input[type=file]').setInputFiles(path);
    };
    await uploadFile('plans-with-error.xlsx', await sheet.save());
    const errors = card.getByTestId('plan-import-errors');
    await errors.locator('tr', { hasText: behind.name }).getByText(/原因/).waitFor();
    await t.as('reviewer').get(`/api/projects/${fresh.id}/investment-plans/${year}`).expect(404);

    sheet.set(behind.id, '调整原因', '年中调度，压减至 700 万元');
    await uploadFile('plans-corrected.xlsx', await sheet.save());
    await card.getByTestId('plan-import-applied').waitFor();
    expect((await t.as('reviewer').get(`/api/projects/${fresh.id}/investment-plans/${year}`).expect(200)).body).toMatchObject({ plannedInvestment: '640.00' });
    expect((await t.as('reviewer').get(`/api/projects/${behind.id}/investment-plans/${year}`).expect(200)).body).toMatchObject({ plannedInvestment: '700.00' });
  });
});
