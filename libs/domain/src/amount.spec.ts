import { formatFen, parseAmount, toFen } from './amount';

describe('parseAmount (万元, two decimals, exact)', () => {
  it('accepts JSON numbers and decimal strings, as "1234.50"', () => {
    expect(parseAmount(1234.5)).toEqual({ ok: true, value: '1234.50' });
    expect(parseAmount('1234.5')).toEqual({ ok: true, value: '1234.50' });
    expect(parseAmount(' 0 ')).toEqual({ ok: true, value: '0.00' });
    expect(parseAmount(0)).toEqual({ ok: true, value: '0.00' });
    expect(parseAmount('12.300')).toEqual({ ok: true, value: '12.30' });
    expect(parseAmount(100000000)).toEqual({ ok: true, value: '100000000.00' });
    expect(parseAmount('99999999.99')).toEqual({ ok: true, value: '99999999.99' });
  });

  it('refuses negatives, a third decimal, more than 10⁸ and what is not a number', () => {
    expect(parseAmount(-1)).toEqual({ ok: false, reason: 'negative' });
    expect(parseAmount('-0.01')).toEqual({ ok: false, reason: 'negative' });
    expect(parseAmount(1.234)).toEqual({ ok: false, reason: 'too_many_decimals' });
    expect(parseAmount(0.1 + 0.2)).toEqual({ ok: false, reason: 'too_many_decimals' });
    expect(parseAmount(1e-7)).toEqual({ ok: false, reason: 'too_many_decimals' });
    expect(parseAmount('100000000.01')).toEqual({ ok: false, reason: 'too_large' });
    expect(parseAmount(1e21)).toEqual({ ok: false, reason: 'too_large' });
    for (const value of ['', 'abc', '1,000', '1e3', 'NaN', null, true, {}, [], Infinity, NaN, '0x10']) {
      expect([value, parseAmount(value)]).toEqual([value, { ok: false, reason: 'not_a_number' }]);
    }
  });

  it('round-trips through integer 分', () => {
    expect(toFen('1234.50')).toBe(123450n);
    expect(formatFen(toFen('0.07') + toFen('0.01'))).toBe('0.08');
    expect(formatFen(-5n)).toBe('-0.05');
    expect(toFen('-12.5')).toBe(-1250n);
  });
});
