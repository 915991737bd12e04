import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
// Debian's python3-openpyxl is installed for the system interpreter, whatever python3 comes first on the PATH.
const PYTHON = '/usr/bin/python3';
const SCRIPT = join(__dirname, 'office-suites.py');

/** Cells to set, by milestone id then column header; a YYYY-MM-DD value is written as a date. */
export type TemplateEdits = Record<string, Record<string, string>>;

/**
 * The template as openpyxl saves it after setting `edits`: its own part names (xl/comments/comment1.xml), absolute
 * relationship targets, the header's notes as comments. Works in `directory`.
 */
export async function savedByOpenpyxl(template: Buffer, edits: TemplateEdits, directory: string): Promise<Buffer> {
  await writeFile(join(directory, 'template.xlsx'), template);
  await writeFile(join(directory, 'edits.json'), JSON.stringify(edits));
  await run(PYTHON, [SCRIPT, 'openpyxl', join(directory, 'template.xlsx'), join(directory, 'openpyxl.xlsx'), join(directory, 'edits.json')]);
  return readFile(join(directory, 'openpyxl.xlsx'));
}

/** `file` opened and saved again by LibreOffice Calc (`soffice --convert-to xlsx`, a profile of its own in `directory`). */
export async function savedByLibreOffice(file: Buffer, directory: string): Promise<Buffer> {
  await writeFile(join(directory, 'edited.xlsx'), file);
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${directory}/profile`,
      '--headless',
      '--convert-to',
      'xlsx',
      '--outdir',
      join(directory, 'lo'),
      join(directory, 'edited.xlsx'),
    ],
    { timeout: 120_000 },
  );
  return readFile(join(directory, 'lo', 'edited.xlsx'));
}

/**
 * `file` repackaged as lean writers (some WPS and web exports) do: strings inline, no shared strings, no styles (dates
 * are then bare serial numbers).
 */
export async function leanRepackaged(file: Buffer, directory: string): Promise<Buffer> {
  await writeFile(join(directory, 'full.xlsx'), file);
  await run(PYTHON, [SCRIPT, 'inline-no-styles', join(directory, 'full.xlsx'), join(directory, 'lean.xlsx')]);
  return readFile(join(directory, 'lean.xlsx'));
}
