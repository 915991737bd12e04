import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Redis from 'ioredis';
import { freePort } from './embedded-postgres';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export interface LocalRedisHandle {
  url: string;
  /** Stops the redis-server this process started; a Redis that was already running is left alone. */
  stop: () => Promise<void>;
}

export class RedisUnavailableError extends Error {}

/** Redis on 6379 if one answers there; otherwise `redis-server` from the PATH with its data (append-only) under `<dataDir>`. */
export async function resolveLocalRedis(dataDir: string): Promise<LocalRedisHandle> {
  if (await answers(DEFAULT_REDIS_URL)) return { url: DEFAULT_REDIS_URL, stop: async () => undefined };

  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new RedisUnavailableError(
      'REDIS_URL is unset, no Redis answers on 127.0.0.1:6379 and redis-server is not on the PATH: ' +
        'install Redis (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or set REDIS_URL=redis://host:6379',
    );
  }
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  // A redis-server left running on this data by a killed process is used as it is.
  const portFile = join(dir, 'port');
  if (existsSync(portFile)) {
    const leftRunning = `redis://127.0.0.1:${readFileSync(portFile, 'utf8').trim()}`;
    if (await answers(leftRunning)) return { url: leftRunning, stop: async () => undefined };
  }
  const port = await freePort(6380);
  const child = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction'],
    { stdio: 'ignore' },
  );
  writeFileSync(portFile, String(port));
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await answers(url)) {
      return {
        url,
        stop: async () => {
          child.kill('SIGTERM');
          await new Promise((done) => child.once('exit', done));
        },
      };
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(`redis-server did not answer on ${url} within 5 s`);
}

export async function answers(url: string, timeoutMs = 1000): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
