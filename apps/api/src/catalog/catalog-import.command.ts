import 'reflect-metadata';
import { join } from 'node:path';
import { CatalogFileError, loadCatalog } from '@qj/catalog';
import { assertDatabaseAnswers, EnvError, redact, startEmbeddedPostgres, validateEnv } from '@qj/config';
import { importCatalogInto, migrateDatabase } from '@qj/persistence';

/**
 * `npm run catalog:import [-- <catalog dir>]`: loads the catalog in one transaction. The whole file set is
 * validated first, so a malformed file is refused (file, record and field named) and nothing is imported.
 * With DATABASE_URL unset it imports into the embedded database of `npm start`.
 */
async function main(): Promise<void> {
  const env = validateEnv(process.env);
  const catalog = loadCatalog(process.argv[2]);
  const embedded = env.DATABASE_URL ? undefined : await startEmbeddedPostgres(join(env.VAR_DIR, 'postgres'));
  const url = env.DATABASE_URL || (embedded as { url: string }).url;
  try {
    await assertDatabaseAnswers(url);
    await migrateDatabase({ url, schema: env.DATABASE_SCHEMA });
    const { projects, sources, units, indicators } = await importCatalogInto({ url, schema: env.DATABASE_SCHEMA }, catalog, env.APP_TIMEZONE);
    console.log(
      `Catalog imported into ${redact(url)}: ${catalog.projects.length} projects ` +
        `(${projects.created} new, ${projects.updated} updated, ${projects.unchanged} unchanged), ` +
        `${sources.written} sources written, ${sources.removed} removed, ${units.created} new units, ${indicators.written} indicators written.`,
    );
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  if (error instanceof CatalogFileError || error instanceof EnvError) console.error(`Catalog import refused: ${error.message}`);
  else console.error('Catalog import failed:', error);
  process.exit(1);
});
