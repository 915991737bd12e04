import type { DynamicModule, INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import Redis from 'ioredis';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { Env, validateEnv } from '@qj/config';
import { prepareDatabase } from '@qj/persistence';
import { createApiApp } from '../../apps/api/src/bootstrap';

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  env: Env & { DATABASE_URL: string; DATABASE_SCHEMA: string; REDIS_URL: string };
  /** A raw connection into the suite's schema, for arranging and asserting state. */
  db: Client;
  close(): Promise<void>;
}

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
    LOG_LEVEL: 'silent',
    ...overrides,
  }) as TestApp['env'];
}

/** Boots the API once for a suite on a fresh schema with every migration applied and the shipped catalog imported. */
export async function bootTestApp(
  options: { env?: Record<string, string>; modules?: DynamicModule['imports']; emptyCatalog?: boolean } = {},
): Promise<TestApp> {
  const env = isolatedEnv(options.env);
  await prepareDatabase({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA }, { importCatalogIfEmpty: !options.emptyCatalog });
  const app = await createApiApp(env, options.modules ?? []);
  await app.init();
  const db = new Client({ connectionString: env.DATABASE_URL, options: `-c search_path=${env.DATABASE_SCHEMA},public` });
  await db.connect();
  return {
    app,
    http: request(app.getHttpServer()),
    env,
    db,
    close: async () => {
      await app.close();
      await dropSchema(db, env.DATABASE_SCHEMA);
      await db.end();
      // The suite's own Redis URL may point nowhere on purpose; clean up where the keys can be.
      await deleteQueueKeys(process.env.TEST_REDIS_URL as string, env.QUEUE_PREFIX);
    },
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
