import { todayIn } from '@qj/domain';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { projectOf } from '../support/factories';
import { ConsoleBrowser } from '../support/browser';
import { bootTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/** Evidence files in the console, in Chromium: an owner adds a site photo to a monthly report and sees its thumbnail. */
describe('evidence files in the console, in Chromium', () => {
  let t: TestApp;
  let web: ConsoleBrowser;
  const work = mkdtempSync(join(tmpdir(), 'qj-evidence-'));

  beforeAll(async () => {
    t = await bootTestApp({ env: { VAR_DIR: work } });
    web = await ConsoleBrowser.start(t);
  });

  // Thumbnails come from object URLs (blob:): the page's Content-Security-Policy must let them show.
  afterEach(() => expect(web?.cspViolations.splice(0) ?? []).toEqual([]));

  afterAll(async () => {
    await web?.close();
    await t?.close();
  });

  it('an owner uploads a photo to a saved monthly report, sees its thumbnail with its capture time, saves; a reviewer may read it', async () => {
    const month = todayIn(t.env.APP_TIMEZONE).slice(0, 7);
    const project = await projectOf(t, 'transport', 0);
    await t
      .as('owner_transport')
      .put(`/api/projects/${project.id}/monthly-reports/${month}`)
      .send({ completedInvestment: '8.00', progress: '桩基施工' })
      .expect(200);
    const photo = join(work, '现场照片.jpg');
    writeFileSync(
      photo,
      await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2a6' } })
        .jpeg()
        .withExif({ IFD2: { DateTimeOriginal: '2026:05:01 10:30:00' } })
        .toBuffer(),
    );

    const page = await web.open(1280, 900);
    await web.signIn(page, 'owner_transport');
    await page.goto(`${web.base}/monthly-reports?month=${month}`);
    const row = page.locator(`[data-project-id="${project.id}"]`);
    // The month's grid of the whole unit: slow on a loaded machine, so this first wait is longer than the page default.
    await row.getByTestId('report-photos').click({ timeout: 60_000 });
    await page.getByTestId('evidence-upload').locator('input[type=file][accept="image/*,application/pdf"]').setInputFiles(photo);
    const thumbnail = page.getByTestId('file-thumbnail');
    await page.locator('[data-testid=file-thumbnail][data-loaded=true]').waitFor();
    // The image really decoded (a blocked or broken object URL leaves naturalWidth 0): 320 px wide, the thumbnail's size.
    await expect(thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).resolves.toBe(320);
    await expect(page.getByTestId('evidence-file').textContent()).resolves.toMatch(/拍摄于 2026.05.01 10:30/);
    // The phone's camera: a second picker that asks for the camera.
    await expect(page.getByTestId('evidence-upload').locator('input[type=file][capture=environment]').count()).resolves.toBe(1);
    await page.getByTestId('report-photos-save').click();
    await row.getByTestId('report-photos').filter({ hasText: '形象进度照片 (1)' }).waitFor();

    const { rows } = await t.db.query(`SELECT f.name FROM file_attachment a JOIN file f ON f.id = a.file_id WHERE a.project_id = $1 AND a.owner_id = $2`, [
      project.id,
      month,
    ]);
    expect(rows).toEqual([{ name: '现场照片.jpg' }]);

    // What the console attached, a reviewer reads (the grid of every unit pages past this project; the e2e suite covers access).
    const [{ id }] = (await t.db.query(`SELECT file_id AS id FROM file_attachment WHERE project_id = $1`, [project.id])).rows;
    await t.as('reviewer').get(`/api/files/${id}/thumbnail`).expect(200);
  });
});
