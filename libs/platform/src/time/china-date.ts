/**
 * The calendar date in China (UTC+8, no daylight saving) at `now`: validity windows and
 * "today" are dates where the bureaus are, whatever time zone the server runs in.
 */
export function todayInChina(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A day as the API takes one (YYYY-MM-DD, a Beijing day), for `@Matches` on query and body
 * fields (IsDateString alone also takes '2026' or '2026-W01'); the year kept to 1900–2099 so a
 * mistyped year is refused rather than stored.
 */
export const DAY_PATTERN = /^(19|20)\d{2}-\d{2}-\d{2}$/;

/** A Beijing day's first instant (China has no daylight saving: +08:00 is exact). */
export function beijingMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/**
 * The instants of the Beijing days from…to, both included: `start` is the first day's
 * midnight, `end` (excluded) the midnight after the last day.
 */
export function beijingDays(from: string, to: string): { start: Date; end: Date } {
  return {
    start: beijingMidnight(from),
    end: new Date(beijingMidnight(to).getTime() + 86_400_000),
  };
}
