import type { BenchContext, BenchResult, LoadResult, Measurement } from './types';

/**
 * One run of a piece of work (a scan, a recompute, a fan-out) that is timed as a whole. `units` is how many
 * units of work one run does (milestones scanned, mails sent, …), so a round's "throughput" is units per
 * second and the harness's table and ratio (subject / baseline throughput, higher is better) read as usual.
 */
export interface TimedTarget {
  label: string;
  /** Where the work runs, for the JSON (there is no URL). */
  where: string;
  units: number;
  /** Unmeasured set-up before each run (e.g. undoing the previous run's writes). */
  prepare?: () => Promise<void>;
  run: () => Promise<unknown>;
}

async function timeOnce(target: TimedTarget): Promise<LoadResult> {
  if (target.prepare) await target.prepare();
  const started = process.hrtime.bigint();
  await target.run();
  return timedRound(target.units, Number(process.hrtime.bigint() - started) / 1e6);
}

/** A run of `units` units of work that took `ms`, as a round of the harness. */
export function timedRound(units: number, ms: number): LoadResult {
  return {
    ok: 1,
    errors: 0,
    outcomes: {},
    elapsedMs: ms,
    rps: units / (ms / 1000),
    latencyMs: { p50: ms, p90: ms, p99: ms, max: ms, mean: ms },
  };
}

export function summariseTimed(ctx: BenchContext, target: Pick<TimedTarget, 'label' | 'where'>, rounds: LoadResult[]): Measurement {
  const byRps = [...rounds].sort((a, b) => a.rps - b.rps);
  const best = byRps[byRps.length - 1];
  const median = byRps[Math.floor((byRps.length - 1) / 2)];
  const picked = ctx.settings.pick === 'best' ? best : median;
  return {
    label: target.label,
    url: target.where,
    rps: picked.rps,
    latencyMs: picked.latencyMs,
    pick: ctx.settings.pick,
    bestRps: best.rps,
    medianRps: median.rps,
    errors: 0,
    rounds,
  };
}

/**
 * Subject against baseline, one run per round, `rounds` rounds per side after one unmeasured warm-up run
 * each, alternating in ABBA order as compareThroughput does; the latency columns hold the run's duration.
 */
export async function compareTimed(
  ctx: BenchContext,
  spec: { name: string; description: string; rounds: number; subject: TimedTarget; baseline: TimedTarget; unitName: string },
): Promise<BenchResult> {
  const { subject, baseline } = spec;
  for (const target of [baseline, subject]) {
    const warm = await timeOnce(target);
    ctx.log(`${spec.name}: warm-up ${target.label} ${warm.elapsedMs.toFixed(1)} ms`);
  }
  const rounds = new Map<TimedTarget, LoadResult[]>([
    [subject, []],
    [baseline, []],
  ]);
  for (let r = 0; r < spec.rounds; r++) {
    for (const target of r % 2 === 0 ? [baseline, subject] : [subject, baseline]) {
      const round = await timeOnce(target);
      rounds.get(target)!.push(round);
      ctx.log(
        `${spec.name}: round ${r + 1}/${spec.rounds} ${target.label.padEnd(10)} ${round.elapsedMs.toFixed(1).padStart(9)} ms  (${round.rps.toFixed(0)} ${spec.unitName}/s)`,
      );
    }
  }
  const subjectRounds = rounds.get(subject)!;
  const baselineRounds = rounds.get(baseline)!;
  const measuredSubject = summariseTimed(ctx, subject, subjectRounds);
  const measuredBaseline = summariseTimed(ctx, baseline, baselineRounds);
  const result: BenchResult = {
    name: spec.name,
    description: `${spec.description} (throughput in ${spec.unitName}/s; p50/p99 columns = one run's duration)`,
    unit: 'req/s',
    subject: measuredSubject,
    baseline: measuredBaseline,
    ratio: measuredSubject.rps / measuredBaseline.rps,
    bestRatio: measuredSubject.bestRps / measuredBaseline.bestRps,
    medianRatio: measuredSubject.medianRps / measuredBaseline.medianRps,
    pairRatios: subjectRounds.map((round, i) => round.rps / baselineRounds[i].rps),
    settings: { ...ctx.settings, rounds: spec.rounds },
  };
  ctx.log(
    `${spec.name}: ${subject.label} ${measuredSubject.latencyMs.p50.toFixed(1)} ms vs ${baseline.label} ${measuredBaseline.latencyMs.p50.toFixed(1)} ms ` +
      `(${ctx.settings.pick}): time ratio ${(1 / result.ratio!).toFixed(2)}×; pairs ${result.pairRatios!.map((r) => (1 / r).toFixed(2)).join(' ')}`,
  );
  return result;
}
