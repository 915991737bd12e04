import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { Page } from 'playwright-core';
import { todayIn } from '@qj/domain';
import { ARTIFACTS, chooseInDialog, ConsoleBrowser, WEB_DIST } from '../support/browser';
import { projectOf, startedProject, startRequest } from '../support/factories';
import { bootTestApp, TestApp } from '../support/test-app';

/**
 * The web console in a real browser (Debian's Chromium driven by playwright-core) against the API on a real
 * port, serving the built console from dist/web. Screenshots go to test/artifacts/.
 */
const INITIAL_JS_BUDGET = 800 * 1024;
/**
 * 前期手续 shown in the milestone table: settled on the checklist with their document, not by a date in the table
 * (初步设计批复 is marked 不适用 in the table and 施工许可 completed by the 开工 request's permit date).
 */
const APPROVALS_IN_TABLE = ['项目建议书', '可行性研究报告批复'];
/** The other approvals of 渝贵高铁's type, entered through the API; 环评 and 社稳 are entered in the checklist. */
const OTHER_APPROVALS = ['proposal', 'feasibility_approval', 'land_site', 'energy_review', 'planning_permit', 'drawing_review'];

jest.setTimeout(180_000);

/** The scripts the first page load fetches: the entry and its modulepreloads (the lazy chunks are not among them). */
function initialScripts(): string[] {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1]);
  return [...new Set([...entry, ...preloads])];
}

describe('web console in Chromium', () => {
  let t: TestApp;
  let web: ConsoleBrowser;
  let yggtId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    web = await ConsoleBrowser.start(t);
    const list = await t.as('reviewer').get('/api/projects').query({ q: '渝贵高铁' }).expect(200);
    yggtId = list.body.items.find((p: { name: string }) => p.name === '渝贵高铁').id;
  });

  // Every page a test opens works under the API's Content-Security-Policy.
  afterEach(() => expect(web?.cspViolations.splice(0) ?? []).toEqual([]));

  afterAll(async () => {
    await web?.close();
    await t?.close();
  });

  const milestoneRow = (page: Page, name: string) => page.locator('[data-testid=milestone-table] tbody tr', { hasText: name });

  async function fillStartEvidence(page: Page): Promise<void> {
    const dialog = page.getByRole('dialog');
    const today = todayIn('Asia/Shanghai');
    await dialog.getByPlaceholder('批复文号').fill('渝发改交〔2026〕1号');
    for (const label of ['批复日期', '实际开工日期']) {
      await dialog.getByPlaceholder(label).fill(today);
      await dialog.getByPlaceholder(label).press('Enter');
    }
    await dialog.getByPlaceholder('施工许可证号').fill('QJ-2026-001');
  }

  it('serves the console at / (with a fallback to index.html for its routes) while /api keeps problem+json 404s', async () => {
    const home = await t.http.get('/projects?sector=transport').expect(200);
    expect(home.headers['content-type']).toMatch(/^text\/html/);
    expect(home.text).toContain('<div id="root">');
    const api404 = await t.http.get('/api/no-such-thing').expect(404);
    expect(api404.headers['content-type']).toMatch(/^application\/problem\+json/);
    await t.http.get('/assets/no-such-file.js').expect(404);
    await t.http.get('/health').expect(200);
  });

  it(`keeps the first load under ${INITIAL_JS_BUDGET / 1024} KB of gzipped JavaScript, ECharts and the dashboard split out`, () => {
    const scripts = initialScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(join(WEB_DIST, src))).length, 0);
    expect(gzipped).toBeLessThan(INITIAL_JS_BUDGET);
    expect(scripts.some((src) => /echarts|dashboard/.test(src))).toBe(false);
  });

  it('an owner signs in, finds 渝贵高铁 by pinyin (the URL keeps the filter), updates a milestone and requests 开工 with evidence', async () => {
    const page = await web.open();
    await web.signIn(page, 'owner_transport');
    // The unit and role render once the profile is read: wait for them rather than read the name alone.
    await page
      .getByTestId('whoami')
      .filter({ hasText: /区交通局项目负责人.*区交通局.*项目责任单位/ })
      .waitFor();

    await page.getByRole('link', { name: '项目清单' }).click();
    await page.getByPlaceholder('名称或拼音首字母，如 yggt').fill('yggt');
    await page.getByPlaceholder('名称或拼音首字母，如 yggt').press('Enter');
    await page.waitForURL(/[?&]q=yggt/);
    await page.getByRole('link', { name: '渝贵高铁', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: '渝贵高铁', exact: true }).click();
    await page.waitForURL(`${web.base}/projects/${yggtId}`);
    await page.getByTestId('project-name').getByText('渝贵高铁').waitFor();
    await page.locator('.clause mark').first().waitFor();

    // Someone else saves the milestone while the row is open: the save is refused (409) and the current values shown.
    const feasibility = milestoneRow(page, '可行性研究报告批复');
    const seen = (await t.as('owner_transport').get(`/api/projects/${yggtId}/milestones`).expect(200)).body.items.find(
      (m: { code: string }) => m.code === 'feasibility_approval',
    );
    await feasibility.getByRole('button', { name: '编辑' }).click();
    await t.as('owner_transport').patch(`/api/milestones/${seen.id}`).send({ version: seen.version, forecastDate: '2027-05-31' }).expect(200);
    await feasibility.getByPlaceholder('预计日期').fill('2027-04-30');
    await feasibility.getByPlaceholder('预计日期').press('Enter');
    await feasibility.getByRole('button', { name: '保存' }).click();
    await page
      .getByTestId('milestone-conflict')
      .getByText(/已被他人修改.*预计 2027-05-31/)
      .waitFor();
    await feasibility.getByText('2027-05-31').waitFor();

    // A forecast date, edited in the row.
    await feasibility.getByRole('button', { name: '编辑' }).click();
    await feasibility.getByPlaceholder('预计日期').fill('2027-06-30');
    await feasibility.getByPlaceholder('预计日期').press('Enter');
    await feasibility.getByPlaceholder('更新说明（选填）').fill('按可研编制进度调整');
    await feasibility.getByRole('button', { name: '保存' }).click();
    await page.getByText('「可行性研究报告批复」已更新').waitFor();
    await feasibility.getByText('2027-06-30').waitFor();

    // Before anything is filled in, the dialog shows what 开工 needs: the earlier milestones not settled block it,
    // so there is no form to fill and nothing to be refused.
    await page.getByTestId('request-begin_construction').click();
    const checklist = page.getByRole('dialog').getByTestId('transition-checklist');
    await checklist.getByText('以下里程碑尚未办结').waitFor();
    expect(await checklist.getByTestId('checklist-proposal').getAttribute('data-state')).toBe('pending');
    expect(await checklist.getByTestId('checklist-construction_permit').getAttribute('data-state')).toBe('needs_evidence');
    expect(await page.getByRole('dialog').getByTestId('transition-form').count()).toBe(0);
    expect(await page.getByRole('dialog').getByRole('button', { name: '提交' }).isDisabled()).toBe(true);
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

    for (const name of APPROVALS_IN_TABLE) {
      await milestoneRow(page, name).getByTestId('milestone-on-checklist').waitFor();
      expect(await milestoneRow(page, name).getByRole('button', { name: '标记完成' }).count()).toBe(0);
    }
    // 初步设计 does not apply to this project: marked so, with a reason.
    await milestoneRow(page, '初步设计批复').getByRole('button', { name: '不适用' }).click();
    await page.getByRole('dialog').getByLabel('不适用的原因').fill('与可研合并审批');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByText('「初步设计批复」已标记为不适用').waitFor();
    await milestoneRow(page, '初步设计批复').getByTestId('not-applicable').waitFor();

    // 前期手续 of its type (政府投资基础设施): the checklist in order, the parallel assessments grouped. 环评 is obtained,
    // entered in the owner's form with its document; 社会稳定风险评估 does not apply; the others were entered elsewhere.
    const approvals = page.getByTestId('approval-checklist');
    await approvals.getByTestId('parallel-assessments').getByText('环评批复').waitFor();
    expect(await approvals.getByTestId('approval-eia').getAttribute('data-status')).toBe('not_started');
    await approvals.getByTestId('edit-approval-eia').click();
    await page.getByRole('dialog').getByTestId('approval-form').waitFor();
    await chooseInDialog(page, '办理状态', '已办结');
    await page.getByRole('dialog').getByLabel('批复文号').fill('渝环准〔2026〕12号');
    await page.getByRole('dialog').getByLabel('批复日期').fill(todayIn('Asia/Shanghai'));
    await page.getByRole('dialog').getByLabel('批复日期').press('Enter');
    // The scanned 批复 goes with it.
    await page
      .getByRole('dialog')
      .getByTestId('evidence-upload')
      .locator('input[type=file][accept="image/*,application/pdf"]')
      .setInputFiles({
        name: '环评批复.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
      });
    await page.getByRole('dialog').getByText('环评批复.pdf').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByText('前期手续已更新').waitFor();
    await approvals
      .locator('[data-testid=approval-eia][data-status=done]')
      .getByText(/渝环准〔2026〕12号/)
      .waitFor();
    await approvals.getByTestId('approval-files-eia').getByText('环评批复.pdf').waitFor();
    // The next form opens once this one has closed: while it zooms out, two dialogs are on the page.
    await page.getByRole('dialog').first().waitFor({ state: 'hidden' });
    await approvals.getByTestId('edit-approval-social_risk').click();
    await page.getByRole('dialog').getByTestId('approval-form').waitFor();
    await chooseInDialog(page, '办理状态', '不适用');
    await page.getByRole('dialog').getByLabel('不适用原因').fill('线性工程，已纳入省级评估');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await approvals.locator('[data-testid=approval-social_risk][data-status=not_applicable]').waitFor();
    const { items: others } = (await t.as('owner_transport').get(`/api/projects/${yggtId}/approvals`).expect(200)).body;
    for (const code of OTHER_APPROVALS) {
      const approval = others.find((a: { code: string }) => a.code === code);
      await t
        .as('owner_transport')
        .patch(`/api/approvals/${approval.id}`)
        .send({ version: approval.version, status: 'done', documentNo: `綦〔2026〕${code}`, documentDate: todayIn('Asia/Shanghai') })
        .expect(200);
    }
    await page.reload();

    await page.getByTestId('request-begin_construction').click();
    await page.getByRole('dialog').getByText('前置里程碑均已办结').waitFor();
    await fillStartEvidence(page);
    // 施工许可 is still open: the form asks for its date, which completes it on approval.
    await page.getByRole('dialog').getByPlaceholder('施工许可日期').fill(todayIn('Asia/Shanghai'));
    await page.getByRole('dialog').getByPlaceholder('施工许可日期').press('Enter');
    await page.getByRole('dialog').getByLabel('说明').fill('已取得施工许可，申请开工');
    await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    await page.getByText('申请已提交，等待区发展改革委审核').waitFor();
    await page.getByTestId('pending-request').getByText('等待区发展改革委审核').waitFor();

    const history = await t.as('reviewer').get(`/api/projects/${yggtId}/history`).expect(200);
    const actions = history.body.items.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'milestone.updated')).toHaveLength(2 + 1 + OTHER_APPROVALS.length);
    expect(actions.filter((a: string) => a === 'milestone.marked_not_applicable')).toHaveLength(2);
    expect(actions).toContain('transition.requested');
    const milestones = await t.as('reviewer').get(`/api/projects/${yggtId}/milestones`).expect(200);
    expect(milestones.body.items.find((m: { code: string }) => m.code === 'feasibility_approval')).toMatchObject({
      forecastDate: '2027-06-30',
      status: 'done',
    });
  });

  it('a reviewer sees the request in the inbox, approves it, and the project is 开工建设', async () => {
    // An owner's 开工 request as the console files it, 初步设计 marked 不适用.
    const project = await projectOf(t, 'transport', 0, { except: ['渝贵高铁'] });
    await startRequest(t, 'owner_transport', project.id, { notApplicable: ['preliminary_design_approval'] });
    const page = await web.open();
    await web.signIn(page, 'reviewer');
    expect(new URL(page.url()).pathname).toBe('/dashboard');

    await page.getByRole('link', { name: /审批/ }).click();
    const row = page.locator('[data-testid=approvals-table] tbody tr', { hasText: project.name });
    await row.getByText('渝发改交〔2026〕1号').waitFor();
    await row.getByRole('button', { name: '批准' }).click();
    await page.getByRole('dialog').getByLabel('审批意见').fill('同意开工');
    await page.getByRole('dialog').getByRole('button', { name: '批准' }).click();
    await page.getByText('已批准，项目进入「开工建设」').waitFor();
    // Off the inbox (other projects' requests may still wait there).
    await row.waitFor({ state: 'detached' });

    await page.goto(`${web.base}/projects/${project.id}`);
    await page.getByTestId('project-stage').getByText('开工建设').waitFor();
    // Stage and milestones agree on the page: the approval completed 施工许可 and 开工 on the request's dates.
    const today = todayIn('Asia/Shanghai');
    for (const name of ['施工许可', '开工']) {
      const row = page.locator('[data-testid=milestone-table] tbody tr').filter({ has: page.getByText(name, { exact: true }) });
      await row.getByText('已完成').waitFor();
      await row.getByText(today).first().waitFor();
    }
    await milestoneRow(page, '初步设计批复').getByTestId('not-applicable').waitFor();
    await page.getByTestId('history-item').filter({ hasText: '批准' }).first().waitFor();
    await page.locator('[data-testid=gantt][data-ready=true]').waitFor();
    await page.waitForTimeout(300); // the chart's last frame, for the picture
    await page.screenshot({ path: join(ARTIFACTS, 'console-project.png'), fullPage: true });

    expect((await t.as('reviewer').get(`/api/projects/${project.id}`).expect(200)).body.stage).toBe('start');
  });

  it('the dashboard draws every chart and its figures click through to the filtered list', async () => {
    const started = await projectOf(t, 'transport', 1, { except: ['渝贵高铁'] });
    await startedProject(t, 'owner_transport', started.id);
    const page = await web.open(1440, 900);
    await web.signIn(page, 'reviewer');
    await page.getByTestId('dashboard').waitFor();
    for (const chart of ['chart-stages', 'chart-rag', 'chart-funnel', 'chart-targets']) {
      await page.locator(`[data-testid=${chart}][data-ready=true] canvas`).first().waitFor();
    }
    const total = (await t.as('reviewer').get('/api/projects').query({ pageSize: 1 }).expect(200)).body.total;
    await page.getByTestId('kpi').filter({ hasText: '重大项目' }).getByText(String(total)).waitFor();
    await page.waitForTimeout(900); // let the charts' entry animation finish before the picture
    await page.screenshot({ path: join(ARTIFACTS, 'console-dashboard.png'), fullPage: true });

    await page.getByTestId('kpi').filter({ hasText: '开工建设' }).click();
    await page.waitForURL(/\/projects\?stage=start$/);
    await page.getByRole('link', { name: started.name, exact: true }).waitFor();
  });

  it('exports the filtered list to Excel from the browser: the rows are the list’s', async () => {
    const page = await web.open();
    await web.signIn(page, 'reviewer');
    await page.goto(`${web.base}/projects?sector=transport&sort=name`);
    const expected = await t.as('reviewer').get('/api/projects').query({ sector: 'transport', sort: 'name', pageSize: 200 }).expect(200);
    await page.getByTestId('list-total').getByText(`共 ${expected.body.total} 项`).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-excel').click()]);
    expect(download.suggestedFilename()).toMatch(/^綦江区十五五重大项目台账_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(3).values as unknown[]).slice(1, 3)).toEqual(['序号', '项目名称']);
    const names: unknown[] = [];
    for (let n = 4; n <= sheet.rowCount; n += 1) names.push(sheet.getRow(n).getCell(2).value);
    expect(names).toEqual(expected.body.items.map((p: { name: string }) => p.name));
  });

  it('works at phone width, switches to English and back, and a dead token goes back to sign-in', async () => {
    const page = await web.open(390, 844);
    await web.signIn(page, 'owner_transport');
    await page.goto(`${web.base}/projects?q=yggt`);
    await page.getByRole('link', { name: '渝贵高铁', exact: true }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'console-list-phone.png') });

    // At a phone's width the list is cards (phones.browser-spec.ts): their labels follow the language.
    await page.getByRole('button', { name: '切换到英文' }).click();
    await page.getByTestId('project-card-next').getByText('Next milestone').first().waitFor();
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await page.getByTestId('project-card-next').getByText('下一节点').first().waitFor();

    await page.evaluate("localStorage.setItem('qj.token', 'not-a-token')");
    await page.goto(`${web.base}/projects`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('用户名').waitFor();
  });
});
