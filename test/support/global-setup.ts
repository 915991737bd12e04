import { provideTestServices } from './services';

/** Starts (or finds) PostgreSQL and Redis once for the whole run; suites read the URLs from the environment. */
export default async function globalSetup(): Promise<void> {
  const services = await provideTestServices();
  process.env.TEST_DATABASE_URL = services.databaseUrl;
  process.env.TEST_REDIS_URL = services.redisUrl;
  (globalThis as { __testServices?: typeof services }).__testServices = services;
}
