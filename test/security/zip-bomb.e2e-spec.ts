import { createDeflateRaw, crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { bootTestApp, TestApp } from '../support/test-app';

/**
 * Uploads bounded before they are parsed: a .xlsx whose worksheet is a run of zeros inflating to 450 MB (1.75 MB
 * of it took the process to 3.95 GB and stalled /health for a minute) is refused from the zip directory, or, when
 * its headers lie about the size, as soon as it inflates past them: within a second, /health answering meanwhile,
 * memory flat. So are more entries, rows or cells than a template can have.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MB = 1024 * 1024;

interface ZipEntry {
  name: string;
  /** Raw-deflated bytes. */
  data: Buffer;
  crc: number;
  /** The inflated size the headers declare (a bomb may lie). */
  declaredSize: number;
}

/** Raw-deflates `size` zero bytes without ever holding them: one reused megabyte. */
async function deflatedZeros(size: number): Promise<{ data: Buffer; crc: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(MB);
  let crc = 0;
  for (let written = 0; written < size; written += MB) {
    const part = zeros.subarray(0, Math.min(MB, size - written));
    crc = crc32(part, crc);
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(chunks), crc };
}

async function deflated(text: string): Promise<{ data: Buffer; crc: number; size: number }> {
  const raw = Buffer.from(text);
  const deflate = createDeflateRaw();
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  deflate.end(raw);
  await done;
  return { data: Buffer.concat(chunks), crc: crc32(raw), size: raw.length };
}

/** A zip archive written by hand (local headers, data, central directory), so its headers can say what we like. */
function zip(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(entry.crc >>> 0, 16);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(entry.declaredSize, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, entry.data);
    central.push(header, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** The parts of a workbook around its one worksheet, as Excel writes them. */
async function workbookParts(): Promise<ZipEntry[]> {
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="里程碑更新" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  };
  return Promise.all(
    Object.entries(files).map(async ([name, text]) => {
      const { data, crc, size } = await deflated(text);
      return { name, data, crc, declaredSize: size };
    }),
  );
}

describe('uploads bounded before they are parsed: zip bombs and oversized workbooks', () => {
  let t: TestApp;
  let honestBomb: Buffer;
  let lyingBomb: Buffer;
  let smallBomb: Buffer;

  const upload = (file: Buffer) =>
    t.as('owner_transport').post('/api/milestones/import').attach('file', file, { filename: '里程碑更新.xlsx', contentType: XLSX });

  /** Uploads while asking /health every 20 ms; the upload's time, and the slowest /health answer (all must be 200). */
  async function uploadWhileProbing(file: Buffer) {
    let uploading = true;
    const probes: number[] = [];
    const probing = (async () => {
      while (uploading) {
        const started = Date.now();
        await t.http.get('/health').expect(200);
        probes.push(Date.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const started = Date.now();
    const res = await upload(file);
    const took = Date.now() - started;
    uploading = false;
    await probing;
    return { res, took, slowestHealth: Math.max(...probes), probes: probes.length };
  }

  const refusedNamingFile = (res: { status: number; headers: Record<string, string>; body: { errors?: Array<{ field: string }> } }, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors?.map((e) => e.field)).toEqual(['file']);
  };

  beforeAll(async () => {
    t = await bootTestApp();
    const parts = await workbookParts();
    const zeros450 = await deflatedZeros(450 * MB);
    const sheet = 'xl/worksheets/sheet1.xml';
    honestBomb = zip([...parts, { name: sheet, ...zeros450, declaredSize: 450 * MB }]);
    lyingBomb = zip([...parts, { name: sheet, ...zeros450, declaredSize: 10_000 }]);
    const zeros50 = await deflatedZeros(50 * MB);
    smallBomb = zip([...parts, { name: sheet, ...zeros50, declaredSize: 10_000 }]);
    // The bombs are what the issue describes: under 2 MB uploaded (the upload limit), hundreds of MB inflated.
    expect(honestBomb.length).toBeLessThan(2 * MB);
    expect(lyingBomb.length).toBeLessThan(2 * MB);
    // Warm up: sign-in and the first request's lazy work are not the bomb's.
    await t.token('owner_transport');
    await t.http.get('/health').expect(200);
  });
  afterAll(() => t.close());

  it('a 450 MB sheet declared in the zip directory: 413 naming file within a second, /health answering, memory flat', async () => {
    const rss = process.memoryUsage().rss;
    const { res, took, slowestHealth } = await uploadWhileProbing(honestBomb);
    refusedNamingFile(res, 413);
    expect(took).toBeLessThan(1000);
    expect(slowestHealth).toBeLessThan(500);
    expect(process.memoryUsage().rss - rss).toBeLessThan(150 * MB);
  });

  it('the same sheet with headers that lie (10 KB declared): refused as soon as it inflates past them', async () => {
    const rss = process.memoryUsage().rss;
    for (const bomb of [lyingBomb, smallBomb]) {
      const { res, took, slowestHealth } = await uploadWhileProbing(bomb);
      refusedNamingFile(res, 413);
      expect(took).toBeLessThan(1000);
      expect(slowestHealth).toBeLessThan(500);
    }
    expect(process.memoryUsage().rss - rss).toBeLessThan(150 * MB);
  });

  it('more entries than a template has: 422 naming file', async () => {
    const parts = await workbookParts();
    const tiny = await deflated('<x/>');
    const many = Array.from({ length: 500 }, (_, i) => ({ name: `xl/media/image${i}.xml`, data: tiny.data, crc: tiny.crc, declaredSize: tiny.size }));
    refusedNamingFile(await upload(zip([...parts, ...many])), 422);
  });

  it('more rows than a template can have (a real workbook of 12,000 rows, well under 2 MB): 422 naming file, before exceljs reads it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('里程碑更新');
    sheet.addRow(['里程碑ID', '版本号']);
    for (let i = 0; i < 12_000; i += 1) sheet.addRow([i]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(file.length).toBeLessThan(2 * MB);
    const res = await upload(file);
    refusedNamingFile(res, 422);
    expect(res.body).toMatchObject({ code: 'file_not_template' });
  });

  it('a file that only starts like a zip: 400 naming file', async () => {
    refusedNamingFile(await upload(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000, 7)])), 400);
  });
});
