import { join } from 'node:path';
import { ARTIFACTS, ConsoleBrowser } from '../support/browser';
import { bootTestApp, TestApp } from '../support/test-app';

/**
 * 演示数据 in Chromium: on a tracker with no activity the admin's dashboard offers 载入演示数据; once loaded, every page
 * shows the 演示数据 banner (an owner's too), and the admin clears it from the banner, which brings the offer back.
 * Runs on the real clock: the history ends today.
 */
// Ceilings, not speed checks: beside another suite on a loaded two-core machine the whole suite took 250 s.
jest.setTimeout(720_000);

describe('demo data in Chromium', () => {
  let t: TestApp;
  let web: ConsoleBrowser;

  beforeAll(async () => {
    t = await bootTestApp();
    web = await ConsoleBrowser.start(t);
  });
  afterAll(async () => {
    await web?.close();
    await t?.close();
  });

  it('an admin loads it from the empty dashboard, every page shows 演示数据, and the banner’s 清除演示数据 removes it', async () => {
    const admin = await web.open(1440, 900);
    await web.signIn(admin, 'admin');
    await admin.goto(`${web.base}/dashboard`);
    await admin.getByTestId('demo-load-prompt').waitFor();
    expect(await admin.getByTestId('demo-banner').count()).toBe(0);
    await admin.getByTestId('demo-load').click();
    await admin.getByRole('button', { name: /确\s?定/ }).click();
    // The load takes a minute or so through the services (up to four on a loaded machine); the console reloads when it is done.
    await admin.getByTestId('demo-banner').waitFor({ timeout: 540_000 });
    expect(await admin.getByTestId('demo-banner').innerText()).toContain('演示数据');
    expect(await admin.getByTestId('demo-load-prompt').count()).toBe(0);
    expect((await t.as('admin').get('/api/demo').expect(200)).body).toMatchObject({ loaded: true, status: 'loaded' });

    for (const path of ['/projects', '/monthly-reports', '/investment']) {
      await admin.goto(`${web.base}${path}`);
      await admin.getByTestId('demo-banner').getByText('演示数据', { exact: true }).waitFor();
    }
    await admin.screenshot({ path: join(ARTIFACTS, 'demo-banner-admin.png') });

    // An owner sees the banner on their pages, without the admin's clear button.
    const owner = await web.open(1280, 800);
    await web.signIn(owner, 'owner_transport');
    await owner.goto(`${web.base}/mine`);
    await owner.getByTestId('demo-banner').getByText('演示数据', { exact: true }).waitFor();
    expect(await owner.getByTestId('demo-clear').count()).toBe(0);

    await admin.getByTestId('demo-clear').click();
    await admin.getByRole('button', { name: /确\s?定/ }).click();
    // The console reloads once the clear is done, and the banner is gone.
    await admin.getByTestId('demo-banner').waitFor({ state: 'detached', timeout: 120_000 });
    await admin.goto(`${web.base}/dashboard`);
    await admin.getByTestId('demo-load-prompt').waitFor({ timeout: 60_000 });
    expect(await admin.getByTestId('demo-banner').count()).toBe(0);
    expect((await t.as('admin').get('/api/demo').expect(200)).body).toMatchObject({ loaded: false, canLoad: true });
    expect(web.cspViolations).toEqual([]);
  });
});
