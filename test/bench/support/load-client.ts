/**
 * The HTTP load generator itself. It runs in a worker thread (see load.ts) so that the clients do not
 * share an event loop with the server under test, which lives in the main thread of the bench process.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Latency, LoadResult } from './types';

export interface LoadRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  concurrency: number;
  maxRequests: number;
  durationMs: number;
  /** Status that counts as a success; 200 unless given. */
  expectStatus?: number;
  /** Per-request timeout; a request that takes longer counts as an error. */
  timeoutMs?: number;
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|localhost|\[::1\]|::1)$/i;

/** The bench never sends traffic anywhere but this machine's loopback. */
export function assertLoopback(url: string): URL {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:') throw new Error(`bench load: only http:// on loopback is supported (got ${url})`);
  if (!LOOPBACK.test(parsed.hostname)) throw new Error(`bench load: refusing a non-loopback target ${parsed.hostname}`);
  return parsed;
}

export function percentiles(samples: Float64Array): Latency {
  const n = samples.length;
  if (n === 0) return { p50: NaN, p90: NaN, p99: NaN, max: NaN, mean: NaN };
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))];
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[n - 1], mean: sum / n };
}

/** `concurrency` keep-alive clients, each sending its next request when the previous answered, until either bound is reached. */
export async function generateLoad(request: LoadRequest): Promise<LoadResult> {
  const target = assertLoopback(request.url);
  const expect = request.expectStatus ?? 200;
  const timeoutMs = request.timeoutMs ?? 10_000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: request.concurrency, maxFreeSockets: request.concurrency });
  const headers = { ...(request.headers ?? {}) };
  if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
  const options: http.RequestOptions = {
    agent,
    host: target.hostname.replace(/^\[|\]$/g, ''),
    port: target.port || 80,
    path: `${target.pathname}${target.search}`,
    method: request.method ?? 'GET',
    headers,
  };

  const latencies = new Float64Array(request.maxRequests);
  const outcomes: Record<string, number> = {};
  let issued = 0;
  let recorded = 0;
  let ok = 0;
  let errors = 0;
  let firstError: string | undefined;

  const once = () =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(options, (res) => {
        res.on('error', reject);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.resume();
      });
      req.on('error', reject);
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.end(request.body);
    });

  const started = performance.now();
  const deadline = started + request.durationMs;
  const client = async () => {
    while (issued < request.maxRequests && performance.now() < deadline) {
      issued++;
      const sent = performance.now();
      let outcome: string;
      try {
        const status = await once();
        latencies[recorded++] = performance.now() - sent;
        outcome = String(status);
        if (status === expect) ok++;
        else {
          errors++;
          firstError ??= `unexpected status ${status}`;
        }
      } catch (error) {
        errors++;
        outcome = (error as NodeJS.ErrnoException).code ?? 'error';
        firstError ??= error instanceof Error ? error.message : String(error);
      }
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: request.concurrency }, client));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return {
    ok,
    errors,
    outcomes,
    firstError,
    elapsedMs,
    rps: ok / (elapsedMs / 1000),
    latencyMs: percentiles(latencies.subarray(0, recorded)),
  };
}

if (!isMainThread && (workerData as { kind?: string } | undefined)?.kind === 'bench-load') {
  generateLoad((workerData as { request: LoadRequest }).request).then(
    (result) => parentPort!.postMessage({ result }),
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  );
}
