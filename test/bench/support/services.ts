import { Client } from 'pg';
import Redis from 'ioredis';
import { provideTestServices } from '../../support/services';
import type { BenchServices } from './types';

/**
 * PostgreSQL and Redis exactly as the end-to-end tests get them (test/support/services.ts):
 * TEST_DATABASE_URL / TEST_REDIS_URL where set, else an embedded PostgreSQL under var/test-postgres and
 * Redis on 127.0.0.1:6379 or a redis-server under var/test-redis. The URLs are then exported the way
 * test/support/global-setup.ts does, so `isolatedEnv()` from test/support/test-app.ts works here too.
 */
export async function provideBenchServices(): Promise<BenchServices & { stop(): Promise<void> }> {
  const services = await provideTestServices();
  process.env.TEST_DATABASE_URL = services.databaseUrl;
  process.env.TEST_REDIS_URL = services.redisUrl;
  try {
    return { ...services, postgresVersion: await postgresVersion(services.databaseUrl), redisVersion: await redisVersion(services.redisUrl) };
  } catch (error) {
    await services.stop();
    throw error;
  }
}

async function postgresVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>(`SELECT current_setting('server_version') AS version`);
    return rows[0].version;
  } finally {
    await client.end();
  }
}

async function redisVersion(url: string): Promise<string> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const info = await redis.info('server');
    return /redis_version:([^\r\n]+)/.exec(info)?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
}
