import type { DynamicModule, INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import Redis from 'ioredis';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import type Test from 'supertest/lib/test';
import { Env, validateEnv } from '@qj/config';
import { prepareDatabase } from '@qj/persistence';
import { ensureDemoAccounts } from '../../apps/api/src/auth';
import { createApiApp } from '../../apps/api/src/bootstrap';

/** The password of every demo account in the tests: admin, reviewer, owner_<unit code>. */
export const DEMO_PASSWORD = 'qijiang2030';

/** Requests as a signed-in user: each sends `Authorization: Bearer <token>` of that user. */
export interface SignedInClient {
  get(url: string): Test;
  post(url: string): Test;
  put(url: string): Test;
  patch(url: string): Test;
  delete(url: string): Test;
}

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  env: Env & { DATABASE_URL: string; DATABASE_SCHEMA: string; REDIS_URL: string };
  /** A raw connection into the suite's schema, for arranging and asserting state. */
  db: Client;
  /** The access token of a demo account (or any user with DEMO_PASSWORD), signed in through the API once and cached. */
  token(username: string): Promise<string>;
  /** `t.as('reviewer').get('/api/projects')`: a supertest request carrying that user's token. */
  as(username: string): SignedInClient;
  close(): Promise<void>;
}

const SCHEDULES = [
  'ALERT_SCAN_CRON',
  'ROLLUP_RECONCILE_CRON',
  'ROLLUP_SNAPSHOT_CRON',
  'DIGEST_CRON',
  'REPORT_REMINDER_CRON',
] as const satisfies readonly (keyof Env)[];

/** A PostgreSQL schema and a queue prefix of the suite's own, so suites run in parallel without seeing each other. */
export function isolatedEnv(overrides: Record<string, string> = {}) {
  const suffix = randomBytes(5).toString('hex');
  const databaseUrl = process.env.TEST_DATABASE_URL;
  const redisUrl = process.env.TEST_REDIS_URL;
  if (!databaseUrl || !redisUrl) throw new Error('TEST_DATABASE_URL and TEST_REDIS_URL are set by test/support/global-setup.ts');
  return validateEnv({
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: `t_${suffix}`,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `t_${suffix}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // The schedules fire at 00:00 on 1 January only (Asia/Shanghai), so a run that happens to straddle a real firing
    // (the Monday snapshot, the 08:30 alert scan) gets no job its suite did not ask for; suites that test one set it.
    ...Object.fromEntries(SCHEDULES.map((name) => [name, '0 0 1 1 *'])),
    ...overrides,
  }) as TestApp['env'];
}

/** Boots the API once for a suite on a fresh schema with every migration applied and the shipped catalog imported. */
export async function bootTestApp(
  options: { env?: Record<string, string>; modules?: DynamicModule['imports']; emptyCatalog?: boolean } = {},
): Promise<TestApp> {
  const env = isolatedEnv(options.env);
  await prepareDatabase({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA }, { importCatalogIfEmpty: !options.emptyCatalog, timeZone: env.APP_TIMEZONE });
  const app = await createApiApp(env, options.modules ?? []);
  await app.init();
  await ensureDemoAccounts(app, DEMO_PASSWORD);
  const db = new Client({ connectionString: env.DATABASE_URL, options: `-c search_path=${env.DATABASE_SCHEMA},public` });
  await db.connect();
  const http = request(app.getHttpServer());
  const tokens = new Map<string, Promise<string>>();
  const token = (username: string) => {
    if (!tokens.has(username)) {
      const login = http
        .post('/api/auth/login')
        .send({ username, password: DEMO_PASSWORD })
        .then((res) => {
          if (res.status !== 200) throw new Error(`test sign-in as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
          return res.body.accessToken as string;
        });
      // A failed sign-in is not cached, so a later call (after arranging the user) tries again.
      tokens.set(
        username,
        login.catch((error) => (tokens.delete(username), Promise.reject(error))),
      );
    }
    return tokens.get(username) as Promise<string>;
  };
  return {
    app,
    http,
    env,
    db,
    token,
    as: (username) => signedIn(http, () => token(username)),
    close: async () => {
      await app.close();
      await dropSchema(db, env.DATABASE_SCHEMA);
      await db.end();
      // The suite's own Redis URL may point nowhere on purpose; clean up where the keys can be.
      await deleteQueueKeys(process.env.TEST_REDIS_URL as string, env.QUEUE_PREFIX);
    },
  };
}

/**
 * Methods return real supertest requests, so `.query()`, `.send()`, `.expect()` chain as usual. The token is
 * fetched when the request is sent (supertest sends in `end()`, which `await` and `.expect(cb)` call), so
 * `as()` itself stays synchronous.
 */
function signedIn(http: TestAgent, token: () => Promise<string>): SignedInClient {
  const withToken = (test: Test): Test => {
    const send = test.end.bind(test);
    test.end = ((callback?: Parameters<Test['end']>[0]) => {
      token().then(
        (value) => {
          test.set('Authorization', `Bearer ${value}`);
          send(callback);
        },
        (error: unknown) => callback?.(error, undefined as never),
      );
      return test;
    }) as Test['end'];
    return test;
  };
  return {
    get: (url) => withToken(http.get(url)),
    post: (url) => withToken(http.post(url)),
    put: (url) => withToken(http.put(url)),
    patch: (url) => withToken(http.patch(url)),
    delete: (url) => withToken(http.delete(url)),
  };
}

export async function dropSchema(db: Client, schema: string): Promise<void> {
  await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
