import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { todayIn } from '@qj/domain';
import { projectOf } from '../support/factories';
import { ARTIFACTS, ConsoleBrowser } from '../support/browser';
import { bootTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

interface ListedMilestone {
  id: string;
  code: string;
  name: string;
  status: string;
  kind: 'milestone' | 'approval';
  forecastDate: string | null;
  actualDate: string | null;
  baselineDate: string | null;
  realisesTarget: boolean;
  sortOrder: number;
  updatedAt: string;
}

/**
 * The console on a phone (375×812: lists as cards, the milestone update as a form with large targets), every table page
 * at 1280 px (no column under a fixed one), and the dashboard for a meeting (PNG, A4-landscape PDF, print), in Chromium.
 * Screenshots go to test/artifacts/phones-*.png.
 */
describe('the console on a phone, tables at 1280 px, the dashboard for a meeting', () => {
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

  const milestonesOf = async (projectId: string): Promise<ListedMilestone[]> =>
    (await t.as('owner_transport').get(`/api/projects/${projectId}/milestones`).expect(200)).body.items;

  it('at 375×812 the project list and 我的项目 are cards with each project’s stage, light and next due milestone', async () => {
    const project = await projectOf(t, 'transport', 0);
    const [item] = (await t.as('owner_transport').get('/api/projects').query({ q: project.name }).expect(200)).body.items.filter(
      (p: { id: string }) => p.id === project.id,
    );
    // The list's next milestone is the open one due first (its forecast, else its baseline), as the milestones say.
    const due = (m: ListedMilestone) => m.forecastDate ?? m.baselineDate;
    const open = (await milestonesOf(project.id))
      .filter((m) => m.status === 'pending' && due(m))
      .sort((a, b) => due(a)!.localeCompare(due(b)!) || a.sortOrder - b.sortOrder);
    expect(open.length).toBeGreaterThan(0);
    expect(item.nextMilestone).toMatchObject({ id: open[0].id, name: open[0].name, dueDate: due(open[0]) });
    expect(item.light).toMatch(/^(green|yellow|red)$/);

    const page = await web.open(375, 812);
    await web.signIn(page, 'owner_transport');
    await page.goto(`${web.base}/projects?q=${encodeURIComponent(project.name)}`);
    const card = page.getByTestId('project-card').filter({ has: page.getByRole('link', { name: project.name, exact: true }) });
    await card.waitFor();
    await expect(page.getByTestId('project-table').count()).resolves.toBe(0);
    await expect(card.locator('[data-stage]').getAttribute('data-stage')).resolves.toBe(item.stage);
    await expect(card.locator('[data-light]').getAttribute('data-light')).resolves.toBe(item.light);
    const next = (await card.getByTestId('project-card-next').textContent()) ?? '';
    expect(next).toContain(open[0].name);
    expect(next).toContain(due(open[0])!);
    // Stage and light are on the screen, not beyond its right edge.
    for (const tag of [card.locator('[data-stage]'), card.locator('[data-light]')]) {
      const box = (await tag.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(375);
    }
    await web.settled(page);
    await page.screenshot({ path: join(ARTIFACTS, 'phones-project-list.png'), fullPage: true });
    expect(await web.sidewaysOverflow(page)).toEqual([]);

    // 我的项目: the unit's projects as cards too; a card opens its milestones, as cards.
    await page.goto(`${web.base}/mine`);
    const mine = page.getByTestId('project-card').filter({ has: page.getByRole('link', { name: project.name, exact: true }) });
    await mine.locator('[data-stage]').waitFor();
    await expect(page.getByTestId('my-projects-table').count()).resolves.toBe(0);
    await mine.getByTestId('project-card-milestones').click();
    await mine.getByTestId('milestone-card').first().waitFor();
    await web.settled(page);
    await page.screenshot({ path: join(ARTIFACTS, 'phones-mine.png'), fullPage: true });
    expect(await web.sidewaysOverflow(page)).toEqual([]);
  });

  it('an owner updates a milestone on a phone: cards with large buttons, a form with date pickers, 标记完成 in one tap and a confirm', async () => {
    const project = await projectOf(t, 'transport', 1);
    // Plain milestones: a 前期手续 is settled on the approval checklist, not with 标记完成.
    const pending = (await milestonesOf(project.id)).filter((m) => m.status === 'pending' && m.kind === 'milestone');
    expect(pending.length).toBeGreaterThanOrEqual(2);
    const [first, second] = pending;

    const page = await web.open(375, 812);
    await web.signIn(page, 'owner_transport');
    await page.goto(`${web.base}/projects/${project.id}`);
    const card = page.locator(`[data-testid=milestone-card][data-milestone=${first.code}]`);
    await card.waitFor();
    await expect(page.getByTestId('milestone-table').count()).resolves.toBe(0);
    // Large targets: the two main buttons are at least 44 px tall (a finger, not a mouse pointer) and on the screen.
    for (const button of [card.getByTestId('milestone-update'), card.getByTestId('milestone-mark-done')]) {
      const box = (await button.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(40);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
    }
    // The name reads on one line (a short name) or two, not one character per line.
    const name = (await card.locator('.ms-card-name').boundingBox())!;
    expect(name.height).toBeLessThan(50);
    await web.settled(page);
    await page.screenshot({ path: join(ARTIFACTS, 'phones-milestones.png'), fullPage: true });
    expect(await web.sidewaysOverflow(page)).toEqual([]);

    // 更新: the form; the forecast date is picked on the calendar (no keyboard), then saved.
    await card.getByTestId('milestone-update').click();
    const form = page.getByTestId('milestone-form');
    await form.waitFor();
    await form.getByTestId('milestone-form-forecast').click();
    const calendar = await web.restingDropdown(page, 'picker');
    const cell = calendar.locator('td.ant-picker-cell-in-view:not(.ant-picker-cell-disabled)').last();
    const picked = (await cell.getAttribute('title'))!;
    expect(picked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await cell.click();
    // antd puts the test id on the picker's input.
    await expect(form.locator('input[data-testid=milestone-form-forecast], [data-testid=milestone-form-forecast] input').inputValue()).resolves.toBe(picked);
    await form.locator('textarea').fill('手机上更新');
    await page.getByTestId('milestone-form-save').click();
    await page.getByText(`「${first.name}」已更新`).waitFor();
    await form.waitFor({ state: 'detached' });
    const updated = (await milestonesOf(project.id)).find((m) => m.id === first.id)!;
    expect(updated.forecastDate).toBe(picked);
    await card.getByText(picked).waitFor();

    // 标记完成 on another card: one tap, a confirm, and the milestone is done today.
    const other = page.locator(`[data-testid=milestone-card][data-milestone=${second.code}]`);
    await other.getByTestId('milestone-mark-done').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await other.getByText('已完成').waitFor();
    const done = (await milestonesOf(project.id)).find((m) => m.id === second.id)!;
    expect(done).toMatchObject({ status: 'done', actualDate: todayIn(t.env.APP_TIMEZONE) });
    expect(await web.sidewaysOverflow(page)).toEqual([]);
    // 最近更新 sorts the list: the project just updated comes first, its time the milestone's.
    const latest = (await t.as('owner_transport').get('/api/projects').query({ unit: 'transport', sort: '-lastChangedAt', pageSize: 1 }).expect(200)).body
      .items[0];
    expect(latest.id).toBe(project.id);
    expect(Date.parse(latest.lastChangedAt)).toBeGreaterThanOrEqual(Date.parse((await milestonesOf(project.id)).find((m) => m.id === second.id)!.updatedAt));
  });

  it('at 375 px the reviewers’ and admins’ table pages scroll their tables, never the page', async () => {
    const overflowing: Array<{ path: string; culprits: string[] }> = [];
    for (const [username, paths] of [
      ['reviewer', ['/monthly-reports', '/investment', '/bulletins', '/approvals']],
      ['admin', ['/operations', '/admin']],
    ] as const) {
      const page = await web.open(375, 812);
      await web.signIn(page, username);
      for (const path of paths) {
        await page.goto(`${web.base}${path}`);
        await web.loaded(page);
        const culprits = await web.sidewaysOverflow(page);
        if (culprits.length) overflowing.push({ path, culprits });
      }
    }
    expect(overflowing).toEqual([]);
  });

  it('at 1280 px no table has a header cell under a fixed column, and the outbox’s 主题 gets room', async () => {
    const hidden: unknown[] = [];
    for (const [username, paths] of [
      ['reviewer', ['/approvals', '/approvals?status=approved', '/monthly-reports', '/investment', '/bulletins', '/notifications', '/projects']],
      ['admin', ['/operations', '/admin']],
    ] as const) {
      const page = await web.open(1280, 800);
      await web.signIn(page, username);
      for (const path of paths) {
        await page.goto(`${web.base}${path}`);
        await web.loaded(page);
        // Each fixed header cell against every other header cell of its table, as laid out with nothing scrolled.
        const overlaps = (await page.evaluate(`(() => {
          const found = [];
          for (const table of document.querySelectorAll('.app-content .ant-table')) {
            const cells = [...table.querySelectorAll('thead th')].filter((th) => th.getBoundingClientRect().width > 0);
            const fixed = cells.filter((th) => /ant-table-cell-fix-(left|right)/.test(th.className));
            for (const f of fixed) {
              const a = f.getBoundingClientRect();
              for (const th of cells) {
                if (th === f || fixed.includes(th)) continue;
                const b = th.getBoundingClientRect();
                const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                if (overlap > 1) found.push({ header: th.textContent, under: f.textContent || '(actions)', overlap: Math.round(overlap) });
              }
            }
          }
          return found;
        })()`)) as unknown[];
        // 投资 draws its tables once there are plans and reports, 通知 is a list: the others always have a table.
        const tables = await page.locator('.app-content .ant-table-thead').count();
        if (overlaps.length || (!tables && !['/investment', '/notifications'].includes(path))) hidden.push({ path, tables, overlaps });
        if (path === '/operations') {
          const subject = (await page.locator('th', { hasText: '主题' }).first().boundingBox())!;
          expect(subject.width).toBeGreaterThanOrEqual(150);
        }
        await page.screenshot({ path: join(ARTIFACTS, `phones-1280${path.replace(/[/?=]+/g, '-')}.png`) });
      }
    }
    expect(hidden).toEqual([]);
  });

  it('the dashboard exports a PNG and an A4-landscape PDF, and prints at A4 landscape’s width with its charts redrawn', async () => {
    const page = await web.open(1280, 800);
    await web.signIn(page, 'reviewer');
    await page.waitForURL(`${web.base}/dashboard`);
    for (const chart of ['chart-stages', 'chart-rag', 'chart-funnel', 'chart-targets'])
      await page.locator(`[data-testid=${chart}][data-rendered=true]`).waitFor();

    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toMatch(/^领导驾驶舱-\d{4}-\d{2}-\d{2}\.png$/);
    const image = readFileSync((await png.path())!);
    expect(image.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // IHDR: twice the dashboard's CSS pixels (about 1000 wide beside the menu), and more than a blank picture weighs.
    const [width, height] = [image.readUInt32BE(16), image.readUInt32BE(20)];
    expect(width).toBeGreaterThanOrEqual(1800);
    expect(width).toBeLessThanOrEqual(2600);
    expect(height).toBeGreaterThan(1000);
    expect(image.length).toBeGreaterThan(100_000);

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/^领导驾驶舱-\d{4}-\d{2}-\d{2}\.pdf$/);
    const document = readFileSync((await pdf.path())!).toString('latin1');
    expect(document.startsWith('%PDF-')).toBe(true);
    // Every page A4 landscape (841.89 × 595.28 pt), with the picture on it.
    const boxes = [...document.matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) =>
      m[1]
        .trim()
        .split(/\s+/)
        .map((n) => Number(Number(n).toFixed(2)))
        .join(' '),
    );
    expect(boxes.length).toBeGreaterThan(0);
    expect(new Set(boxes)).toEqual(new Set(['0 0 841.89 595.28']));
    expect(document).toContain('/Subtype /Image');

    // Printing: A4 landscape less 10 mm margins is 277 mm, 1047 CSS px; the content alone fills it and the charts follow.
    await page.setViewportSize({ width: 1047, height: 740 });
    await page.emulateMedia({ media: 'print' });
    await page.waitForTimeout(500);
    const printed = (await page.evaluate(`(() => {
      const wall = document.querySelector('[data-testid=dashboard]');
      const charts = [...document.querySelectorAll('[data-rendered=true]')].map((c) => ({ box: c.getBoundingClientRect().width, canvas: c.querySelector('canvas')?.getBoundingClientRect().width ?? 0 }));
      return {
        scrollWidth: document.documentElement.scrollWidth,
        wall: wall.getBoundingClientRect().width,
        menu: getComputedStyle(document.querySelector('.ant-layout-sider') ?? document.body).display,
        buttons: getComputedStyle(document.querySelector('[data-testid=export-png]').parentElement.parentElement).display,
        charts,
      };
    })()`)) as { scrollWidth: number; wall: number; menu: string; buttons: string; charts: Array<{ box: number; canvas: number }> };
    expect(printed.scrollWidth).toBeLessThanOrEqual(1047);
    expect(printed.wall).toBeGreaterThan(1000);
    expect(printed.menu).toBe('none');
    expect(printed.buttons).toBe('none');
    expect(printed.charts.length).toBeGreaterThanOrEqual(4);
    for (const chart of printed.charts) expect(Math.abs(chart.box - chart.canvas)).toBeLessThanOrEqual(2);
    const paper = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(paper.subarray(0, 5).toString()).toBe('%PDF-');
    // Chromium's own print: its pages are A4 landscape too (about 842 × 595 pt).
    const [paperWidth, paperHeight] = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(paper.toString('latin1'))!.slice(1).map(Number);
    expect(Math.round(paperWidth)).toBe(842);
    expect(Math.round(paperHeight)).toBe(595);
    await page.screenshot({ path: join(ARTIFACTS, 'phones-dashboard-print.png'), fullPage: true });
  });
});
