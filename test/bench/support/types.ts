/** What every benchmark file (test/bench/*.bench.ts) exports: `export async function run(ctx: BenchContext): Promise<BenchResult[]>`. */
export type BenchRun = (ctx: BenchContext) => Promise<BenchResult[]>;

/** Load settings shared by the benchmarks of a run; defaults overridable through BENCH_* variables (see run.ts). */
export interface LoadSettings {
  /** Concurrent keep-alive clients. */
  concurrency: number;
  /** Upper bound on the time of one measured round. */
  durationMs: number;
  /** Upper bound on the requests of one measured round. */
  maxRequests: number;
  /** Measured rounds per side; the two sides alternate (ABBA order) and the median round is reported. */
  rounds: number;
  /** Unmeasured load before the first round of each side. */
  warmupMs: number;
  /**
   * Which round stands for a side: `best` (highest throughput; the default, since interference on a shared
   * machine only ever slows a round down) or `median`. Both are kept in the JSON whichever is picked.
   */
  pick: 'best' | 'median';
}

export interface BenchServices {
  databaseUrl: string;
  redisUrl: string;
  postgresVersion: string;
  redisVersion: string;
}

export interface BenchContext {
  settings: LoadSettings;
  /** PostgreSQL and Redis as the tests get them, started on first use and stopped when the run ends. */
  services(): Promise<BenchServices>;
  log(message: string): void;
}

/** Latency percentiles in milliseconds. */
export interface Latency {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** One bounded burst of load against one URL. */
export interface LoadResult {
  /** Responses with the expected status. */
  ok: number;
  /** Transport errors and unexpected statuses. */
  errors: number;
  /** Status code (or error code) -> count, for diagnosis. */
  outcomes: Record<string, number>;
  firstError?: string;
  elapsedMs: number;
  /** ok / elapsed seconds. */
  rps: number;
  latencyMs: Latency;
  /** Scenario loads only (LoadRequest.scenario): the same figures per step label. */
  byLabel?: Record<string, LabelStats>;
}

/** One step label of a scenario load: its answers, throughput and latencies within the round. */
export interface LabelStats {
  ok: number;
  errors: number;
  outcomes: Record<string, number>;
  rps: number;
  latencyMs: Latency;
}

/** One side of a comparison: the picked round (best or median by throughput), with every round kept. */
export interface Measurement {
  label: string;
  url: string;
  /** Throughput and latencies of the picked round. */
  rps: number;
  latencyMs: Latency;
  pick: LoadSettings['pick'];
  bestRps: number;
  medianRps: number;
  /** Errors over every round, warm-up excluded. */
  errors: number;
  rounds: LoadResult[];
}

export interface BenchResult {
  name: string;
  description: string;
  unit: 'req/s';
  subject: Measurement;
  /** The in-run reference the subject is compared with. */
  baseline?: Measurement;
  /** subject.rps / baseline.rps of the picked rounds (higher is better). */
  ratio?: number;
  /** subject.bestRps / baseline.bestRps and subject.medianRps / baseline.medianRps. */
  bestRatio?: number;
  medianRatio?: number;
  /** subject / baseline of each back-to-back pair of rounds, in order. */
  pairRatios?: number[];
  settings: LoadSettings;
  /** Anything else a benchmark records for the JSON (fixture size, EXPLAIN output, …). */
  extra?: Record<string, unknown>;
}
