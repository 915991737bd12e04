import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { assertLoopback, LoadRequest } from './load-client';
import type { LoadResult } from './types';

export { assertLoopback, percentiles } from './load-client';
export type { LoadRequest } from './load-client';

/** Extra time the worker thread gets beyond the request's own bounds before it is stopped as hung. */
const GRACE_MS = 30_000;

/**
 * Runs one bounded burst of HTTP load (see generateLoad) in a worker thread of its own and returns its
 * throughput and latency percentiles. Loopback targets only.
 */
export function runLoad(request: LoadRequest): Promise<LoadResult> {
  assertLoopback(request.url);
  const file = join(__dirname, `load-client${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
  // Under ts-node (npm run bench) the thread needs the TypeScript hook of its own.
  const execArgv = file.endsWith('.ts') ? ['--require', 'ts-node/register/transpile-only'] : [];
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: { kind: 'bench-load', request }, execArgv });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => finish(() => reject(new Error(`load on ${request.url} did not finish within ${request.durationMs + GRACE_MS} ms`))),
      request.durationMs + GRACE_MS,
    );
    worker.once('message', (message: { result?: LoadResult; error?: string }) =>
      finish(() => (message.result ? resolve(message.result) : reject(new Error(`load generator failed: ${message.error}`)))),
    );
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => finish(() => reject(new Error(`load generator exited with code ${code} before reporting`))));
  });
}
