import 'reflect-metadata';
import {
  assertDatabaseAnswers,
  assertRedisAnswers,
  exitGracefullyOnSignal,
  requireMetricsToken,
  requireProductionSettings,
  runMain,
  validateEnv,
} from '@qj/config';
import { prepareDatabase } from '@qj/persistence';
import { DEFAULT_DEMO_PASSWORD, ensureDemoAccounts } from './auth';
import { createApiApp } from './bootstrap';

/** `npm run start:api`: the HTTP application alone, for production. DATABASE_URL, REDIS_URL, JWT_SECRET and METRICS_TOKEN are required. */
runMain(async () => {
  const env = requireMetricsToken(requireProductionSettings(validateEnv(process.env)));
  await assertDatabaseAnswers(env.DATABASE_URL);
  await assertRedisAnswers(env.REDIS_URL);
  await prepareDatabase({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA }, { importCatalogIfEmpty: true, timeZone: env.APP_TIMEZONE });
  const app = await createApiApp(env);
  // Off unless asked for: demo accounts share a known password.
  if (env.DEMO_ACCOUNTS === true) await ensureDemoAccounts(app, env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD);
  await app.listen(env.PORT);
  exitGracefullyOnSignal(() => app.close(), env.SHUTDOWN_TIMEOUT_MS);
});
