/**
 * GET /health/ready of the API (Nest + Express + pino-http + Terminus: a PostgreSQL `SELECT 1` through
 * TypeORM and a Redis PING) against a bare node:http server doing the same two pings with `pg` and
 * ioredis directly, on the same PostgreSQL and Redis, measured in the same run with the same load.
 * ratio = API throughput / bare throughput: the share of the bare server's throughput the API keeps.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import Redis from 'ioredis';
import { bootBenchApi } from './support/api';
import { registerCleanup } from './support/cleanup';
import { compareThroughput } from './support/compare';
import type { BenchContext, BenchResult, BenchServices } from './support/types';

const READY_BODY = JSON.stringify({
  status: 'ok',
  info: { database: { status: 'up' }, redis: { status: 'up' } },
  error: {},
  details: { database: { status: 'up' }, redis: { status: 'up' } },
});

/** The baseline: the least a Node server must do to answer readiness — both pings concurrently, as Terminus runs them. */
async function startBareServer(services: BenchServices): Promise<{ url: string; close(): Promise<void> }> {
  // The same pool size as the API's DataSource (libs/persistence data-source.options.ts: max 20).
  const pool = new Pool({ connectionString: services.databaseUrl, max: 20 });
  pool.on('error', () => undefined);
  const redis = new Redis(services.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  redis.on('error', () => undefined);
  await redis.connect();
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/health/ready') {
      res.writeHead(404).end();
      return;
    }
    Promise.all([pool.query('SELECT 1'), redis.ping()]).then(
      () => res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(READY_BODY) }).end(READY_BODY),
      () => res.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"error"}'),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = registerCleanup(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    redis.disconnect();
    await pool.end();
  });
  return { url: `http://127.0.0.1:${port}`, close };
}

/** One request before measuring: both servers must answer 200 with both checks up, or the figures mean nothing. */
async function assertReady(url: string): Promise<void> {
  const res = await fetch(url);
  const body = (await res.json().catch(() => ({}))) as { status?: string; details?: Record<string, { status: string }> };
  if (res.status !== 200 || body.status !== 'ok' || body.details?.database?.status !== 'up' || body.details?.redis?.status !== 'up') {
    throw new Error(`${url} is not ready: ${res.status} ${JSON.stringify(body)}`);
  }
}

export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const services = await ctx.services();
  ctx.log(`health: PostgreSQL ${services.postgresVersion}, Redis ${services.redisVersion}`);
  const api = await bootBenchApi();
  try {
    const bare = await startBareServer(services);
    try {
      const subject = { label: 'api', url: `${api.url}/health/ready` };
      const baseline = { label: 'bare', url: `${bare.url}/health/ready` };
      await assertReady(subject.url);
      await assertReady(baseline.url);
      return [
        await compareThroughput(ctx, {
          name: 'health',
          description: 'GET /health/ready (PostgreSQL SELECT 1 + Redis PING): API vs bare node:http + pg + ioredis',
          subject,
          baseline,
        }),
      ];
    } finally {
      await bare.close();
    }
  } finally {
    await api.close();
  }
}
