/**
 * Calendar dates as the API speaks them: YYYY-MM-DD in the tracker's zone (APP_TIMEZONE), whatever the browser's own.
 * The zone comes with the signed-in profile (`timeZone`); until then (the sign-in page shows no dates) the browser's.
 */
let timeZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Set from the profile the API answers (GET /api/auth/me, sign-in). */
export function setTrackerTimeZone(zone: string): void {
  timeZone = zone;
}

export function trackerToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** `2026-11-28 14:05` in the tracker's zone, in both languages: the plan's documents write dates so, and 28-11-2026 reads as a puzzle. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '—';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** `2026-11-28` in both languages. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? '—' : trackerToday(date);
}
