/**
 * The calendar date in China (UTC+8, no daylight saving) at `now`: validity windows and
 * "today" are dates where the bureaus are, whatever time zone the server runs in.
 */
export function todayInChina(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
