import { LoadRequest, runLoad } from './load';
import type { BenchContext, BenchResult, LoadResult, LoadSettings, Measurement } from './types';

/** A URL under load; `request` adds a method, headers, a body or another expected status. */
export interface Target {
  label: string;
  url: string;
  request?: Partial<Omit<LoadRequest, 'url' | 'concurrency' | 'maxRequests' | 'durationMs'>>;
  /**
   * Called before every burst (warm-up and rounds) of this target; what it returns is merged over `request`.
   * For loads whose starting state changes as they run, e.g. a scenario that must begin from the versions
   * now in the database.
   */
  prepare?: () => Promise<Target['request'] | void>;
}

/** One burst with the run's settings (or a warm-up of `warmupMs`). */
export async function loadOnce(ctx: BenchContext, target: Target, warmUp = false): Promise<LoadResult> {
  const { concurrency, durationMs, maxRequests, warmupMs } = ctx.settings;
  const prepared = target.prepare ? await target.prepare() : undefined;
  return runLoad({
    ...target.request,
    ...(prepared ?? {}),
    url: target.url,
    concurrency,
    durationMs: warmUp ? warmupMs : durationMs,
    maxRequests: warmUp ? Math.max(maxRequests, 1000) : maxRequests,
  });
}

/** A side's rounds summarised: the picked round (best or lower-median throughput) stands for it; every round is kept. */
export function summarise(target: Target, rounds: LoadResult[], pick: LoadSettings['pick']): Measurement {
  const byRps = [...rounds].sort((a, b) => a.rps - b.rps);
  const best = byRps[byRps.length - 1];
  const median = byRps[Math.floor((byRps.length - 1) / 2)];
  const picked = pick === 'best' ? best : median;
  return {
    label: target.label,
    url: target.url,
    rps: picked.rps,
    latencyMs: picked.latencyMs,
    pick,
    bestRps: best.rps,
    medianRps: median.rps,
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    rounds,
  };
}

function describeRound(label: string, round: LoadResult): string {
  const { p50, p99 } = round.latencyMs;
  const errors = round.errors ? `  ERRORS ${round.errors} (${round.firstError})` : '';
  const steps = round.byLabel
    ? `  [${Object.entries(round.byLabel)
        .map(([name, stats]) => `${name} ${stats.ok} p50 ${stats.latencyMs.p50.toFixed(1)} p99 ${stats.latencyMs.p99.toFixed(1)}`)
        .join(' · ')}]`
    : '';
  return `${label.padEnd(10)} ${round.rps.toFixed(0).padStart(7)} req/s  p50 ${p50.toFixed(2)} ms  p99 ${p99.toFixed(2)} ms  (${round.ok} in ${(round.elapsedMs / 1000).toFixed(1)} s)${errors}${steps}`;
}

async function warmUp(ctx: BenchContext, name: string, target: Target): Promise<void> {
  if (ctx.settings.warmupMs <= 0) return;
  const warm = await loadOnce(ctx, target, true);
  ctx.log(`${name}: warm-up ${describeRound(target.label, warm)}`);
}

/**
 * Subject against an in-run baseline under the same load settings. After a warm-up of each, the two
 * alternate in ABBA order (baseline, subject | subject, baseline | ...) so that drift on a shared machine
 * falls on both alike; each side is represented by its best (or median: settings.pick) round, and
 * ratio = subject / baseline throughput of those rounds. Pairwise ratios are kept too.
 */
export async function compareThroughput(
  ctx: BenchContext,
  spec: { name: string; description: string; subject: Target; baseline: Target },
): Promise<BenchResult> {
  const { subject, baseline } = spec;
  for (const target of [baseline, subject]) await warmUp(ctx, spec.name, target);
  const rounds = new Map<Target, LoadResult[]>([
    [subject, []],
    [baseline, []],
  ]);
  for (let r = 0; r < ctx.settings.rounds; r++) {
    const order = r % 2 === 0 ? [baseline, subject] : [subject, baseline];
    for (const target of order) {
      const round = await loadOnce(ctx, target);
      rounds.get(target)!.push(round);
      ctx.log(`${spec.name}: round ${r + 1}/${ctx.settings.rounds} ${describeRound(target.label, round)}`);
    }
  }
  const subjectRounds = rounds.get(subject)!;
  const baselineRounds = rounds.get(baseline)!;
  const measuredSubject = summarise(subject, subjectRounds, ctx.settings.pick);
  const measuredBaseline = summarise(baseline, baselineRounds, ctx.settings.pick);
  const result: BenchResult = {
    name: spec.name,
    description: spec.description,
    unit: 'req/s',
    subject: measuredSubject,
    baseline: measuredBaseline,
    ratio: measuredSubject.rps / measuredBaseline.rps,
    bestRatio: measuredSubject.bestRps / measuredBaseline.bestRps,
    medianRatio: measuredSubject.medianRps / measuredBaseline.medianRps,
    pairRatios: subjectRounds.map((round, i) => round.rps / baselineRounds[i].rps),
    settings: { ...ctx.settings },
  };
  ctx.log(
    `${spec.name}: ${subject.label}/${baseline.label} ratio best ${result.bestRatio!.toFixed(2)}, median ${result.medianRatio!.toFixed(2)}, ` +
      `pairs ${result.pairRatios!.map((r) => r.toFixed(2)).join(' ')}`,
  );
  return result;
}

/** A subject alone (no baseline): warm-up, then `rounds` rounds, the picked one reported. */
export async function measureThroughput(ctx: BenchContext, spec: { name: string; description: string; subject: Target }): Promise<BenchResult> {
  await warmUp(ctx, spec.name, spec.subject);
  const rounds: LoadResult[] = [];
  for (let r = 0; r < ctx.settings.rounds; r++) {
    rounds.push(await loadOnce(ctx, spec.subject));
    ctx.log(`${spec.name}: round ${r + 1}/${ctx.settings.rounds} ${describeRound(spec.subject.label, rounds[r])}`);
  }
  return {
    name: spec.name,
    description: spec.description,
    unit: 'req/s',
    subject: summarise(spec.subject, rounds, ctx.settings.pick),
    settings: { ...ctx.settings },
  };
}
