/**
 * Amounts in 万元 as exact decimal strings with two places (`"1234.50"`), the way PostgreSQL's numeric(12,2) hands
 * them over. Input may be a JSON number or a decimal string; whatever arithmetic is needed runs on integer 分
 * (hundredths) as BigInt, never on floats.
 */

/** The largest amount accepted anywhere: 10⁸ 万元 (one trillion yuan), far beyond any project, well within numeric(12,2). */
export const MAX_AMOUNT = '100000000';
const MAX_FEN = 10_000_000_000n;

export type AmountRefusal = 'not_a_number' | 'negative' | 'too_many_decimals' | 'too_large';

export type ParsedAmount = { ok: true; value: string } | { ok: false; reason: AmountRefusal };

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** A JSON number or a decimal string as `"1234.50"`, or why it is not an amount. */
export function parseAmount(input: unknown): ParsedAmount {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: 'not_a_number' };
    if (input < 0) return { ok: false, reason: 'negative' };
    // Shortest round-trip text of the double: 1234.5 → "1234.5"; 0.1 + 0.2 → "0.30000000000000004" (too many decimals).
    text = String(input);
    if (/e/i.test(text)) return { ok: false, reason: input >= 1 ? 'too_large' : 'too_many_decimals' };
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    return { ok: false, reason: 'not_a_number' };
  }
  if (/^-\s*\d/.test(text)) return { ok: false, reason: 'negative' };
  const match = DECIMAL.exec(text.startsWith('+') ? text.slice(1) : text);
  if (!match) return { ok: false, reason: 'not_a_number' };
  const [, whole, fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > 2) return { ok: false, reason: 'too_many_decimals' };
  const fen = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  if (fen > MAX_FEN) return { ok: false, reason: 'too_large' };
  return { ok: true, value: formatFen(fen) };
}

const STORED = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/**
 * '297.5' → 29750n (分): an amount as stored or answered (numeric(12,2), a sum, a difference), so any size and a
 * sign are read; input from people goes through `parseAmount` first. Throws on more than two decimals or non-decimals.
 */
export function toFen(amount: string | number): bigint {
  const match = STORED.exec(String(amount).trim());
  if (!match) throw new RangeError(`not an amount of 万元 with at most two decimals: ${String(amount)}`);
  const fen = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -fen : fen;
}

/** 29750n → '297.50': 万元 with two decimals, as the API answers amounts. */
export function formatFen(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** What is wrong with an amount, in the users' words, for the field named (Chinese; `language: 'en'` for English). */
export function amountRefusalText(field: string, reason: AmountRefusal, language: 'zh' | 'en' = 'zh'): string {
  const en = language === 'en';
  switch (reason) {
    case 'negative':
      return en ? `${field} may not be negative` : `${field} 不能为负数`;
    case 'too_many_decimals':
      return en ? `${field} may have at most two decimals (in units of 10,000 yuan)` : `${field} 最多保留两位小数（单位：万元）`;
    case 'too_large':
      return en ? `${field} may not exceed ${MAX_AMOUNT} (in units of 10,000 yuan)` : `${field} 不能超过 ${MAX_AMOUNT} 万元`;
    default:
      return en ? `${field} must be an amount in units of 10,000 yuan, e.g. 1234.50` : `${field} 必须是金额（万元），如 1234.50`;
  }
}
