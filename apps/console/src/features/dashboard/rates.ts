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
