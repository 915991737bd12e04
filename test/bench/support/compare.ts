import { LoadRequest, runLoad } from './load';
import type { BenchContext, BenchResult, LoadResult, Measurement } from './types';

/** A URL under load; `request` adds a method, headers, a body or another expected status. */
export interface Target {
  label: string;
  url: string;
  request?: Partial<Omit<LoadRequest, 'url' | 'concurrency' | 'maxRequests' | 'durationMs'>>;
}

/** One burst with the run's settings (or a warm-up of `warmupMs`). */
export function loadOnce(ctx: BenchContext, target: Target, warmUp = false): Promise<LoadResult> {
  const { concurrency, durationMs, maxRequests, warmupMs } = ctx.settings;
  return runLoad({
    ...target.request,
    url: target.url,
    concurrency,
    durationMs: warmUp ? warmupMs : durationMs,
    maxRequests: warmUp ? Math.max(maxRequests, 1000) : maxRequests,
  });
}

/** The round with the median throughput (the lower middle one for an even count), with every round kept. */
export function medianOf(target: Target, rounds: LoadResult[]): Measurement {
  const byRps = [...rounds].sort((a, b) => a.rps - b.rps);
  const median = byRps[Math.floor((byRps.length - 1) / 2)];
  return {
    label: target.label,
    url: target.url,
    rps: median.rps,
    latencyMs: median.latencyMs,
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    rounds,
  };
}

function describeRound(label: string, round: LoadResult): string {
  const { p50, p99 } = round.latencyMs;
  const errors = round.errors ? `  ERRORS ${round.errors} (${round.firstError})` : '';
  return `${label.padEnd(10)} ${round.rps.toFixed(0).padStart(7)} req/s  p50 ${p50.toFixed(2)} ms  p99 ${p99.toFixed(2)} ms  (${round.ok} in ${(round.elapsedMs / 1000).toFixed(1)} s)${errors}`;
}

/**
 * Subject against an in-run baseline under the same load settings. After a warm-up of each, the two
 * alternate in ABBA order (baseline, subject | subject, baseline | ...) so that drift on a shared machine
 * falls on both alike; each side reports its median round, and ratio = subject / baseline throughput.
 */
export async function compareThroughput(
  ctx: BenchContext,
  spec: { name: string; description: string; subject: Target; baseline: Target },
): Promise<BenchResult> {
  const { subject, baseline } = spec;
  for (const target of [baseline, subject]) {
    const warm = await loadOnce(ctx, target, true);
    ctx.log(`${spec.name}: warm-up ${describeRound(target.label, warm)}`);
  }
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
  const measuredSubject = medianOf(subject, rounds.get(subject)!);
  const measuredBaseline = medianOf(baseline, rounds.get(baseline)!);
  return {
    name: spec.name,
    description: spec.description,
    unit: 'req/s',
    subject: measuredSubject,
    baseline: measuredBaseline,
    ratio: measuredSubject.rps / measuredBaseline.rps,
    settings: { ...ctx.settings },
  };
}

/** A subject alone (no baseline): warm-up, then `rounds` rounds, median reported. */
export async function measureThroughput(ctx: BenchContext, spec: { name: string; description: string; subject: Target }): Promise<BenchResult> {
  const warm = await loadOnce(ctx, spec.subject, true);
  ctx.log(`${spec.name}: warm-up ${describeRound(spec.subject.label, warm)}`);
  const rounds: LoadResult[] = [];
  for (let r = 0; r < ctx.settings.rounds; r++) {
    rounds.push(await loadOnce(ctx, spec.subject));
    ctx.log(`${spec.name}: round ${r + 1}/${ctx.settings.rounds} ${describeRound(spec.subject.label, rounds[r])}`);
  }
  return { name: spec.name, description: spec.description, unit: 'req/s', subject: medianOf(spec.subject, rounds), settings: { ...ctx.settings } };
}
