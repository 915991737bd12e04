import 'reflect-metadata';
import { assertDatabaseAnswers, assertRedisAnswers, exitGracefullyOnSignal, provideLocalServices, redact, runMain, validateEnv } from '@qj/config';
import { prepareDatabase } from '@qj/persistence';
import { DEFAULT_DEMO_PASSWORD, ensureDemoAccounts } from '../../api/src/auth';
import { createApiApp } from '../../api/src/bootstrap';
import { ProcessorsModule } from '../../worker/src/processors.module';

/**
 * `npm start`: the whole tracker in one process (API + workers) for a single machine. The one place that composes
 * both applications: neither imports the other. Whatever is not
 * configured is provided here: an embedded PostgreSQL under var/postgres, Redis on 6379 or under var/redis.
 */
runMain(async () => {
  const local = await provideLocalServices(validateEnv({ LOG_PRETTY: 'pretty', ...process.env }));
  const env = local.env;
  try {
    await assertDatabaseAnswers(env.DATABASE_URL);
    await assertRedisAnswers(env.REDIS_URL);
    const prepared = await prepareDatabase({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA }, { importCatalogIfEmpty: true, timeZone: env.APP_TIMEZONE });
    const imported = prepared.catalogImport?.projects;
    const app = await createApiApp(env, [ProcessorsModule]);
    // On by default here, so a first look at the platform can sign in at once.
    const demo = (env.DEMO_ACCOUNTS ?? true) ? await ensureDemoAccounts(app, env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD) : undefined;
    await app.listen(env.PORT);
    console.log(
      `\n  綦江区“十五五”重大项目调度平台 is running: http://localhost:${env.PORT}\n` +
        `  API docs: http://localhost:${env.PORT}/api/docs   health: http://localhost:${env.PORT}/health\n` +
        `  database: ${redact(env.DATABASE_URL)}   redis: ${env.REDIS_URL}\n` +
        (prepared.migrations.length ? `  migrations applied now: ${prepared.migrations.length}\n` : '') +
        (imported ? `  plan catalog imported (first start): ${imported.created} projects with their milestones, and this week's roll-up snapshot\n` : '') +
        (demo
          ? `  demo accounts: admin, reviewer, leader, owner_<unit code> (e.g. owner_transport), password ${env.DEMO_PASSWORD ? 'from DEMO_PASSWORD' : DEFAULT_DEMO_PASSWORD}` +
            `${demo.created.length ? ` (${demo.created.length} created now)` : ''}; DEMO_ACCOUNTS=false turns this off\n`
          : ''),
    );
    exitGracefullyOnSignal(async () => {
      await app.close();
      await local.stop();
    }, env.SHUTDOWN_TIMEOUT_MS);
  } catch (error) {
    await local.stop();
    throw error;
  }
});
