import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { answers } from '../../libs/config/src/local-services/local-redis';
import type { TestApp } from './test-app';

export const ROOT = join(__dirname, '../..');
export const WORKER_MAIN = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');

export interface Launched {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs a built entry point (`npm test` builds first) with the given environment on top of this one. */
export function launch(script: string, env: Record<string, string | undefined>): Launched {
  const merged = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv;
  const child = spawn(process.execPath, [script], { cwd: ROOT, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  return { child, output: () => output, exited };
}

/** What a worker shares with the suite's API: the schema, the Redis and queue prefix, the token secret. */
type SharedEnv = Pick<TestApp['env'], 'DATABASE_URL' | 'DATABASE_SCHEMA' | 'REDIS_URL' | 'QUEUE_PREFIX' | 'JWT_SECRET'>;

/** Runs the built worker against the suite's schema and queues; `env` adds the rest (SMTP_URL, LOG_LEVEL, …) or replaces a shared value. */
export function launchWorker(shared: SharedEnv, env: Record<string, string | undefined> = {}): Launched {
  const { DATABASE_URL, DATABASE_SCHEMA, REDIS_URL, QUEUE_PREFIX, JWT_SECRET } = shared;
  return launch(WORKER_MAIN, { DATABASE_URL, DATABASE_SCHEMA, REDIS_URL, QUEUE_PREFIX, JWT_SECRET, ...env });
}

/** A Redis of the suite's own (append-only, like production), which the suite may stop and restart at will. */
export class PrivateRedis {
  private child?: ChildProcess;
  constructor(
    readonly port: number,
    private readonly dir: string,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(
      'redis-server',
      ['--bind', '127.0.0.1', '--port', String(this.port), '--dir', this.dir, '--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction'],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 100 && !(await answers(this.url, 200)); i++) await new Promise((done) => setTimeout(done, 50));
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  }
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000, everyMs = 250): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, everyMs));
  }
}
