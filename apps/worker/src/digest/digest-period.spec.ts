import { digestPeriodOf, weekOfPeriod } from './digest-period';

describe('digest periods', () => {
  // Monday 2026-11-23 09:00 in Chongqing is 01:00 UTC; Sunday 2026-11-22 23:30 UTC is already Monday there.
  const monday0900 = new Date('2026-11-23T01:00:00.000Z');
  const sundayNightUtc = new Date('2026-11-22T23:30:00.000Z');

  it('is the ISO week of the firing in the app time zone', () => {
    expect(digestPeriodOf(monday0900, 'iso-week', 'Asia/Shanghai')).toBe('2026-W48');
    expect(digestPeriodOf(sundayNightUtc, 'iso-week', 'Asia/Shanghai')).toBe('2026-W48');
    expect(digestPeriodOf(sundayNightUtc, 'iso-week', 'UTC')).toBe('2026-W47');
  });

  it('with DIGEST_PERIOD=firing each firing is its own period, still naming its week, with no ":" (job ids forbid it)', () => {
    const period = digestPeriodOf(monday0900, 'firing', 'Asia/Shanghai');
    expect(period).toBe('2026-W48-20261123T010000Z');
    expect(digestPeriodOf(new Date(monday0900.getTime() + 3000), 'firing', 'Asia/Shanghai')).not.toBe(period);
    expect(weekOfPeriod(period)).toBe('2026-W48');
    expect(weekOfPeriod('2026-W48')).toBe('2026-W48');
  });
});
