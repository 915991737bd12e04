import type { Readable } from 'node:stream';
import type { LocalizedText } from '@qj/http';
import yauzl, { Entry, ZipFile } from 'yauzl';

/**
 * What an uploaded .xlsx may hold before exceljs is let near it. An .xlsx is a zip archive, and exceljs inflates
 * all of it into memory: a 1.75 MB file whose sheet inflated to 450 MB took the process to 3.95 GB and stalled the
 * event loop for a minute. The whole district's reviewer template (one row per open milestone: 1,514 rows when the
 * catalog held 300 projects, at most 8 milestones each) is 22 entries, 0.7 MB inflated and ~15,000 cells, so these limits
 * leave it room to grow several times over (and Excel room to add its own parts when it saves the file).
 */
export const XLSX_LIMITS = {
  /** Sum of every entry's inflated size. */
  uncompressedBytes: 20 * 1024 * 1024,
  entries: 64,
  /** Rows over all worksheets: one per open milestone (at most 2,512 for the 314 projects today) plus the header and the rules sheet. */
  rows: 10_000,
  /** Cells over all worksheets: the district template's ~15,000, several times over. */
  cells: 100_000,
} as const;

/** Why an upload was refused before parsing: 413 when it is too large, 422 when it cannot be a template, 400 when it is no zip. */
export class XlsxRefusal extends Error {
  constructor(
    readonly status: 400 | 413 | 422,
    readonly reason: LocalizedText,
  ) {
    super(reason.zh);
  }
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const ROW = /<row[\s>]/g;
const CELL = /<c[\s>]/g;
const MB = 1024 * 1024;

/**
 * Reads the zip's central directory (entry count, declared sizes) and refuses an archive over the limits without
 * inflating anything; then inflates each entry as a stream, discarding the bytes, so that an entry whose header
 * lies about its size is caught as soon as it inflates past it (yauzl's validateEntrySizes) and the worksheets'
 * rows and cells are counted. Memory stays at one zlib window and one chunk, whatever the archive claims, and the
 * inflating runs on libuv's threads, so the event loop (and /health) keeps answering.
 */
export async function assertWithinXlsxLimits(buffer: Buffer): Promise<void> {
  const zip = await openZip(buffer);
  try {
    if (zip.entryCount > XLSX_LIMITS.entries) {
      throw new XlsxRefusal(422, {
        zh: `文件包含 ${zip.entryCount} 个压缩条目，超过模板可能的数量（${XLSX_LIMITS.entries}）：请上传本系统下载的模板`,
        en: `The file holds ${zip.entryCount} archive entries, more than a template can (${XLSX_LIMITS.entries}): upload the template this system gives`,
      });
    }
    const entries = await centralDirectory(zip);
    const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (declared > XLSX_LIMITS.uncompressedBytes) throw tooLarge();
    const counts = { inflated: 0, rows: 0, cells: 0 };
    for (const entry of entries) await inflate(zip, entry, counts);
  } finally {
    zip.close();
  }
}

const tooLarge = () =>
  new XlsxRefusal(413, {
    zh: `文件解压后不能超过 ${XLSX_LIMITS.uncompressedBytes / MB} MB：请上传本系统下载的模板`,
    en: `Unzipped, the file may not exceed ${XLSX_LIMITS.uncompressedBytes / MB} MB: upload the template this system gives`,
  });
const notAZip = () =>
  new XlsxRefusal(400, { zh: '无法读取该文件：请上传用 Excel 保存的 .xlsx 文件', en: 'The file cannot be read: upload an .xlsx file saved by Excel' });

function openZip(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => (error || !zip ? reject(notAZip()) : resolve(zip))),
  );
}

/** Every entry of the central directory, without reading any data. */
function centralDirectory(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', () => reject(notAZip()));
    zip.readEntry();
  });
}

/** Inflates one entry into nothing, counting bytes (and, in a worksheet, `<row` and `<c` tags) against the limits. */
async function inflate(zip: ZipFile, entry: Entry, counts: { inflated: number; rows: number; cells: number }): Promise<void> {
  if (entry.fileName.endsWith('/')) return;
  if (entry.isEncrypted() || !entry.canDecodeFileData()) throw notAZip();
  const stream = await new Promise<Readable>((resolve, reject) =>
    zip.openReadStream(entry, (error, readable) => (error || !readable ? reject(notAZip()) : resolve(readable))),
  );
  const worksheet = WORKSHEET.test(entry.fileName);
  let tail = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      counts.inflated += chunk.length;
      if (counts.inflated > XLSX_LIMITS.uncompressedBytes) throw tooLarge();
      if (!worksheet) continue;
      // A tag may straddle two chunks: the previous chunk's last characters go first, less what was counted in them.
      const text = tail + chunk.toString('latin1');
      counts.rows += occurrences(text, ROW) - occurrences(tail, ROW);
      counts.cells += occurrences(text, CELL) - occurrences(tail, CELL);
      tail = text.slice(-4);
      if (counts.rows > XLSX_LIMITS.rows || counts.cells > XLSX_LIMITS.cells) {
        throw new XlsxRefusal(422, {
          zh: `文件的行数或单元格数超过模板可能的数量（至多 ${XLSX_LIMITS.rows} 行、${XLSX_LIMITS.cells} 个单元格）：请上传本系统下载的模板`,
          en: `The file has more rows or cells than a template can (at most ${XLSX_LIMITS.rows} rows, ${XLSX_LIMITS.cells} cells): upload the template this system gives`,
        });
      }
    }
  } catch (error) {
    stream.destroy();
    if (error instanceof XlsxRefusal) throw error;
    // yauzl's size check: the entry inflates past the size its header declares (a lying header), or short of it.
    throw /too many bytes/i.test(String((error as Error)?.message)) ? tooLarge() : notAZip();
  }
}

function occurrences(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
