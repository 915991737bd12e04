/**
 * A restart with nothing changed: `npm start` (its prestart checks what changed and builds nothing, then the embedded
 * mode starts PostgreSQL from VAR_DIR, migrates, and serves) until GET /health/ready answers 200, against the same
 * entry run directly with `node` (no build step at all). ratio = baseline time / `npm start` time: 1.0 means the
 * build check costs nothing; the absolute time is what a developer waits (aim: ≤ 5 s).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@qj/config';
import { registerCleanup } from './support/cleanup';
import { compareTimed } from './support/timed';
import type { BenchContext, BenchResult } from './support/types';

const ROOT = join(__dirname, '../..');
const ENTRY = 'dist/apps/embedded/apps/embedded/src/main.js';

/** Starts the command, waits until the tracker is ready, then stops it (SIGTERM, as Ctrl-C would) and waits for it to exit. */
async function startAndStop(command: string, args: string[], env: NodeJS.ProcessEnv, port: number): Promise<void> {
  const child: ChildProcess = spawn(command, args, { cwd: ROOT, env, stdio: 'ignore', detached: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (const deadline = Date.now() + 120_000; ;) {
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (res) => res.status === 200,
        () => false,
      );
      if (ready) break;
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${command} ${args.join(' ')} did not become ready`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    // The whole process group: npm runs the entry as a child.
    process.kill(-(child.pid as number), 'SIGTERM');
    await exited;
  }
}

export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const services = await ctx.services();
  // Under the project's var/, as `npm start` keeps it (the embedded cluster's own user must be able to reach it).
  const varDir = join(ROOT, 'var', 'bench-restart');
  rmSync(varDir, { recursive: true, force: true });
  const cleanup = registerCleanup(async () => rmSync(varDir, { recursive: true, force: true }));
  const port = await freePort(3600);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    VAR_DIR: varDir,
    REDIS_URL: services.redisUrl,
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: `bench_restart_${port}`,
  };
  delete env.DATABASE_URL;
  // The first start creates the embedded cluster and imports the catalog: not a restart, so not measured.
  await startAndStop('node', [ENTRY], env, port);
  try {
    const result = await compareTimed(ctx, {
      name: 'restart',
      description: 'npm start with nothing changed until /health/ready, vs node on the built entry (embedded PostgreSQL, migrations, API and workers)',
      rounds: Math.max(3, ctx.settings.rounds),
      unitName: 'starts',
      subject: { label: 'npm start', where: 'npm start (prestart: apps/build-if-changed.mjs)', units: 1, run: () => startAndStop('npm', ['start'], env, port) },
      baseline: { label: 'node entry', where: `node ${ENTRY}`, units: 1, run: () => startAndStop('node', [ENTRY], env, port) },
    });
    return [{ ...result, extra: { readyMs: result.subject.latencyMs.p50, aimMs: 5000 } }];
  } finally {
    await cleanup();
  }
}
