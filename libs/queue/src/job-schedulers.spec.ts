import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('job schedulers', () => {
  it('are registered only through ensureJobScheduler, which never replaces a firing already due', () => {
    const callers = [...sources(join(ROOT, 'apps')), ...sources(join(ROOT, 'libs'))]
      .filter((file) => readFileSync(file, 'utf8').includes('upsertJobScheduler('))
      .map((file) => relative(ROOT, file));
    expect(callers).toEqual(['libs/queue/src/job-schedulers.ts']);
  });
});
