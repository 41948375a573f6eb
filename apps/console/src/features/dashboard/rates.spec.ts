import { formatRate, reasonTotals, trendMonths } from './rates';

describe(formatRate.name, () => {
  it('shows a rate as a percentage with one decimal, and nothing to divide as a dash', () => {
    expect(formatRate(0.6667)).toBe('66.7%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(null)).toBe('—');
  });
});

describe(reasonTotals.name, () => {
  it('keeps the reasons that count, largest first', () => {
    expect(reasonTotals({ AWAITING_MATCH: 1, NONE_ELIGIBLE: 3, CAPACITY: 0 })).toEqual([
      ['NONE_ELIGIBLE', 3],
      ['AWAITING_MATCH', 1],
    ]);
    expect(reasonTotals(undefined)).toEqual([]);
  });
});

describe(trendMonths.name, () => {
  it('spans the period’s months, at most the last 36', () => {
    expect(trendMonths('2026-01-01', '2026-12-02')).toEqual({ from: '2026-01', to: '2026-12' });
    expect(trendMonths('2025-11-30', '2026-02-01')).toEqual({ from: '2025-11', to: '2026-02' });
    expect(trendMonths('2020-01-01', '2026-12-31')).toEqual({ from: '2024-01', to: '2026-12' });
  });
});
