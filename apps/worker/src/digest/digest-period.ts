import type { Env } from '@qj/config';
import { isoWeekOf, todayIn } from '@qj/domain';

/**
 * The period a digest firing covers, from the instant it was scheduled for (never "now", which a late or
 * retried run would get wrong). `iso-week`: the firing's ISO week in `timeZone` (`2026-W48`), so a week run
 * twice sends nothing new. `firing`: that week plus the fire time (`2026-W48-20261123T010000Z`), so each firing
 * of a DIGEST_CRON faster than weekly is a period of its own — for drills and tests. No `:`: the key is part of job ids.
 */
export function digestPeriodOf(firedAt: Date, mode: Env['DIGEST_PERIOD'], timeZone: string): string {
  const week = isoWeekOf(todayIn(timeZone, firedAt)).key;
  return mode === 'iso-week'
    ? week
    : `${week}-${firedAt
        .toISOString()
        .replace(/\.\d{3}/, '')
        .replace(/[-:]/g, '')}`;
}

/** The ISO week a period key belongs to: what the digest speaks of. */
export function weekOfPeriod(period: string): string {
  return period.slice(0, 8);
}
