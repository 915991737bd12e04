/**
 * Regenerates data/structure.json and data/indicators.json from data/plan-outline.txt.
 *
 *   npx ts-node libs/catalog/tools/extract-structure.ts           # write both files
 *   npx ts-node libs/catalog/tools/extract-structure.ts --check   # exit 1 if the shipped files differ
 *
 * Deterministic: same plan text → byte-identical JSON. The unit tests check that the shipped files equal
 * what this extraction produces, so a hand edit of structure.json that disagrees with the plan fails CI.
 */
import * as fs from 'fs';
import * as path from 'path';
import { extractIndicators, extractStructure } from '../src/plan-text';

const dataDir = path.join(__dirname, '../data');
const planText = fs.readFileSync(path.join(dataDir, 'plan-outline.txt'), 'utf8');

export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const outputs: Array<[string, unknown]> = [
  ['structure.json', extractStructure(planText)],
  ['indicators.json', extractIndicators(planText)],
];

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, value] of outputs) {
  const target = path.join(dataDir, file);
  const text = renderJson(value);
  if (check) {
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current !== text) {
      stale += 1;
      console.error(`${file}: differs from the extraction of plan-outline.txt`);
    } else {
      console.log(`${file}: up to date`);
    }
  } else {
    fs.writeFileSync(target, text);
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  }
}
if (stale > 0) process.exit(1);
