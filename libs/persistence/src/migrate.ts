import { DataSource } from 'typeorm';
import { DatabaseTarget, dataSourceOptions } from './data-source.options';

/** Arbitrary but fixed: every process of this application contends on the same key. */
const MIGRATION_LOCK_KEY = 20262030;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so two processes starting together
 * cannot both run them; the second waits and then finds nothing to do. Each migration runs in its own
 * transaction, so a process killed half-way leaves no migration half-applied.
 */
export async function runMigrationsWithLock(dataSource: DataSource, schema?: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      if (schema) await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

/** Opens a short-lived connection, brings the schema up to date under the lock, and closes it. */
export async function migrateDatabase(target: DatabaseTarget): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(target));
  await dataSource.initialize();
  try {
    return await runMigrationsWithLock(dataSource, target.schema);
  } finally {
    await dataSource.destroy();
  }
}
