import ExcelJS from 'exceljs';
// exceljs reads every .xlsx through JSZip; repairing the package with the same library means both see the same archive.
import JSZip from 'jszip';
import type { LocalizedText } from '@qj/http';

/** The file is not a template at all (as opposed to a row in it being wrong): why, in each language (the upload's 400 names `file` with it). */
export class UnreadableSheetError extends Error {
  constructor(readonly reason: LocalizedText) {
    super(reason.zh);
  }
}

const REL = {
  officeDocument: /\/officeDocument$/,
  worksheet: /\/worksheet$/,
  sharedStrings: /\/sharedStrings$/,
  styles: /\/styles$/,
} as const;

// What exceljs 4 needs of a stylesheet when a writer leaves it out: one font, fill, border and the general cell format.
const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

// Worksheet elements that point at parts the import never reads (comments, pictures, tables, links); exceljs follows
// them by fixed part names and crashes when a writer named the parts otherwise.
const SHEET_REFERENCES = [
  /<(?:\w+:)?hyperlinks\b[^>]*\/>|<(?:\w+:)?hyperlinks\b[\s\S]*?<\/(?:\w+:)?hyperlinks>/g,
  /<(?:\w+:)?tableParts\b[^>]*\/>|<(?:\w+:)?tableParts\b[\s\S]*?<\/(?:\w+:)?tableParts>/g,
  /<(?:\w+:)?(?:drawing|legacyDrawing|legacyDrawingHF|picture)\b[^>]*\/>/g,
];

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/**
 * Loads an uploaded .xlsx with exceljs, whichever suite wrote it. exceljs 4 reads a package as Excel itself names its
 * parts (`xl/comments1.xml`, targets relative to `xl/`); openpyxl writes `xl/comments/comment1.xml` under absolute
 * targets, and exceljs crashed on the note of the template's header (`reading 'comments'`). So the package is first
 * rewritten to what the import reads — the workbook, its worksheets, shared strings and styles, under the names
 * exceljs expects, found through the package's own relationships — and nothing else: comments, drawings, tables,
 * themes and links carry no value a template holds.
 */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const normalised = await normalisePackage(buffer);
  try {
    await workbook.xlsx.load(normalised as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableSheetError({
      zh: `无法读取该文件的表格内容（${describe(error)}）：请在 Excel 或 WPS 中打开后另存为 .xlsx 工作簿再上传`,
      en: `The file's sheets cannot be read (${describe(error)}): open it in Excel or WPS, save it as an .xlsx workbook and upload it again`,
    });
  }
  return workbook;
}

async function normalisePackage(buffer: Buffer): Promise<Buffer> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (error) {
    throw new UnreadableSheetError({
      zh: `该文件不是有效的 .xlsx 压缩包（${describe(error)}），可能已损坏或只下载了一部分：请重新保存后上传`,
      en: `The file is not a valid .xlsx archive (${describe(error)}); it may be damaged or only partly downloaded: save it again and upload it`,
    });
  }
  const text = async (path: string) => (await part(zip, path)?.async('string')) ?? null;
  const rootRels = relationships(await text('_rels/.rels'), '');
  const workbookPath = rootRels.find((rel) => REL.officeDocument.test(rel.type))?.target ?? 'xl/workbook.xml';
  const workbookXml = await text(workbookPath);
  if (workbookXml === null) {
    throw new UnreadableSheetError({
      zh: '文件中没有 Excel 工作簿（可能是 Word、PowerPoint 或其他软件的文件改了扩展名）：请上传 .xlsx 工作簿',
      en: 'The file holds no Excel workbook (perhaps a Word, PowerPoint or other file renamed): upload an .xlsx workbook',
    });
  }
  const workbookDir = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  const workbookRels = relationships(await text(`${workbookDir}_rels/${workbookPath.slice(workbookDir.length)}.rels`), workbookDir);

  const out = new JSZip();
  const rels: string[] = [];
  let sheetNumber = 0;
  for (const rel of workbookRels) {
    const content = await text(rel.target);
    if (content === null) continue;
    if (REL.worksheet.test(rel.type)) {
      sheetNumber += 1;
      out.file(
        `xl/worksheets/sheet${sheetNumber}.xml`,
        SHEET_REFERENCES.reduce((xml, pattern) => xml.replace(pattern, ''), content),
      );
      rels.push(relationship(rel.id, rel.type, `worksheets/sheet${sheetNumber}.xml`));
    } else if (REL.sharedStrings.test(rel.type)) {
      out.file('xl/sharedStrings.xml', content);
      rels.push(relationship(rel.id, rel.type, 'sharedStrings.xml'));
    } else if (REL.styles.test(rel.type)) {
      out.file('xl/styles.xml', content);
      rels.push(relationship(rel.id, rel.type, 'styles.xml'));
    }
  }
  if (sheetNumber === 0) throw new UnreadableSheetError({ zh: '文件中没有工作表', en: 'The file has no worksheet' });
  if (!out.file('xl/styles.xml')) out.file('xl/styles.xml', MINIMAL_STYLES);
  out.file('xl/workbook.xml', workbookXml);
  out.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  // Stored, not deflated: exceljs unpacks it again at once.
  return out.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

/** A part by its path, whatever the case of its name (the package's names are case-insensitive). */
function part(zip: JSZip, path: string): JSZip.JSZipObject | null {
  const wanted = path.toLowerCase();
  return zip.file(path) ?? Object.values(zip.files).find((entry) => !entry.dir && entry.name.replace(/^\//, '').toLowerCase() === wanted) ?? null;
}

/** The relationships of a `.rels` part, their targets resolved to package paths (absolute ones, and `../`, included). */
function relationships(xml: string | null, baseDir: string): Relationship[] {
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)].flatMap(([, attributes]) => {
    const attribute = (name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"|\\b${name}\\s*=\\s*'([^']*)'`).exec(attributes);
    const [id, type, target, mode] = ['Id', 'Type', 'Target', 'TargetMode'].map((name) => {
      const match = attribute(name);
      return match ? (match[1] ?? match[2]) : undefined;
    });
    if (!id || !type || !target || mode === 'External') return [];
    return [{ id, type, target: resolve(baseDir, decodeXml(target)) }];
  });
}

function resolve(baseDir: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const path: string[] = [];
  for (const segment of segments) {
    if (segment === '..') path.pop();
    else if (segment !== '.' && segment !== '') path.push(segment);
  }
  return path.join('/');
}

function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${encodeXml(id)}" Type="${encodeXml(type)}" Target="${target}"/>`;
}

const decodeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '');
const encodeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}
