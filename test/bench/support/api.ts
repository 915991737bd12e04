import type { DynamicModule, INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { migrateDatabase } from '@qj/persistence';
import { createApiApp } from '../../../apps/api/src/bootstrap';
import { deleteQueueKeys, dropSchema, isolatedEnv, TestApp } from '../../support/test-app';
import { registerCleanup } from './cleanup';

export interface BenchApi {
  app: INestApplication;
  /** http://127.0.0.1:<ephemeral port> */
  url: string;
  env: TestApp['env'];
  /** Closes the application, drops its schema and deletes its queue keys. */
  close(): Promise<void>;
}

/**
 * Boots the API as the end-to-end tests do (createApiApp on a schema and queue prefix of its own, every
 * migration applied, LOG_LEVEL silent), but listening on an ephemeral loopback port for real HTTP load.
 * Needs provideBenchServices() first (it exports TEST_DATABASE_URL / TEST_REDIS_URL).
 */
export async function bootBenchApi(options: { env?: Record<string, string>; modules?: DynamicModule['imports'] } = {}): Promise<BenchApi> {
  const env = isolatedEnv(options.env);
  const cleanUp = async () => {
    const db = new Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    try {
      await dropSchema(db, env.DATABASE_SCHEMA);
    } finally {
      await db.end();
    }
    await deleteQueueKeys(process.env.TEST_REDIS_URL as string, env.QUEUE_PREFIX);
  };
  let app: INestApplication | undefined;
  try {
    await migrateDatabase({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA });
    app = await createApiApp(env, options.modules ?? []);
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app?.close().catch(() => undefined);
    await cleanUp().catch(() => undefined);
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  const booted = app;
  const close = registerCleanup(async () => {
    try {
      await booted.close();
    } finally {
      await cleanUp();
    }
  });
  return { app: booted, url: `http://127.0.0.1:${port}`, env, close };
}
