/**
 * The HTTP load generator itself. It runs in a worker thread (see load.ts) so that the clients do not
 * share an event loop with the server under test, which lives in the main thread of the bench process.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Latency, LabelStats, LoadResult } from './types';
import type { ScenarioClient, ScenarioFactory, ScenarioRef, ScenarioStep } from './scenario';

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
  /**
   * Custom request sequences instead of one fixed request: each client asks its own ScenarioClient (made in
   * the load thread by the module named here, see scenario.ts) for its next request and hears each answer
   * (status and body), so it can carry per-client state such as versions or ids from one request to the next.
   * `url` then only gives the origin; `headers` are sent with every step (a step's own headers win).
   */
  scenario?: ScenarioRef;
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
  const fixedStep: ScenarioStep = { label: '', method: options.method as string, path: options.path as string, body: request.body, expectStatus: expect };
  const scenario = request.scenario ? loadScenario(request.scenario) : undefined;

  const latencies = new Float64Array(request.maxRequests);
  const labels = new Float64Array(request.maxRequests);
  const labelNames: string[] = [];
  const labelIndex = (label: string) => {
    let index = labelNames.indexOf(label);
    if (index < 0) index = labelNames.push(label) - 1;
    return index;
  };
  const labelCounts: Array<{ ok: number; errors: number; outcomes: Record<string, number> }> = [];
  const outcomes: Record<string, number> = {};
  let issued = 0;
  let recorded = 0;
  let ok = 0;
  let errors = 0;
  let firstError: string | undefined;

  const once = (step: ScenarioStep, readBody: boolean) =>
    new Promise<{ status: number; body?: string }>((resolve, reject) => {
      const stepHeaders = step === fixedStep ? headers : { ...headers, ...(step.headers ?? {}) };
      if (step !== fixedStep && step.body !== undefined) {
        stepHeaders['content-length'] = String(Buffer.byteLength(step.body));
        stepHeaders['content-type'] ??= 'application/json';
      }
      const req = http.request(step === fixedStep ? options : { ...options, method: step.method, path: step.path, headers: stepHeaders }, (res) => {
        const chunks: Buffer[] = [];
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: readBody ? Buffer.concat(chunks).toString('utf8') : undefined }));
        if (readBody) res.on('data', (chunk: Buffer) => chunks.push(chunk));
        else res.resume();
      });
      req.on('error', reject);
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.end(step.body);
    });

  const started = performance.now();
  const deadline = started + request.durationMs;
  const client = async (index: number) => {
    const own: ScenarioClient | undefined = scenario?.(index, request.concurrency);
    while (issued < request.maxRequests && performance.now() < deadline) {
      const step = own ? own.next() : fixedStep;
      if (!step) break;
      issued++;
      const label = labelIndex(step.label);
      const counts = (labelCounts[label] ??= { ok: 0, errors: 0, outcomes: {} });
      const sent = performance.now();
      let outcome: string;
      try {
        const answer = await once(step, own !== undefined && step.readBody !== false);
        latencies[recorded] = performance.now() - sent;
        labels[recorded++] = label;
        outcome = String(answer.status);
        if (answer.status === (step.expectStatus ?? expect)) {
          ok++;
          counts.ok++;
        } else {
          errors++;
          counts.errors++;
          firstError ??= `unexpected status ${answer.status}${step.label ? ` on ${step.label}` : ''}${answer.body ? `: ${answer.body.slice(0, 300)}` : ''}`;
        }
        own?.answered?.(step, answer.status, answer.body);
      } catch (error) {
        errors++;
        counts.errors++;
        outcome = (error as NodeJS.ErrnoException).code ?? 'error';
        firstError ??= error instanceof Error ? error.message : String(error);
        own?.answered?.(step, 0, undefined);
      }
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      counts.outcomes[outcome] = (counts.outcomes[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: request.concurrency }, (_, index) => client(index)));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  const result: LoadResult = {
    ok,
    errors,
    outcomes,
    firstError,
    elapsedMs,
    rps: ok / (elapsedMs / 1000),
    latencyMs: percentiles(latencies.subarray(0, recorded)),
  };
  if (scenario) {
    const byLabel: Record<string, LabelStats> = {};
    labelNames.forEach((name, index) => {
      const samples = latencies.subarray(0, recorded).filter((_, i) => labels[i] === index);
      const counts = labelCounts[index] ?? { ok: 0, errors: 0, outcomes: {} };
      byLabel[name] = { ...counts, rps: counts.ok / (elapsedMs / 1000), latencyMs: percentiles(samples) };
    });
    result.byLabel = byLabel;
  }
  return result;
}

/** The scenario's factory, from its module (loaded in this thread: the module must not need path aliases). */
function loadScenario(ref: ScenarioRef): (index: number, concurrency: number) => ScenarioClient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = (require(ref.module) as Record<string, ScenarioFactory>)[ref.export ?? 'createClient'];
  if (typeof factory !== 'function') throw new Error(`bench load: ${ref.module} does not export ${ref.export ?? 'createClient'}`);
  return (index, concurrency) => factory(ref.data, index, concurrency);
}

if (!isMainThread && (workerData as { kind?: string } | undefined)?.kind === 'bench-load') {
  generateLoad((workerData as { request: LoadRequest }).request).then(
    (result) => parentPort!.postMessage({ result }),
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
}
