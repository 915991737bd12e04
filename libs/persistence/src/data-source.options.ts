import { join } from 'node:path';
import { types } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { CountingLogger } from './sql-statement-counter';

// Calendar dates stay 'YYYY-MM-DD' strings: turning them into Date objects at local midnight shifts them across time zones.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

export interface DatabaseTarget {
  url: string;
  /** PostgreSQL schema to work in (test suites each get their own); defaults to `public`. */
  schema?: string;
}

/**
 * The one DataSource definition: the applications, the TypeORM CLI and the tests all build theirs here.
 * Schema changes happen only through migrations, never `synchronize`.
 */
export function dataSourceOptions({ url, schema }: DatabaseTarget): DataSourceOptions {
  return {
    type: 'postgres',
    // gen_random_uuid() is built into PostgreSQL 13+; no extension needed.
    uuidExtension: 'pgcrypto',
    // Extensions are created by migrations under the lock, not by every process as it connects.
    installExtensions: false,
    url,
    entities: ENTITIES,
    migrations: [join(__dirname, '../../../migrations/*.{ts,js}')],
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    logging: ['query'],
    logger: new CountingLogger(),
    applicationName: 'qijiang-tracker',
    // Unqualified names resolve in the chosen schema, so the same migrations serve every schema.
    extra: {
      options: schema ? `-c search_path=${schema}` : undefined,
      max: 20,
      // With PostgreSQL away (or every connection busy) a request gives up within a second and answers 503, instead of hanging.
      connectionTimeoutMillis: 1000,
      // A query that cannot reach the server fails fast instead of hanging a request.
      query_timeout: 30000,
    },
  };
}
