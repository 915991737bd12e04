import { join } from 'node:path';
// Relative paths to the files themselves, not @qj/config: Jest's global setup runs outside the module mapper, and
// the library's index loads modules that need it.
import { startEmbeddedPostgres } from '../../libs/config/src/local-services/embedded-postgres';
import { resolveLocalRedis } from '../../libs/config/src/local-services/local-redis';

export interface TestServices {
  databaseUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '../..');

/**
 * PostgreSQL and Redis for the tests: TEST_DATABASE_URL / TEST_REDIS_URL where set, else the same
 * fallbacks as `npm start` (an embedded PostgreSQL under var/test-postgres; Redis on 6379 or under var/test-redis).
 */
export async function provideTestServices(): Promise<TestServices> {
  const stops: Array<() => Promise<void>> = [];
  let databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) {
    const pg = await startEmbeddedPostgres(join(ROOT, 'var/test-postgres'));
    databaseUrl = pg.url;
    stops.push(pg.stop);
  }
  let redisUrl = process.env.TEST_REDIS_URL;
  if (!redisUrl) {
    const redis = await resolveLocalRedis(join(ROOT, 'var/test-redis'));
    redisUrl = redis.url;
    stops.push(redis.stop);
  }
  return { databaseUrl, redisUrl, stop: async () => void (await Promise.all(stops.map((stop) => stop()))) };
}
