import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '@qj/config';

/** These tests run the built applications (`npm test` builds first), exactly as `npm start` and `npm run start:api` do. */
const ROOT = join(__dirname, '../..');
const EMBEDDED = join(ROOT, 'dist/apps/embedded/apps/embedded/src/main.js');
const API = join(ROOT, 'dist/apps/api/apps/api/src/main.js');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

function launch(script: string, env: Record<string, string | undefined>): Run {
  const started = Date.now();
  const clean = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv;
  const child = spawn(process.execPath, [script], { cwd: ROOT, env: clean, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal, ms: Date.now() - started })),
  );
  return { child, output: () => output, exited };
}

async function waitReady(port: number, run: Run, timeoutMs = 90_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (run.child.exitCode !== null) throw new Error(`exited early:\n${run.output()}`);
    const status = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return Date.now() - started;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`not ready within ${timeoutMs} ms:\n${run.output()}`);
}

function embeddedDb(varDir: string): Client {
  const [, , , port] = readFileSync(join(varDir, 'postgres/postmaster.pid'), 'utf8').split('\n');
  return new Client({ connectionString: `postgres://tracker:tracker@127.0.0.1:${port}/tracker` });
}

describe('start-up configuration errors', () => {
  const base = { REDIS_URL: process.env.TEST_REDIS_URL, JWT_SECRET: 'x'.repeat(40), METRICS_TOKEN: 'm'.repeat(24), PORT: '0' };

  it('an unreachable DATABASE_URL stops start-up within 10 seconds with one line naming it', async () => {
    const run = launch(API, { ...base, DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/nothing' });
    const { code, ms } = await run.exited;
    expect(code).not.toBe(0);
    expect(ms).toBeLessThan(10_000);
    const lines = run.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('DATABASE_URL');
    expect(lines[0]).not.toContain('secret');
  });

  it.each([
    ['DATABASE_URL', { DATABASE_URL: 'mysql://root@localhost/db' }],
    ['PORT', { DATABASE_URL: process.env.TEST_DATABASE_URL, PORT: 'eighty' }],
    ['APP_TIMEZONE', { DATABASE_URL: process.env.TEST_DATABASE_URL, APP_TIMEZONE: 'Mars/Olympus' }],
    ['JWT_SECRET', { DATABASE_URL: process.env.TEST_DATABASE_URL, JWT_SECRET: '' }],
  ])('a wrong %s stops start-up with one line naming it', async (name, env) => {
    const run = launch(API, { ...base, ...env });
    const { code } = await run.exited;
    expect(code).toBe(1);
    const lines = run.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Configuration error: ${name} `));
  });
});

describe('the embedded default (`npm start` with DATABASE_URL unset)', () => {
  const varDir = mkdtempSync(join(tmpdir(), 'tracker-var-'));
  let port: number;
  const env = () => ({ DATABASE_URL: undefined, REDIS_URL: undefined, JWT_SECRET: undefined, VAR_DIR: varDir, PORT: String(port) });

  beforeAll(async () => {
    // As root, PostgreSQL runs as a `postgres` user, which must be able to reach the data directory.
    chmodSync(varDir, 0o755);
    port = await freePort(3400);
  });
  afterAll(() => {
    const pidFile = join(varDir, 'postgres/postmaster.pid');
    if (existsSync(pidFile)) process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
    rmSync(varDir, { recursive: true, force: true });
  });

  it('comes up, keeps its data across a SIGTERM restart and a SIGKILL restart, and exits 0 on SIGTERM', async () => {
    const first = launch(EMBEDDED, env());
    expect(await waitReady(port, first)).toBeLessThan(90_000);
    const ready = (await fetch(`http://127.0.0.1:${port}/health/ready`).then((res) => res.json())) as { status: string };
    expect(ready.status).toBe('ok');
    const db = embeddedDb(varDir);
    await db.connect();
    expect((await db.query('SELECT count(*)::int AS n FROM project')).rows[0].n).toBeGreaterThan(200);
    await db.query(`INSERT INTO unit (code, name) VALUES ('marker', 'kept across restarts')`);
    await db.end();
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    expect(existsSync(join(varDir, 'postgres/postmaster.pid'))).toBe(false);
    // A quiet start: the banner and what matters (the true health path, the first import), not Nest's narration
    // of every module and route, nor its warning about the logger's '*' route.
    const started = first.output();
    expect(started).toContain(`is running: http://localhost:${port}`);
    expect(started).toContain(`health: http://localhost:${port}/health`);
    expect(started).toMatch(/plan catalog imported \(first start\): \d+ projects/);
    for (const noise of ['Unsupported route path', '/api/health', 'InstanceLoader', 'RouterExplorer', 'Mapped {']) expect(started).not.toContain(noise);
    // Nest narrates every module and route before it listens: the start is quiet when little precedes the banner. What
    // the running workers log afterwards is the application's own (a loaded machine gives them time to say more).
    expect(started.slice(0, started.indexOf('is running')).trim().split('\n').length).toBeLessThan(10);

    const second = launch(EMBEDDED, env());
    await waitReady(port, second);
    second.child.kill('SIGKILL');
    await second.exited;

    const third = launch(EMBEDDED, env());
    await waitReady(port, third);
    const again = embeddedDb(varDir);
    await again.connect();
    const { rows } = await again.query(`SELECT name, (SELECT count(*)::int FROM migrations) AS migrations FROM unit WHERE code = 'marker'`);
    await again.end();
    expect(rows).toEqual([{ name: 'kept across restarts', migrations: expect.any(Number) }]);
    third.child.kill('SIGTERM');
    expect((await third.exited).code).toBe(0);
    expect(existsSync(join(varDir, 'postgres/postmaster.pid'))).toBe(false);
  }, 240_000);
});
