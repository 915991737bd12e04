import type { BenchResult, Measurement } from './types';

const num = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const latency = (m?: Measurement) => (m ? `${num(m.latencyMs.p50, 2)} / ${num(m.latencyMs.p99, 2)}` : '—');

/** The results as a plain-text table: throughput both sides, ratio, p50/p99 both sides, errors. */
export function formatTable(results: BenchResult[]): string {
  const header = ['benchmark', 'subject', 'req/s', 'baseline', 'req/s', 'ratio', 'subject p50/p99 ms', 'baseline p50/p99 ms', 'errors'];
  const rows = results.map((r) => [
    r.name,
    r.subject.label,
    num(r.subject.rps),
    r.baseline?.label ?? '—',
    r.baseline ? num(r.baseline.rps) : '—',
    r.ratio === undefined ? '—' : num(r.ratio, 2),
    latency(r.subject),
    latency(r.baseline),
    String(r.subject.errors + (r.baseline?.errors ?? 0)),
  ]);
  const numeric = new Set([2, 4, 5, 8]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
