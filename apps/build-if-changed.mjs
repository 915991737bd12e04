// Builds the applications whose sources changed since their last build, and only those: `npm start` restarts in
// seconds when nothing changed. A target's stamp is a hash of the content of every input file (not of times, so a
// checkout or a copy that keeps the content does not rebuild); it is written only after a build succeeds.
// Usage: node apps/build-if-changed.mjs [api] [worker] [embedded] [web]   (all of them by default)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const server = ['libs', 'migrations', 'tsconfig.json', 'nest-cli.json', 'package-lock.json'];
const TARGETS = {
  api: { inputs: ['apps/api', ...server], output: 'dist/apps/api', command: ['npx', ['nest', 'build', 'api']] },
  worker: { inputs: ['apps/worker', ...server], output: 'dist/apps/worker', command: ['npx', ['nest', 'build', 'worker']] },
  // `npm start`: the API and the workers in one process.
  embedded: { inputs: ['apps/embedded', 'apps/api', 'apps/worker', ...server], output: 'dist/apps/embedded', command: ['npx', ['nest', 'build', 'embedded']] },
  web: { inputs: ['apps/web', 'package-lock.json'], output: 'dist/web', command: ['npm', ['run', '--silent', 'web:build']] },
};

function files(path) {
  const absolute = join(root, path);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [path];
  return readdirSync(absolute, { withFileTypes: true })
    .filter((entry) => entry.name !== 'node_modules')
    .flatMap((entry) => files(relative(root, join(absolute, entry.name))));
}

function stampOf(inputs) {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(files).sort())
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(TARGETS)) {
  const target = TARGETS[name];
  if (!target) throw new Error(`unknown build target "${name}" (one of ${Object.keys(TARGETS).join(', ')})`);
  const stamp = stampOf(target.inputs);
  const stampFile = join(root, target.output, '.build-stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) continue;
  console.log(`building ${name} (its sources changed)`);
  const [command, args] = target.command;
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  writeFileSync(stampFile, stamp);
}
