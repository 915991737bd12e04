/**
 * Counts the SQL statements this process sends to PostgreSQL while `work` runs, by statement shape (its
 * first words): `pg.Client.prototype.query` is wrapped for the duration, so TypeORM's queries (TypeORM uses
 * the same `pg` module) and a bare `pg` Pool's are both counted. For diagnosis only — run it around a short
 * burst of its own, never around a measured round (the wrapper costs a little per statement).
 */
import { Client } from 'pg';
import { loadOnce, Target } from './compare';
import type { BenchContext } from './types';

export interface StatementCensus {
  total: number;
  /** Statement shape (whitespace collapsed, first 80 characters) → count, most frequent first. */
  byShape: Array<{ shape: string; count: number }>;
}

export async function statementCensus<T>(work: () => Promise<T>): Promise<{ result: T; census: StatementCensus }> {
  const counts = new Map<string, number>();
  const prototype = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '?');
    const shape = text.replace(/\s+/g, ' ').trim().slice(0, 80);
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
    return original.apply(this, args);
  };
  try {
    const result = await work();
    const byShape = [...counts.entries()].map(([shape, count]) => ({ shape, count })).sort((a, b) => b.count - a.count);
    return { result, census: { total: byShape.reduce((sum, s) => sum + s.count, 0), byShape } };
  } finally {
    prototype.query = original;
  }
}

/** One short unmeasured burst on `target` (the run's settings, `durationMs` long) with its statements counted: statements per request. */
export async function censusBurst(
  ctx: BenchContext,
  target: Target,
  durationMs = 2000,
): Promise<{ requests: number; statements: number; perRequest: number; byShape: StatementCensus['byShape'] }> {
  // The target's own preparation (which may query the database) runs before counting starts.
  const prepared = target.prepare ? await target.prepare() : undefined;
  const plain: Target = { label: target.label, url: target.url, request: { ...target.request, ...(prepared ?? {}) } };
  const { result, census } = await statementCensus(() => loadOnce({ ...ctx, settings: { ...ctx.settings, durationMs } }, plain));
  const requests = result.ok + result.errors;
  return { requests, statements: census.total, perRequest: census.total / Math.max(1, requests), byShape: census.byShape.slice(0, 25) };
}
