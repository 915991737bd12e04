/**
 * Calendar dates as `YYYY-MM-DD` strings. Day arithmetic runs on integer day numbers (days since
 * 1970-01-01), never on `Date`, so neither the server's time zone nor DST can move a date; only
 * "what day is it now" and "which instant is 09:00 on that day" need a time zone, via Intl.
 */

/** A `YYYY-MM-DD` string. Functions here validate it and throw RangeError on anything else. */
export type CalendarDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function splitDate(input: string): [number, number, number] | null {
  const match = DATE_PATTERN.exec(input);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

// Howard Hinnant's days_from_civil / civil_from_days: exact proleptic Gregorian arithmetic.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(epochDay: number): [number, number, number] {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && splitDate(value) !== null;
}

/** Strict: exactly `YYYY-MM-DD`, a real day (2026-02-30 and 2026-2-3 are rejected). */
export function parseCalendarDate(input: string): CalendarDate {
  if (!isCalendarDate(input)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(input)}`);
  return input;
}

/** Days since 1970-01-01 (negative before). */
export function toEpochDay(date: CalendarDate): number {
  const parts = splitDate(date);
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return daysFromCivil(...parts);
}

export function fromEpochDay(epochDay: number): CalendarDate {
  if (!Number.isInteger(epochDay)) throw new RangeError(`Epoch day must be an integer: ${epochDay}`);
  const [year, month, day] = civilFromDays(epochDay);
  // Four-digit years only, so every result parses back and sorts as a string.
  if (year < 1 || year > 9999) throw new RangeError(`Date out of range (0001–9999): epoch day ${epochDay}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be an integer: ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** `a − b` in days: diffDays('2026-03-01', '2026-02-28') === 1. */
export function diffDays(a: CalendarDate, b: CalendarDate): number {
  return toEpochDay(a) - toEpochDay(b);
}

/** Valid dates compare correctly as strings; this also validates both. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return Math.sign(diffDays(a, b));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;
}

export interface IsoWeek {
  /** ISO week-numbering year: 2027-01-01 belongs to 2026. */
  readonly year: number;
  readonly week: number;
  /** `2026-W48`: sorts correctly and names weekly jobs (`digest:<userId>:<key>`). */
  readonly key: string;
}

/** ISO 8601 week: weeks start on Monday and week 1 is the one holding the year's first Thursday. */
export function isoWeekOf(date: CalendarDate): IsoWeek {
  const epochDay = toEpochDay(date);
  const thursday = epochDay + 4 - isoWeekday(date);
  const [year] = civilFromDays(thursday);
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return { year, week, key: `${pad(year, 4)}-W${pad(week, 2)}` };
}

/** The Monday that starts `date`'s ISO week. */
export function mondayOf(date: CalendarDate): CalendarDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** Monday of an ISO week given as `2026-W48`; throws on a week the year does not have (2025-W53). */
export function mondayOfIsoWeek(key: string): CalendarDate {
  const match = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!match) throw new RangeError(`Not an ISO week key (YYYY-Www): ${JSON.stringify(key)}`);
  const [year, week] = [Number(match[1]), Number(match[2])];
  // 4 January is always in week 1.
  const monday = addDays(mondayOf(`${match[1]}-01-04`), (week - 1) * 7);
  if (week < 1 || isoWeekOf(monday).year !== year) throw new RangeError(`No such ISO week: ${key}`);
  return monday;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An ISO week as people outside IT read it: `第48周（11月23日—29日）`, in English `Week 48 (23–29 Nov)`; the month is
 * repeated when the week crosses one (`第49周（11月30日—12月6日）`, `Week 49 (30 Nov–6 Dec)`). For mail subjects, the
 * digest and pages; `key` (`2026-W48`) stays what sorts and names jobs.
 */
export function weekLabel(key: string, language: 'zh' | 'en' = 'zh'): string {
  const monday = mondayOfIsoWeek(key);
  const sunday = addDays(monday, 6);
  const week = Number(key.slice(6));
  const [, m1, d1] = monday.split('-').map(Number);
  const [, m2, d2] = sunday.split('-').map(Number);
  if (language === 'en') {
    const start = m1 === m2 ? `${d1}` : `${d1} ${MONTHS_EN[m1 - 1]}`;
    return `Week ${week} (${start}–${d2} ${MONTHS_EN[m2 - 1]})`;
  }
  return `第${week}周（${m1}月${d1}日—${m1 === m2 ? '' : `${m2}月`}${d2}日）`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to build and immutable, so one per zone is kept. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function assertValidInstant(now: Date): void {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError('Invalid instant');
}

/** Wall-clock fields of an instant in a zone. */
function zonedFields(epochMs: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  return fields;
}

/** Zone offset (ms, east positive) in force at an instant. */
function offsetAt(epochMs: number, timeZone: string): number {
  const f = zonedFields(epochMs, timeZone);
  const wallAsUtc = daysFromCivil(f.year, f.month, f.day) * MS_PER_DAY + ((f.hour * 60 + f.minute) * 60 + f.second) * 1000;
  return wallAsUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The calendar date in `timeZone` (APP_TIMEZONE: ask the Clock, libs/config) at instant `now`. */
export function todayIn(timeZone: string, now: Date = new Date()): CalendarDate {
  assertValidInstant(now);
  const f = zonedFields(now.getTime(), timeZone);
  return `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}`;
}

/**
 * The instant when the wall clock in `timeZone` shows `date hour:minute`. Asia/Shanghai has had
 * no DST since 1991, so this is exact there; in a DST zone a wall time that falls in the spring
 * gap is read with the offset before the change (02:30 becomes 03:30), and an ambiguous autumn
 * time resolves to its first occurrence — the same choice as Temporal's 'compatible'.
 */
export function instantAt(date: CalendarDate, hour: number, minute: number, timeZone: string): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23 || !Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`Invalid wall time ${hour}:${minute}`);
  }
  const wallAsUtc = toEpochDay(date) * MS_PER_DAY + (hour * 60 + minute) * 60_000;
  // Offsets in force a day either side; zones change offset at most once within two days.
  const before = offsetAt(wallAsUtc - MS_PER_DAY, timeZone);
  const after = offsetAt(wallAsUtc + MS_PER_DAY, timeZone);
  const valid = [wallAsUtc - before, wallAsUtc - after].filter((t) => offsetAt(t, timeZone) === wallAsUtc - t);
  return new Date(valid.length > 0 ? Math.min(...valid) : wallAsUtc - before);
}

export interface WeeklySchedule {
  /** 1 = Monday … 7 = Sunday. */
  readonly isoWeekday: number;
  readonly hour: number;
  readonly minute: number;
  readonly timeZone: string;
}

/**
 * The first instant strictly after `now` at which the schedule's wall time occurs. Strictly: a run
 * that finishes at exactly 09:00:00.000 asks for next week's slot, not its own again.
 */
export function nextWeeklyOccurrence(schedule: WeeklySchedule, now: Date = new Date()): Date {
  assertValidInstant(now);
  if (!Number.isInteger(schedule.isoWeekday) || schedule.isoWeekday < 1 || schedule.isoWeekday > 7) {
    throw new RangeError(`isoWeekday must be 1–7: ${schedule.isoWeekday}`);
  }
  const { timeZone } = schedule;
  const today = todayIn(timeZone, now);
  const day = addDays(today, (schedule.isoWeekday - isoWeekday(today) + 7) % 7);
  const candidate = instantAt(day, schedule.hour, schedule.minute, timeZone);
  return candidate.getTime() > now.getTime() ? candidate : instantAt(addDays(day, 7), schedule.hour, schedule.minute, timeZone);
}
