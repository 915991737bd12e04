import type { DynamicModule, INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { prepareDatabase } from '@qj/persistence';
import { ensureDemoAccounts } from '../../../apps/api/src/auth';
import { createApiApp } from '../../../apps/api/src/bootstrap';
import { deleteQueueKeys, DEMO_PASSWORD, dropSchema, isolatedEnv, TestApp } from '../../support/test-app';
import { registerCleanup } from './cleanup';

export interface BenchApiOptions {
  /** Extra environment for isolatedEnv() (LOG_LEVEL stays silent unless given). */
  env?: Record<string, string>;
  modules?: DynamicModule['imports'];
  /** Import the plan catalog into the fresh schema, as bootTestApp does unless `emptyCatalog` (default true). */
  catalog?: boolean;
  /** Create the demo accounts (admin, reviewer, owner_<unit>) with test/support's DEMO_PASSWORD (default false). */
  demoAccounts?: boolean;
}

export interface BenchApi {
  app: INestApplication;
  /** http://127.0.0.1:<ephemeral port> */
  url: string;
  env: TestApp['env'];
  /** Signs in over HTTP as a demo account (needs `demoAccounts: true`) and returns the access token; cached per user. */
  token(username: string): Promise<string>;
  /** Closes the application, drops its schema and deletes its queue keys. */
  close(): Promise<void>;
}

/** Drops an isolatedEnv()'s schema and deletes its queue keys from the Redis at `redisUrl`. */
export async function dropIsolatedEnv(env: TestApp['env'], redisUrl: string): Promise<void> {
  const db = new Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  try {
    await dropSchema(db, env.DATABASE_SCHEMA);
  } finally {
    await db.end();
  }
  await deleteQueueKeys(redisUrl, env.QUEUE_PREFIX);
}

/**
 * Boots the API as the end-to-end tests do (test/support/test-app.ts: isolatedEnv() gives a schema and a
 * queue prefix of its own and LOG_LEVEL silent; prepareDatabase() applies every migration and imports the
 * catalog; createApiApp()), but listening on an ephemeral loopback port for real HTTP load.
 * Needs provideBenchServices() first (it exports TEST_DATABASE_URL / TEST_REDIS_URL).
 */
export async function bootBenchApi(options: BenchApiOptions = {}): Promise<BenchApi> {
  const env = isolatedEnv(options.env);
  // As bootTestApp does: the suite's own REDIS_URL may point nowhere on purpose.
  const cleanUp = () => dropIsolatedEnv(env, process.env.TEST_REDIS_URL as string);
  let app: INestApplication | undefined;
  try {
    await prepareDatabase(
      { url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA },
      { importCatalogIfEmpty: options.catalog ?? true, timeZone: env.APP_TIMEZONE },
    );
    app = await createApiApp(env, options.modules ?? []);
    if (options.demoAccounts) await ensureDemoAccounts(app, DEMO_PASSWORD);
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app?.close().catch(() => undefined);
    await cleanUp().catch(() => undefined);
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const booted = app;
  const tokens = new Map<string, Promise<string>>();
  const token = (username: string) => {
    if (!tokens.has(username)) {
      const login = fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      }).then(async (res) => {
        const body = (await res.json().catch(() => ({}))) as { accessToken?: string };
        if (res.status !== 200 || !body.accessToken) throw new Error(`bench sign-in as ${username} failed: ${res.status} ${JSON.stringify(body)}`);
        return body.accessToken;
      });
      tokens.set(
        username,
        login.catch((error: unknown) => (tokens.delete(username), Promise.reject(error))),
      );
    }
    return tokens.get(username)!;
  };
  const close = registerCleanup(async () => {
    try {
      await booted.close();
    } finally {
      await cleanUp();
    }
  });
  return { app: booted, url, env, token, close };
}
