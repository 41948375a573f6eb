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
