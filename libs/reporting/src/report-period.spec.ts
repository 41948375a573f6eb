import { DomainError } from '@onedoor/platform';
import { reportPeriod } from './report-period';

describe(reportPeriod.name, () => {
  it('runs from the first day 00:00 to the day after the last, China time', () => {
    const p = reportPeriod('2026-01-01', '2026-01-31', new Date());
    expect(p.start.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-01-31T16:00:00.000Z');
  });

  it('defaults to the 365 days ending today in China', () => {
    // 2026-03-01 01:00 in China is still 28 February in UTC.
    const p = reportPeriod(undefined, undefined, new Date('2026-02-28T17:00:00Z'));
    expect([p.from, p.to]).toEqual(['2025-03-02', '2026-03-01']);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => reportPeriod('2026-02-01', '2026-01-31', new Date())).toThrow(DomainError);
  });
});
