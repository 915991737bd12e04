/**
 * `npm run bench [-- name ...]`: runs test/bench/*.bench.ts (all, or those named: `npm run bench -- health`),
 * prints a table and writes test/artifacts/bench.json.
 *
 * Each benchmark file exports `async function run(ctx: BenchContext): Promise<BenchResult[]>`.
 * Load settings (defaults in brackets), per measured round:
 *   BENCH_CONCURRENCY [20] clients · BENCH_DURATION_MS [5000] · BENCH_MAX_REQUESTS [20000] ·
 *   BENCH_ROUNDS [3] per side · BENCH_WARMUP_MS [1000] · BENCH_PICK [best] or median round per side ·
 *   BENCH_TIMEOUT_MS [120000, or the file's own `export const timeoutMs` for those that build big fixtures] per benchmark file.
 * PostgreSQL and Redis: TEST_DATABASE_URL / TEST_REDIS_URL, else the tests' fallbacks (test/support/services.ts).
 * All load goes to 127.0.0.1 only.
 */
import 'reflect-metadata';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, join, relative } from 'node:path';
import { runPendingCleanups } from './support/cleanup';
import { formatTable } from './support/report';
import { provideBenchServices } from './support/services';
import type { BenchContext, BenchResult, BenchRun, BenchServices, LoadSettings } from './support/types';

const ROOT = join(__dirname, '../..');
const OUTPUT = join(ROOT, 'test/artifacts/bench.json');
const SUFFIX = /\.bench\.(ts|js)$/;

function intSetting(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min} (got ${JSON.stringify(raw)})`);
  return value;
}

function pickSetting(): LoadSettings['pick'] {
  const raw = process.env.BENCH_PICK || 'best';
  if (raw !== 'best' && raw !== 'median') throw new Error(`BENCH_PICK must be best or median (got ${JSON.stringify(raw)})`);
  return raw;
}

const started = Date.now();
const log = (message: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${message}\n`);

async function main(): Promise<number> {
  const settings: LoadSettings = {
    concurrency: intSetting('BENCH_CONCURRENCY', 20, 1),
    durationMs: intSetting('BENCH_DURATION_MS', 5000, 100),
    maxRequests: intSetting('BENCH_MAX_REQUESTS', 20000, 1),
    rounds: intSetting('BENCH_ROUNDS', 3, 1),
    warmupMs: intSetting('BENCH_WARMUP_MS', 1000, 0),
    pick: pickSetting(),
  };
  const timeoutMs = intSetting('BENCH_TIMEOUT_MS', 120_000, 1000);

  const available = readdirSync(__dirname)
    .filter((file) => SUFFIX.test(file))
    .sort();
  const names = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = names.filter((name) => !available.some((file) => file.replace(SUFFIX, '') === name));
  if (unknown.length) {
    console.error(`unknown benchmark ${unknown.join(', ')}; available: ${available.map((file) => file.replace(SUFFIX, '')).join(', ')}`);
    return 2;
  }
  const selected = names.length ? available.filter((file) => names.includes(file.replace(SUFFIX, ''))) : available;

  let services: Promise<BenchServices & { stop(): Promise<void> }> | undefined;
  const ctx: BenchContext = {
    settings,
    services: () => (services ??= provideBenchServices()),
    log,
  };
  const stopServices = async () => {
    if (services) await (await services.catch(() => undefined))?.stop();
  };
  // `on`, not `once`: a listener must stay registered, or signal-exit (loaded by a dependency) re-raises the
  // signal as soon as it sees itself alone and the process dies before cleaning up. A second signal forces the exit.
  let interrupting = false;
  const interrupted = async (signal: NodeJS.Signals) => {
    if (interrupting) process.exit(130);
    interrupting = true;
    log(`${signal}: cleaning up (again to force)`);
    await runPendingCleanups(log);
    await stopServices().catch(() => undefined);
    process.exit(130);
  };
  process.on('SIGINT', (signal) => void interrupted(signal));
  process.on('SIGTERM', (signal) => void interrupted(signal));

  const results: BenchResult[] = [];
  const failures: { bench: string; error: string }[] = [];
  try {
    for (const file of selected) {
      const bench = file.replace(SUFFIX, '');
      log(
        `${bench}: starting (${settings.concurrency} clients, rounds of ≤${settings.durationMs} ms or ≤${settings.maxRequests} requests, ${settings.rounds} rounds per side, ${settings.pick} round reported)`,
      );
      let watchdog: NodeJS.Timeout | undefined;
      try {
        const { run, timeoutMs: ownTimeoutMs } = (await import(join(__dirname, file))) as { run?: BenchRun; timeoutMs?: number };
        if (typeof run !== 'function') throw new Error(`${file} does not export run(ctx)`);
        const limitMs = process.env.BENCH_TIMEOUT_MS ? timeoutMs : (ownTimeoutMs ?? timeoutMs);
        const timedOut = new Promise<never>((_, reject) => {
          watchdog = setTimeout(() => reject(new Error(`did not finish within ${limitMs} ms (BENCH_TIMEOUT_MS)`)), limitMs);
        });
        results.push(...(await Promise.race([run(ctx), timedOut])));
        log(`${bench}: done`);
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        failures.push({ bench, error: message });
        log(`${bench}: FAILED ${message}`);
        // A benchmark that timed out may still hold servers: clean up before going on.
        await runPendingCleanups(log);
      } finally {
        clearTimeout(watchdog);
      }
    }
  } finally {
    await runPendingCleanups(log);
    const resolved = services ? await services.catch(() => undefined) : undefined;
    await stopServices().catch((error: unknown) => log(`stopping services failed: ${String(error)}`));

    if (results.length) {
      console.log(`\n${formatTable(results)}`);
      console.log(`(each side: the ${settings.pick} of ${settings.rounds} rounds; ratio = subject / baseline req/s; medians and pair ratios in the JSON)\n`);
    }
    const withErrors = results.filter((r) => r.subject.errors + (r.baseline?.errors ?? 0) > 0);
    for (const r of withErrors) log(`WARNING ${r.name}: some requests failed; see ${relative(ROOT, OUTPUT)} (outcomes per round)`);

    mkdirSync(join(ROOT, 'test/artifacts'), { recursive: true });
    const cpus = os.cpus();
    writeFileSync(
      OUTPUT,
      JSON.stringify(
        {
          generatedAt: new Date().toISOString(),
          durationMs: Date.now() - started,
          machine: {
            cpus: cpus.length,
            cpuModel: cpus[0]?.model,
            memoryGiB: Math.round(os.totalmem() / 2 ** 30),
            platform: `${os.platform()} ${os.release()}`,
            node: process.version,
            loadAverage: os.loadavg(),
          },
          services: resolved ? { postgres: resolved.postgresVersion, redis: resolved.redisVersion } : undefined,
          settings,
          benches: selected.map((file) => basename(file).replace(SUFFIX, '')),
          results,
          failures,
        },
        null,
        2,
      ) + '\n',
    );
    log(`results written to ${relative(ROOT, OUTPUT)}`);
  }
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
