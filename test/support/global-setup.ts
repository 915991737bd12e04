import { provideTestServices, type TestServices } from './services';

/**
 * Starts (or finds) PostgreSQL and Redis once for the whole run; suites read the URLs from the environment.
 * Each tier (e2e, faults, browser) names this setup, and Jest runs it per tier: the first call provides them.
 */
export default async function globalSetup(): Promise<void> {
  const shared = globalThis as { __testServices?: TestServices };
  if (shared.__testServices) return;
  const services = await provideTestServices();
  process.env.TEST_DATABASE_URL = services.databaseUrl;
  process.env.TEST_REDIS_URL = services.redisUrl;
  shared.__testServices = services;
}
