/**
 * Custom request sequences for the load generator (LoadRequest.scenario): instead of one fixed request,
 * each of the `concurrency` clients asks a ScenarioClient of its own for its next request and hears each
 * answer, so it can keep per-client state (versions seen, ids returned) from one request to the next.
 *
 * The clients are made in the load thread by a module's factory: `ScenarioRef.module` is the absolute path of
 * a module exporting `createClient(data, index, concurrency)` (or `ScenarioRef.export`), and `data` is passed
 * to it as it is (it must survive structured cloning: plain JSON-like data). The module is loaded with
 * ts-node's transpile-only hook and without path aliases, so it should import nothing but node: modules and
 * relative files like this one. Examples: scenarios/rotate.ts (a fixed list of requests, round robin) and
 * scenarios/workflow-mix.ts (milestone updates, transition requests and approvals with client-side state).
 *
 * Every step is counted under its `label` too (LoadResult.byLabel: throughput, latency percentiles, outcomes).
 */
export interface ScenarioStep {
  /** Groups the step's figures in LoadResult.byLabel (e.g. `milestone.patch`). */
  label: string;
  method: string;
  /** Path and query, e.g. `/api/projects?sector=transport`. */
  path: string;
  /** Merged over LoadRequest.headers. */
  headers?: Record<string, string>;
  /** Sent as is; content-type defaults to application/json when a body is given. */
  body?: string;
  /** 200 unless given (or LoadRequest.expectStatus). */
  expectStatus?: number;
  /** Read the answer's body and pass it to `answered` (default true). */
  readBody?: boolean;
}

export interface ScenarioClient {
  /** The next request, or undefined when this client has nothing more to do (it then stops). */
  next(): ScenarioStep | undefined;
  /** The answer to `step`: its status (0 for a transport error) and body (unless readBody was false). */
  answered?(step: ScenarioStep, status: number, body: string | undefined): void;
}

export type ScenarioFactory = (data: unknown, index: number, concurrency: number) => ScenarioClient;

export interface ScenarioRef {
  /** Absolute path of the module (use `require.resolve('./scenarios/…')` or `join(__dirname, …)`). */
  module: string;
  /** The factory's export name; `createClient` unless given. */
  export?: string;
  data: unknown;
}
