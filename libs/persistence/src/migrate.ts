import { loadCatalog, type Catalog } from '@qj/catalog';
import { DataSource } from 'typeorm';
import { CatalogImportSummary, importCatalog } from './catalog/catalog-import';
import { DatabaseTarget, dataSourceOptions } from './data-source.options';
import { RollupRepository } from './repositories/rollup.repository';
import { businessDay, isoWeekOf } from '@qj/domain';

/** Arbitrary but fixed: every process of this application contends on the same key. */
const MIGRATION_LOCK_KEY = 20262030;

/**
 * Runs `work` while holding a PostgreSQL advisory lock, so two processes starting together cannot both
 * migrate or import; the second waits and then finds nothing to do.
 */
async function withStartupLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

/** Each migration runs in its own transaction, so a process killed half-way leaves no migration half-applied. */
export async function runMigrationsWithLock(dataSource: DataSource, schema?: string): Promise<string[]> {
  return withStartupLock(dataSource, async () => {
    if (schema) await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  });
}

export interface PreparedDatabase {
  migrations: string[];
  /** Set when the database had no projects and the shipped catalog was imported. */
  catalogImport?: CatalogImportSummary;
}

/**
 * What every process does before it serves: bring the schema up to date and, on an empty database,
 * import the shipped catalog — both under the start-up lock, each in its own transaction. The catalog's
 * dates, first roll-ups and first weekly snapshot are as of today in `timeZone` (APP_TIMEZONE).
 */
export async function prepareDatabase(target: DatabaseTarget, options?: { importCatalogIfEmpty: boolean; timeZone: string }): Promise<PreparedDatabase> {
  const dataSource = new DataSource(dataSourceOptions(target));
  await dataSource.initialize();
  try {
    const migrations = await runMigrationsWithLock(dataSource, target.schema);
    if (!options?.importCatalogIfEmpty) return { migrations };
    const { timeZone } = options;
    const catalogImport = await withStartupLock(dataSource, async () => {
      const [{ empty }] = await dataSource.query('SELECT NOT EXISTS (SELECT 1 FROM project) AS empty');
      if (!empty) return undefined;
      const summary = await dataSource.transaction((manager) => importCatalog(manager, loadCatalog(), timeZone));
      // Roll-ups are there from the first page view; the workers keep them current afterwards. This week's snapshot
      // is the trend's starting point: without it the dashboard's 每周趋势 stays empty until the Monday job runs.
      const day = businessDay(timeZone);
      const rollups = new RollupRepository(dataSource);
      await rollups.recomputeAll(day);
      await rollups.snapshot(isoWeekOf(day.today).key);
      return summary;
    });
    return { migrations, catalogImport };
  } finally {
    await dataSource.destroy();
  }
}

/** Brings the schema up to date under the start-up lock. */
export async function migrateDatabase(target: DatabaseTarget): Promise<string[]> {
  return (await prepareDatabase(target)).migrations;
}

/** Imports a catalog into a database (already migrated) in one transaction, as of today in `timeZone`: `npm run catalog:import`. */
export async function importCatalogInto(target: DatabaseTarget, catalog: Catalog, timeZone: string): Promise<CatalogImportSummary> {
  const dataSource = await new DataSource(dataSourceOptions(target)).initialize();
  try {
    return await dataSource.transaction((manager) => importCatalog(manager, catalog, timeZone));
  } finally {
    await dataSource.destroy();
  }
}
