import * as fs from 'fs';
import * as path from 'path';
import {
  CATALOG_FILES,
  SECTORS,
  STAGES,
  type Catalog,
  type CatalogFileName,
  type Indicator,
  type ProjectRecord,
  type Structure,
  type Unit,
} from './catalog.types';
import { plainNumber, readPlanOutline, type ColumnBlock } from './plan-text';
import { readVerb, STAGE_RANK } from './verb-rules';

/** One problem found in a catalog file. `message` is the human-readable form used by CatalogFileError. */
export interface CatalogIssue {
  file: CatalogFileName;
  /** Array index (`17`) or path (`columns[3]`) of the record; null for a problem with the file as a whole. */
  record: string | null;
  /** The record's key / name / label when it has one. */
  key: string | null;
  /** The offending field (`sector`, `sources[0].clause` …), or `(file)` / `(record)`. */
  field: string;
  problem: string;
  message: string;
}

/** Thrown by loadCatalog when a file is missing, is not JSON or fails validation. */
export class CatalogFileError extends Error {
  constructor(readonly issues: CatalogIssue[]) {
    super(CatalogFileError.describe(issues));
    this.name = 'CatalogFileError';
  }

  private static describe(issues: CatalogIssue[]): string {
    const shown = issues.slice(0, 25).map((i) => i.message);
    if (issues.length > shown.length) shown.push(`… and ${issues.length - shown.length} more`);
    return shown.join('\n');
  }
}

/** The files as parsed JSON, before validation. */
export interface RawCatalog {
  structure: unknown;
  projects: unknown;
  indicators: unknown;
  units: unknown;
}

function issue(file: CatalogFileName, record: string | null, key: string | null, field: string, problem: string): CatalogIssue {
  const where = record === null ? '' : key === null ? `: record ${record}` : `: record ${record} (${key})`;
  return { file, record, key, field, problem, message: `${file}${where}: field "${field}": ${problem}` };
}

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const show = (v: unknown): string => (v === undefined ? 'undefined' : JSON.stringify(v));

/** Reports into one file's list of issues, with the record (index + key) fixed. */
class RecordChecker {
  constructor(
    private readonly out: CatalogIssue[],
    private readonly file: CatalogFileName,
    private readonly record: string,
    private readonly key: string | null,
    readonly value: Obj,
  ) {}

  fail(field: string, problem: string): void {
    this.out.push(issue(this.file, this.record, this.key, field, problem));
  }

  string(field: string): string | undefined {
    const v = this.value[field];
    if (v === undefined || v === null) return void this.fail(field, 'missing');
    if (typeof v !== 'string') return void this.fail(field, `must be a string, got ${show(v)}`);
    if (v.trim() === '') return void this.fail(field, 'must not be empty');
    return v;
  }

  int(field: string): number | undefined {
    const v = this.value[field];
    if (v === undefined || v === null) return void this.fail(field, 'missing');
    if (!isPositiveInt(v)) return void this.fail(field, `must be a positive integer, got ${show(v)}`);
    return v;
  }

  bool(field: string): boolean | undefined {
    const v = this.value[field];
    if (v === undefined || v === null) return void this.fail(field, 'missing');
    if (typeof v !== 'boolean') return void this.fail(field, `must be true or false, got ${show(v)}`);
    return v;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    const v = this.value[field];
    if (v === undefined || v === null) return void this.fail(field, 'missing');
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      return void this.fail(field, `unknown value ${show(v)} (expected one of ${allowed.join(', ')})`);
    }
    return v as T;
  }

  /** A string that must occur in the plan text. */
  planString(field: string, planText: string): string | undefined {
    const v = this.string(field);
    if (v !== undefined && !planText.includes(v)) this.fail(field, `${show(v)} does not occur in ${CATALOG_FILES.plan}`);
    return v;
  }
}

/** Runs `check` on every element of an array file/field, giving each a RecordChecker. */
function eachRecord(
  out: CatalogIssue[],
  file: CatalogFileName,
  value: unknown,
  prefix: string,
  keyOf: (o: Obj) => unknown,
  check: (c: RecordChecker, index: number) => void,
): void {
  if (!Array.isArray(value)) {
    out.push(issue(file, null, null, prefix === '' ? '(file)' : prefix, `must be an array, got ${show(value)}`));
    return;
  }
  value.forEach((v, index) => {
    const record = prefix === '' ? String(index) : `${prefix}[${index}]`;
    if (!isObject(v)) {
      out.push(issue(file, record, null, '(record)', `must be an object, got ${show(v)}`));
      return;
    }
    const key = keyOf(v);
    check(new RecordChecker(out, file, record, isNonEmptyString(key) ? key : null, v), index);
  });
}

function validateStructure(raw: unknown, planText: string, out: CatalogIssue[]): Structure | null {
  const file = CATALOG_FILES.structure;
  if (!isObject(raw)) {
    out.push(issue(file, null, null, '(file)', `must be an object with parts, chapters, sections, columns; got ${show(raw)}`));
    return null;
  }
  const before = out.length;
  const partNos = new Set<number>();
  const chapterNos = new Set<number>();
  const sectionIds = new Set<string>();
  const columnNos = new Set<number>();
  const label = (o: Obj): unknown => o.label;

  eachRecord(out, file, raw.parts, 'parts', label, (c) => {
    const no = c.int('no');
    c.string('label');
    c.planString('title', planText);
    if (no !== undefined && partNos.has(no)) c.fail('no', `duplicate part number ${no}`);
    if (no !== undefined) partNos.add(no);
  });
  eachRecord(out, file, raw.chapters, 'chapters', label, (c) => {
    const no = c.int('no');
    c.string('label');
    c.planString('title', planText);
    const part = c.int('part');
    if (part !== undefined && !partNos.has(part)) c.fail('part', `part ${part} is not in parts`);
    if (no !== undefined && chapterNos.has(no)) c.fail('no', `duplicate chapter number ${no}`);
    if (no !== undefined) chapterNos.add(no);
  });
  eachRecord(
    out,
    file,
    raw.sections,
    'sections',
    (o) => `第${String(o.chapter)}章${String(o.label)}`,
    (c) => {
      const chapter = c.int('chapter');
      const no = c.int('no');
      c.string('label');
      c.planString('title', planText);
      if (chapter !== undefined && !chapterNos.has(chapter)) c.fail('chapter', `chapter ${chapter} is not in chapters`);
      const id = `${chapter}.${no}`;
      if (sectionIds.has(id)) c.fail('no', `duplicate section ${no} in chapter ${chapter}`);
      sectionIds.add(id);
    },
  );
  eachRecord(out, file, raw.columns, 'columns', label, (c, ci) => {
    const no = c.int('no');
    c.string('label');
    c.planString('title', planText);
    const chapter = c.int('chapter');
    if (chapter !== undefined && !chapterNos.has(chapter)) c.fail('chapter', `chapter ${chapter} is not in chapters`);
    const section = c.value.section;
    if (section === undefined) c.fail('section', 'missing (use null when the column stands before any 节)');
    else if (section !== null && !isPositiveInt(section)) c.fail('section', `must be a positive integer or null, got ${show(section)}`);
    else if (section !== null && chapter !== undefined && chapterNos.has(chapter) && !sectionIds.has(`${chapter}.${section}`)) {
      c.fail('section', `section ${section} is not in chapter ${chapter}`);
    }
    if (no !== undefined && columnNos.has(no)) c.fail('no', `duplicate column number ${no}`);
    if (no !== undefined) columnNos.add(no);
    const itemNos = new Set<number>();
    eachRecord(out, file, c.value.items, `columns[${ci}].items`, label, (item) => {
      const itemNo = item.int('no');
      item.planString('label', planText);
      item.string('title');
      if (itemNo !== undefined && itemNos.has(itemNo)) item.fail('no', `duplicate item number ${itemNo}`);
      if (itemNo !== undefined) itemNos.add(itemNo);
    });
  });
  return out.length === before ? (raw as unknown as Structure) : null;
}

/** Every offset at which `needle` occurs in `haystack`. */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

function validateProjects(raw: unknown, structure: Structure | null, planText: string, out: CatalogIssue[]): void {
  const file = CATALOG_FILES.projects;
  const blocks = new Map<number, ColumnBlock>(readPlanOutline(planText).columns.map((b) => [b.no, b]));
  const structureColumns = new Map((structure?.columns ?? []).map((c) => [c.no, c]));
  const keys = new Map<string, number>();
  const names = new Map<string, { index: number; columns: Set<number> }>();

  eachRecord(
    out,
    file,
    raw,
    '',
    (o) => o.key,
    (c, index) => {
      const key = c.string('key');
      const name = c.string('name');
      c.oneOf('sector', SECTORS);
      const target = c.oneOf('target', STAGES);
      const ambiguous = c.bool('targetAmbiguous');
      const verb = c.string('targetVerb');
      const baseline = c.oneOf('baselineStage', STAGES);

      if (key !== undefined) {
        const other = keys.get(key);
        if (other !== undefined) c.fail('key', `duplicate key ${show(key)} (also record ${other})`);
        else keys.set(key, index);
      }

      if (verb !== undefined && target !== undefined && ambiguous !== undefined) {
        const reading = readVerb(verb);
        if (reading.target !== target) c.fail('target', `${show(target)} does not follow from targetVerb ${show(verb)} (expected ${show(reading.target)})`);
        if (reading.ambiguous !== ambiguous) {
          c.fail('targetAmbiguous', `must be ${reading.ambiguous} for targetVerb ${show(verb)} (${reading.ambiguous ? 'a vague verb' : 'a definite verb'})`);
        }
      }

      const baselineClause = c.value.baselineClause;
      if (baselineClause !== undefined) {
        if (!isNonEmptyString(baselineClause)) c.fail('baselineClause', `must be a non-empty string, got ${show(baselineClause)}`);
        else if (!planText.includes(baselineClause)) c.fail('baselineClause', `${show(baselineClause)} does not occur in ${CATALOG_FILES.plan}`);
        if (baseline === 'study') c.fail('baselineClause', 'only allowed when baselineStage is not "study"');
      } else if (baseline !== undefined && baseline !== 'study') {
        c.fail('baselineClause', `missing: baselineStage ${show(baseline)} needs the plan's words (在建 …) as evidence`);
      }
      if (target !== undefined && baseline !== undefined && STAGE_RANK[target] < STAGE_RANK[baseline]) {
        c.fail('target', `${show(target)} is behind baselineStage ${show(baseline)}`);
      }

      const sources = c.value.sources;
      const columnsOfRecord = new Set<number>();
      let verbQuoted = false;
      if (!Array.isArray(sources) || sources.length === 0) {
        c.fail('sources', `must be a non-empty array, got ${show(sources)}`);
      } else {
        const seen = new Set<string>();
        sources.forEach((s, si) => {
          const f = `sources[${si}]`;
          if (!isObject(s)) return c.fail(f, `must be an object, got ${show(s)}`);
          const column = s.column;
          const item = s.item;
          const clause = s.clause;
          const mention = s.mention;
          let block: ColumnBlock | undefined;
          if (!isPositiveInt(column)) c.fail(`${f}.column`, `must be a positive integer, got ${show(column)}`);
          else if (structure !== null && !structureColumns.has(column)) c.fail(`${f}.column`, `column ${column} is not in ${CATALOG_FILES.structure}`);
          else {
            columnsOfRecord.add(column);
            block = blocks.get(column);
          }
          if (item === undefined) c.fail(`${f}.item`, 'missing (use null for text outside the numbered items)');
          else if (item !== null && !isPositiveInt(item)) c.fail(`${f}.item`, `must be a positive integer or null, got ${show(item)}`);
          else if (item !== null && isPositiveInt(column) && structureColumns.has(column) && !structureColumns.get(column)!.items.some((i) => i.no === item)) {
            c.fail(`${f}.item`, `column ${column} has no item ${item}`);
          }
          if (!isNonEmptyString(clause)) return c.fail(`${f}.clause`, `must be a non-empty string, got ${show(clause)}`);
          const at = occurrences(planText, clause);
          if (at.length === 0) c.fail(`${f}.clause`, `${show(clause)} does not occur in ${CATALOG_FILES.plan}`);
          else if (block && (item === null || isPositiveInt(item))) {
            const itemBlock = item === null ? undefined : block.items.find((i) => i.no === item);
            const inside = at.some((p) => {
              const end = p + clause.length;
              if (p < block.start || end > block.end) return false;
              const holder = block.items.find((i) => p >= i.start && end <= i.end);
              return item === null ? holder === undefined : holder !== undefined && holder === itemBlock;
            });
            if (!inside) {
              const where = item === null ? `专栏${block.no} outside its numbered items` : `专栏${block.no} item ${item}`;
              c.fail(`${f}.clause`, `${show(clause)} does not occur in ${where}`);
            }
          }
          if (mention !== undefined) {
            if (!isNonEmptyString(mention)) c.fail(`${f}.mention`, `must be a non-empty string, got ${show(mention)}`);
            else if (!clause.includes(mention)) c.fail(`${f}.mention`, `${show(mention)} is not part of the clause`);
          }
          const wordings = [name, typeof mention === 'string' ? mention : undefined].filter((x): x is string => !!x);
          const quotesVerb = verb !== undefined && clause.includes(verb);
          if (quotesVerb) verbQuoted = true;
          if (!quotesVerb && !wordings.some((n) => clause.includes(n))) {
            c.fail(
              `${f}.clause`,
              `${show(clause)} contains neither the name ${show(name)}${typeof mention === 'string' ? `, the mention ${show(mention)}` : ''} nor the verb ${show(verb)}`,
            );
          }
          const id = `${String(column)}/${String(item)}/${clause}`;
          if (seen.has(id)) c.fail(f, 'duplicate source');
          seen.add(id);
        });
        if (verb !== undefined && !verbQuoted) c.fail('targetVerb', `${show(verb)} is not quoted by any source clause`);
      }

      if (name !== undefined) {
        const other = names.get(name);
        if (other !== undefined) {
          const shared = [...columnsOfRecord].filter((col) => other.columns.has(col));
          const where = shared.length > 0 ? ` within 专栏${shared.join('/')}` : '';
          c.fail('name', `duplicate name ${show(name)}${where} (also record ${other.index}); a project named twice is one record with two sources`);
        } else {
          names.set(name, { index, columns: columnsOfRecord });
        }
      }
    },
  );
}

function validateIndicators(raw: unknown, out: CatalogIssue[]): void {
  const file = CATALOG_FILES.indicators;
  const nos = new Set<number>();
  eachRecord(
    out,
    file,
    raw,
    '',
    (o) => o.name,
    (c) => {
      const no = c.int('no');
      c.string('category');
      c.string('name');
      const unit = c.value.unit;
      if (unit === undefined) c.fail('unit', 'missing (use null when the plan gives no unit)');
      else if (unit !== null && !isNonEmptyString(unit)) c.fail('unit', `must be a non-empty string or null, got ${show(unit)}`);
      const v2025 = c.string('value2025');
      const t2030 = c.string('target2030');
      const nature = c.oneOf('nature', ['expected', 'binding'] as const);
      const natureLabel = c.oneOf('natureLabel', ['预期性', '约束性'] as const);
      if (nature !== undefined && natureLabel !== undefined && (nature === 'expected') !== (natureLabel === '预期性')) {
        c.fail('natureLabel', `${show(natureLabel)} does not match nature ${show(nature)}`);
      }
      c.bool('annualGrowth');
      if (t2030 !== undefined && t2030.includes('*')) c.fail('target2030', 'must not contain the * marker (see annualGrowth)');
      for (const [field, text] of [
        ['value2025Number', v2025],
        ['target2030Number', t2030],
      ] as const) {
        const v = c.value[field];
        if (v === undefined) c.fail(field, 'missing (use null when the value is not a plain number)');
        else if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) c.fail(field, `must be a number or null, got ${show(v)}`);
        else if (text !== undefined && v !== plainNumber(text)) c.fail(field, `${show(v)} does not match ${show(text)} (expected ${show(plainNumber(text))})`);
      }
      if (no !== undefined && nos.has(no)) c.fail('no', `duplicate indicator number ${no}`);
      if (no !== undefined) nos.add(no);
    },
  );
}

function validateUnits(raw: unknown, out: CatalogIssue[]): void {
  const file = CATALOG_FILES.units;
  const codes = new Set<string>();
  const owner = new Map<string, string>();
  eachRecord(
    out,
    file,
    raw,
    '',
    (o) => o.code,
    (c) => {
      const code = c.string('code');
      c.string('name');
      if (code !== undefined && !/^[a-z][a-z0-9_-]*$/.test(code)) c.fail('code', `${show(code)} is not a short ascii slug ([a-z][a-z0-9_-]*)`);
      if (code !== undefined && codes.has(code)) c.fail('code', `duplicate code ${show(code)}`);
      if (code !== undefined) codes.add(code);
      const sectors = c.value.sectors;
      if (!Array.isArray(sectors) || sectors.length === 0) return c.fail('sectors', `must be a non-empty array, got ${show(sectors)}`);
      sectors.forEach((s, si) => {
        if (typeof s !== 'string' || !(SECTORS as readonly string[]).includes(s)) return c.fail(`sectors[${si}]`, `unknown value ${show(s)}`);
        const prior = owner.get(s);
        if (prior !== undefined) c.fail(`sectors[${si}]`, `sector ${show(s)} already belongs to unit ${show(prior)}; each sector has exactly one unit`);
        else owner.set(s, code ?? '?');
      });
    },
  );
  if (Array.isArray(raw)) {
    for (const s of SECTORS) if (!owner.has(s)) out.push(issue(file, null, null, 'sectors', `sector ${show(s)} has no unit`));
  }
}

/**
 * Checks the parsed catalog files against each other and against the plan text. Returns every problem found
 * (an empty list means the catalog is valid); never throws.
 */
export function validateCatalog(raw: RawCatalog, planText: string): CatalogIssue[] {
  const out: CatalogIssue[] = [];
  const structure = validateStructure(raw.structure, planText, out);
  validateProjects(raw.projects, structure, planText, out);
  validateIndicators(raw.indicators, out);
  validateUnits(raw.units, out);
  return out;
}

export const DEFAULT_CATALOG_DIR = path.join(__dirname, '../data');

function readText(dir: string, file: CatalogFileName): string {
  try {
    return fs.readFileSync(path.join(dir, file), 'utf8');
  } catch (e) {
    throw new CatalogFileError([issue(file, null, null, '(file)', `cannot be read from ${dir}: ${(e as Error).message}`)]);
  }
}

function readJson(dir: string, file: CatalogFileName): unknown {
  const text = readText(dir, file);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CatalogFileError([issue(file, null, null, '(file)', `is not valid JSON: ${(e as Error).message}`)]);
  }
}

/** Reads and validates the catalog files; throws CatalogFileError naming file, record and field on any problem. */
export function loadCatalog(dir: string = DEFAULT_CATALOG_DIR): Catalog {
  const planText = readText(dir, CATALOG_FILES.plan);
  const raw: RawCatalog = {
    structure: readJson(dir, CATALOG_FILES.structure),
    projects: readJson(dir, CATALOG_FILES.projects),
    indicators: readJson(dir, CATALOG_FILES.indicators),
    units: readJson(dir, CATALOG_FILES.units),
  };
  const issues = validateCatalog(raw, planText);
  if (issues.length > 0) throw new CatalogFileError(issues);
  return {
    structure: raw.structure as Structure,
    projects: raw.projects as ProjectRecord[],
    indicators: raw.indicators as Indicator[],
    units: raw.units as Unit[],
    planText,
  };
}

/** The unit answering for a sector (units.json maps each sector to exactly one unit). */
export function unitForSector(catalog: Pick<Catalog, 'units'>, sector: ProjectRecord['sector']): Unit {
  const unit = catalog.units.find((u) => u.sectors.includes(sector));
  if (!unit) throw new Error(`no unit for sector ${sector}`);
  return unit;
}
