/**
 * Builds data/projects.json from the reviewed groups in project-curation.ts.
 *
 *   npx ts-node libs/catalog/tools/build-projects.ts           # write data/projects.json
 *   npx ts-node libs/catalog/tools/build-projects.ts --check   # exit 1 if the shipped file differs
 *
 * For every group it finds the segment inside its column (so the column/item of each source is computed, not
 * typed), cuts the clause from the verb to the member's name (plus the shared suffix when the name is composed
 * from it), reads the target from the verb (src/verb-rules.ts) and merges members that carry the same name into
 * one record with several sources. When sources disagree, a definite verb wins over a vague one, then plan order.
 *
 * projects.json is the reviewed, published artifact: keys already published are kept (matched by name or by
 * first source) so that re-running the tool never changes a key.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ProjectRecord, Sector, Source } from '../src/catalog.types';
import { readPlanOutline } from '../src/plan-text';
import { readVerb, type VerbReading } from '../src/verb-rules';
import { BASELINES, GROUPS, type Group } from './project-curation';

const dataDir = path.join(__dirname, '../data');
const outFile = path.join(dataDir, 'projects.json');
const planText = fs.readFileSync(path.join(dataDir, 'plan-outline.txt'), 'utf8');
const outline = readPlanOutline(planText);

function fail(group: Group, problem: string): never {
  throw new Error(`专栏${group.col} 「${group.seg.slice(0, 30)}…」: ${problem}`);
}

function onlyIndex(group: Group, haystack: string, needle: string, what: string): number {
  const first = haystack.indexOf(needle);
  if (first < 0) fail(group, `${what} ${JSON.stringify(needle)} not found`);
  if (haystack.indexOf(needle, first + 1) >= 0) fail(group, `${what} ${JSON.stringify(needle)} occurs more than once`);
  return first;
}

interface Draft {
  name: string;
  sector: Sector;
  readings: Array<VerbReading & { verb: string }>;
  sources: Source[];
}

const drafts = new Map<string, Draft>();

for (const group of GROUPS) {
  const block = outline.columns.find((c) => c.no === group.col);
  if (!block) fail(group, 'no such column');
  const segAt = block.start + onlyIndex(group, planText.slice(block.start, block.end), group.seg, 'segment');
  const segEnd = segAt + group.seg.length;
  const holder = block.items.find((i) => segAt >= i.start && segEnd <= i.end);
  if (!holder && block.items.some((i) => segAt < i.end && segEnd > i.start)) fail(group, 'segment straddles an item boundary');
  const item = holder ? holder.no : null;

  const seg = group.seg;
  const verbAt = onlyIndex(group, seg, group.verb, 'verb');
  const leadAt = group.lead === undefined ? undefined : onlyIndex(group, seg, group.lead, 'lead');
  const reading = readVerb(group.verb);

  for (const member of group.members) {
    const [name, anchor, options] = typeof member === 'string' ? [member, member, undefined] : member;
    const anchorAt = onlyIndex(group, seg, anchor, 'member');
    let start = Math.min(verbAt, anchorAt, leadAt ?? Infinity);
    let end = Math.max(verbAt + group.verb.length, anchorAt + anchor.length);
    const suffix = options?.suffix ?? group.suffix;
    if (!seg.slice(start, end).includes(name) && suffix !== undefined) {
      const suffixAt = seg.indexOf(suffix, anchorAt + anchor.length);
      if (suffixAt < 0) fail(group, `suffix ${JSON.stringify(suffix)} not found after ${JSON.stringify(anchor)}`);
      end = Math.max(end, suffixAt + suffix.length);
    }
    start = Math.max(0, start);
    const clause = seg.slice(start, end);
    const source: Source = { column: group.col, item, clause };
    if (!clause.includes(name)) source.mention = anchor;

    const sector = options?.sector ?? group.sector;
    const draft = drafts.get(name);
    if (draft) {
      if (draft.sector !== sector) fail(group, `${name}: sector ${sector} differs from earlier ${draft.sector}`);
      draft.readings.push({ ...reading, verb: group.verb });
      draft.sources.push(source);
    } else {
      drafts.set(name, { name, sector, readings: [{ ...reading, verb: group.verb }], sources: [source] });
    }
  }
}

const published = (fs.existsSync(outFile) ? JSON.parse(fs.readFileSync(outFile, 'utf8')) : []) as ProjectRecord[];
const sourceId = (s: Source | undefined): string => (s ? `${s.column}/${s.item}/${s.clause}/${s.mention ?? ''}` : '');

const unusedBaselines = new Set(Object.keys(BASELINES));
const records: ProjectRecord[] = [...drafts.values()].map((d) => {
  const definite = d.readings.filter((r) => !r.ambiguous);
  if (new Set(definite.map((r) => r.target)).size > 1) {
    throw new Error(`${d.name}: definite verbs disagree: ${definite.map((r) => `${r.verb}→${r.target}`).join(', ')}`);
  }
  const chosen = definite[0] ?? d.readings[0];
  const baselineClause = BASELINES[d.name];
  unusedBaselines.delete(d.name);
  if (baselineClause !== undefined && !planText.includes(baselineClause)) throw new Error(`${d.name}: baseline clause not in plan`);
  const previous = published.find((p) => p.name === d.name) ?? published.find((p) => sourceId(p.sources[0]) === sourceId(d.sources[0]));
  const record: ProjectRecord = {
    key: previous?.key ?? d.name,
    name: d.name,
    sector: d.sector,
    target: chosen.target,
    targetAmbiguous: chosen.ambiguous,
    targetVerb: chosen.verb,
    baselineStage: baselineClause === undefined ? 'study' : 'start',
    ...(baselineClause === undefined ? {} : { baselineClause }),
    sources: d.sources,
  };
  return record;
});
if (unusedBaselines.size > 0) throw new Error(`BASELINES for unknown projects: ${[...unusedBaselines].join(', ')}`);

const text = `${JSON.stringify(records, null, 2)}\n`;
const perColumn = new Map<number, number>();
for (const r of records) for (const c of new Set(r.sources.map((s) => s.column))) perColumn.set(c, (perColumn.get(c) ?? 0) + 1);

if (process.argv.includes('--check')) {
  const current = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : '';
  if (current !== text) {
    console.error('projects.json differs from the curation in tools/project-curation.ts');
    process.exit(1);
  }
  console.log('projects.json: up to date');
} else {
  fs.writeFileSync(outFile, text);
  console.log(`wrote ${path.relative(process.cwd(), outFile)}: ${records.length} projects`);
}
console.log(
  [...perColumn.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([c, n]) => `${c}: ${n}`)
    .join(', '),
);
