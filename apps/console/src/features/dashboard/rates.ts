/** A rate (0–1, or null when nothing to divide) as a percentage with one decimal: "66.7%". */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Unmet needs per reason over the report's rows, largest first (the chart's order). */
export function reasonTotals(reasons: Record<string, number> | undefined): [string, number][] {
  return Object.entries(reasons ?? {})
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** A trend can span at most this many months (the API's limit). */
export const MAX_TREND_MONTHS = 36;

/**
 * The months of a period (YYYY-MM-DD days) for the trend: `from`'s month to `to`'s, the last
 * 36 of them when the period is longer.
 */
export function trendMonths(from: string, to: string): { from: string; to: string } {
  const index = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
  const last = index(to);
  const first = Math.max(index(from), last - MAX_TREND_MONTHS + 1);
  const month = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  return { from: month(first), to: month(last) };
}
