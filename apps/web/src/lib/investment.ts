import { trackerToday } from './dates';

/** Amounts are 万元 as the server checks them: a number ≥ 0, at most two decimals, at most 100000000. */
export const AMOUNT_MAX = 100_000_000;
const AMOUNT = /^\d+(\.\d{1,2})?$/;

export type AmountProblem = 'required' | 'notNumber' | 'negative' | 'decimals' | 'tooLarge';

/** The server's rule for an amount, checked before sending; `null` when the text is a valid amount. */
export function amountProblem(text: string | null | undefined, required = true): AmountProblem | null {
  const value = (text ?? '').trim();
  if (!value) return required ? 'required' : null;
  if (/^-/.test(value) && !Number.isNaN(Number(value))) return 'negative';
  if (!/^\d+(\.\d+)?$/.test(value)) return 'notNumber';
  if (!AMOUNT.test(value)) return 'decimals';
  if (Number(value) > AMOUNT_MAX) return 'tooLarge';
  return null;
}

/** The current month (YYYY-MM) in the tracker's zone, as the server's clock counts it. */
export function currentMonth(now: Date = new Date()): string {
  return trackerToday(now).slice(0, 7);
}

/** The month before `month` (YYYY-MM). */
export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** The month the reports are due for: last month, kept within the years the tracker holds (2026–2030). */
export function defaultReportMonth(now: Date = new Date()): string {
  const last = previousMonth(currentMonth(now));
  if (last < '2026-01') return '2026-01';
  return last > '2030-12' ? '2030-12' : last;
}

/** Year and month (1–12) of a YYYY-MM. */
export function yearMonthOf(month: string): { year: number; month: number } {
  const [year, m] = month.split('-').map(Number);
  return { year, month: m };
}

/** A decimal string of 万元 for display, with thousands separators and its two decimals kept. */
export function formatAmount(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const [whole, fraction] = value.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** A rate (%, two decimals) as the server gives it. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${rate.toFixed(2)}%`;
}
