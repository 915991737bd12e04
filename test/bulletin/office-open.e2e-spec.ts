import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { renderBulletinAnnex } from '../../apps/worker/src/bulletin/bulletin-annex';
import { renderBulletinDocument } from '../../apps/worker/src/bulletin/bulletin-document';
import { sampleBulletinData } from '../support/bulletin-fixture';

const run = promisify(execFile);

/** LibreOffice (what many offices use beside WPS and Word) converts what it can open; a file it cannot read gives no output. */
async function convert(directory: string, file: string, to: string): Promise<string> {
  await run('soffice', [`-env:UserInstallation=file://${directory}/profile`, '--headless', '--convert-to', to, '--outdir', directory, join(directory, file)], {
    timeout: 120_000,
  });
  return join(directory, file.replace(/\.\w+$/, `.${to.split(':')[0]}`));
}

describe('the bulletin opens in a real office suite', () => {
  let directory: string;
  beforeAll(async () => (directory = await mkdtemp(join(tmpdir(), 'bulletin-'))));
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('LibreOffice converts the .docx to PDF and reads its text: the figures are there', async () => {
    await writeFile(join(directory, 'bulletin.docx'), await renderBulletinDocument(sampleBulletinData()));
    const pdf = await readFile(await convert(directory, 'bulletin.docx', 'pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await readFile(await convert(directory, 'bulletin.docx', 'txt:Text'), 'utf8');
    expect(text).toContain('投资完成率 73.27%');
    expect(text).toContain('57/67，85.07%（以截至本月计划开工数为分母）');
  }, 240_000);

  it('LibreOffice opens the .xlsx annex: the district total of the plan is the sum the sheet holds', async () => {
    await writeFile(join(directory, 'annex.xlsx'), await renderBulletinAnnex(sampleBulletinData()));
    // The CSV filter's last option -1 writes every sheet, each to annex-<sheet>.csv.
    await convert(directory, 'annex.xlsx', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1');
    const rows = (await readFile(join(directory, 'annex-按投资类型.csv'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    const planned = (label: string) => Number(rows.find((row) => row[0] === label)?.[2]);
    expect(planned('政府投资') + planned('企业投资')).toBeCloseTo(planned('全区合计'), 2);
    expect(planned('全区合计')).toBe(405.34);
  }, 240_000);
});
