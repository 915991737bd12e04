import fc from 'fast-check';
import {
  addDays,
  compareCalendarDates,
  diffDays,
  fromEpochDay,
  instantAt,
  isCalendarDate,
  isoWeekday,
  isoWeekOf,
  mondayOf,
  mondayOfIsoWeek,
  nextWeeklyOccurrence,
  parseCalendarDate,
  todayIn,
  toEpochDay,
  weekLabel,
} from './calendar-date';

// Dates 1900–2100 as epoch days, the range the reference implementations below are trusted on.
const epochDays = fc.integer({ min: toEpochDay('1900-01-01'), max: toEpochDay('2100-12-31') });
const dates = epochDays.map(fromEpochDay);

/** Reference ISO week via the JS Date (UTC) object, the textbook Thursday rule. */
function referenceIsoWeek(date: string): { year: number; week: number } {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return { year: d.getUTCFullYear(), week: Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7) };
}

describe('parseCalendarDate', () => {
  it.each(['2026-02-28', '2024-02-29', '2000-02-29', '2030-12-31', '0001-01-01', '9999-12-31'])('accepts %s', (input) => {
    expect(parseCalendarDate(input)).toBe(input);
  });

  it.each([
    '2026-02-30',
    '2026-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-1-05',
    '2026-01-05T00:00',
    ' 2026-01-05',
    '20260105',
    '0000-01-01',
    '',
  ])('rejects %j', (input) => {
    expect(() => parseCalendarDate(input)).toThrow(RangeError);
    expect(isCalendarDate(input)).toBe(false);
  });

  it('agrees with Date.UTC on every date in 1900–2100', () => {
    fc.assert(
      fc.property(epochDays, (day) => {
        const date = fromEpochDay(day);
        expect(new Date(day * 86_400_000).toISOString().slice(0, 10)).toBe(date);
        expect(toEpochDay(date)).toBe(day);
      }),
    );
  });
});

describe('day arithmetic', () => {
  it('crosses month, leap-day and year boundaries', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(diffDays('2030-12-31', '2026-01-01')).toBe(1825);
    expect(diffDays('2026-01-01', '2026-01-31')).toBe(-30);
    expect(compareCalendarDates('2026-01-02', '2026-01-10')).toBe(-1);
  });

  it('rejects invalid input instead of guessing', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });

  it('addDays and diffDays are inverse', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        expect(diffDays(addDays(date, n), date)).toBe(n);
      }),
    );
  });
});

describe('ISO weeks', () => {
  it.each([
    ['2026-12-31', 2026, 53, '2026-W53'],
    ['2027-01-01', 2026, 53, '2026-W53'],
    ['2027-01-03', 2026, 53, '2026-W53'],
    ['2027-01-04', 2027, 1, '2027-W01'],
    ['2024-12-30', 2025, 1, '2025-W01'],
    ['2025-12-29', 2026, 1, '2026-W01'],
    ['2026-01-01', 2026, 1, '2026-W01'],
    ['2026-11-26', 2026, 48, '2026-W48'],
    ['2021-01-03', 2020, 53, '2020-W53'],
  ])('%s is in %i week %i (%s)', (date, year, week, key) => {
    expect(isoWeekOf(date)).toEqual({ year, week, key });
  });

  it('knows Mondays', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
    expect(mondayOfIsoWeek('2025-W01')).toBe('2024-12-30');
    expect(() => mondayOfIsoWeek('2025-W53')).toThrow(RangeError);
    expect(() => mondayOfIsoWeek('2025-W00')).toThrow(RangeError);
  });

  it('matches the reference ISO week rule on every date in 1900–2100', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const { year, week, key } = isoWeekOf(date);
        expect({ year, week }).toEqual(referenceIsoWeek(date));
        const monday = mondayOf(date);
        expect(isoWeekday(monday)).toBe(1);
        expect(diffDays(date, monday)).toBeGreaterThanOrEqual(0);
        expect(diffDays(date, monday)).toBeLessThan(7);
        expect(mondayOfIsoWeek(key)).toBe(monday);
      }),
    );
  });
});

describe('todayIn', () => {
  it('uses the Chongqing date, not the UTC one', () => {
    // 2026-12-31T16:00Z is already 2027-01-01 00:00 in Asia/Shanghai.
    expect(todayIn('Asia/Shanghai', new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
    expect(todayIn('Asia/Shanghai', new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
    expect(todayIn('UTC', new Date('2026-12-31T16:00:00Z'))).toBe('2026-12-31');
  });

  it('rejects an invalid instant or zone', () => {
    expect(() => todayIn('Asia/Shanghai', new Date('nope'))).toThrow(RangeError);
    expect(() => todayIn('Mars/Olympus_Mons', new Date())).toThrow(RangeError);
  });

  it('is the UTC date of now + 8h for any instant (Shanghai has no DST)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(todayIn('Asia/Shanghai', new Date(ms))).toBe(new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10));
      }),
    );
  });
});

describe('instantAt and the weekly slot', () => {
  const mondayAt0900 = { isoWeekday: 1, hour: 9, minute: 0, timeZone: 'Asia/Shanghai' };

  it('turns a Chongqing wall time into UTC', () => {
    expect(instantAt('2026-11-30', 9, 0, 'Asia/Shanghai').toISOString()).toBe('2026-11-30T01:00:00.000Z');
    expect(instantAt('2027-01-01', 0, 0, 'Asia/Shanghai').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(() => instantAt('2026-11-30', 24, 0, 'Asia/Shanghai')).toThrow(RangeError);
  });

  it('handles DST zones the way Temporal does', () => {
    // Berlin springs forward 2026-03-29 02:00 → 03:00 and falls back 2026-10-25 03:00 → 02:00.
    expect(instantAt('2026-03-29', 2, 30, 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantAt('2026-10-25', 2, 30, 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(instantAt('2026-07-01', 9, 0, 'Europe/Berlin').toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });

  it('finds the next Monday 09:00 Asia/Shanghai strictly after now', () => {
    // Thursday 2026-11-26 10:00 Shanghai → Monday 2026-11-30 09:00 Shanghai = 01:00Z.
    expect(nextWeeklyOccurrence(mondayAt0900, new Date('2026-11-26T02:00:00Z')).toISOString()).toBe('2026-11-30T01:00:00.000Z');
    // Monday 08:59 Shanghai → the same morning.
    expect(nextWeeklyOccurrence(mondayAt0900, new Date('2026-11-30T00:59:00Z')).toISOString()).toBe('2026-11-30T01:00:00.000Z');
    // Exactly Monday 09:00 → next week.
    expect(nextWeeklyOccurrence(mondayAt0900, new Date('2026-11-30T01:00:00Z')).toISOString()).toBe('2026-12-07T01:00:00.000Z');
    // Sunday 2026-11-29 23:30Z is already Monday 07:30 in Shanghai → 90 minutes later.
    expect(nextWeeklyOccurrence(mondayAt0900, new Date('2026-11-29T23:30:00Z')).toISOString()).toBe('2026-11-30T01:00:00.000Z');
    // Across the year end: Thursday 2026-12-31 → Monday 2027-01-04.
    expect(nextWeeklyOccurrence(mondayAt0900, new Date('2026-12-31T12:00:00Z')).toISOString()).toBe('2027-01-04T01:00:00.000Z');
  });

  it('always lands within the next 7 days on a Monday 09:00 in Shanghai', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const next = nextWeeklyOccurrence(mondayAt0900, new Date(ms)).getTime();
        expect(next).toBeGreaterThan(ms);
        expect(next - ms).toBeLessThanOrEqual(7 * 86_400_000);
        const local = new Date(next + 8 * 3_600_000);
        expect([local.getUTCDay(), local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds()]).toEqual([1, 9, 0, 0]);
      }),
    );
  });
});

describe('week labels (what mails and pages say instead of 2026-W48)', () => {
  it('names the week by its number and its Monday to Sunday, in Chinese and in English', () => {
    expect(weekLabel('2026-W48')).toBe('第48周（11月23日—29日）');
    expect(weekLabel('2026-W48', 'en')).toBe('Week 48 (23–29 Nov)');
  });

  it('repeats the month when the week crosses one, including the turn of the year', () => {
    expect(weekLabel('2026-W49')).toBe('第49周（11月30日—12月6日）');
    expect(weekLabel('2026-W49', 'en')).toBe('Week 49 (30 Nov–6 Dec)');
    expect(weekLabel('2026-W53')).toBe('第53周（12月28日—1月3日）');
    expect(weekLabel('2027-W01', 'en')).toBe('Week 1 (4–10 Jan)');
  });

  it('every week of 2026–2030 covers the seven days from its Monday', () => {
    fc.assert(
      fc.property(fc.integer({ min: toEpochDay('2026-01-01'), max: toEpochDay('2030-12-31') }), (day) => {
        const date = fromEpochDay(day);
        const { key, week } = isoWeekOf(date);
        const [, month, dayOfMonth] = mondayOf(date).split('-').map(Number);
        expect(weekLabel(key)).toMatch(new RegExp(`^第${week}周（${month}月${dayOfMonth}日—`));
      }),
    );
  });
});
