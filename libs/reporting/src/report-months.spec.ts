import { DomainError } from '@onedoor/platform';
import { reportMonths } from './report-months';

describe(reportMonths.name, () => {
  const now = new Date('2026-12-02T03:00:00Z'); // 2 December, 11:00 in Beijing

  it('cuts months at midnight Beijing time, so 2026-10-31T16:30Z falls in November', () => {
    const [oct, nov] = reportMonths('2026-10', '2026-11', now);
    expect(oct.month).toBe('2026-10');
    expect([oct.period.from, oct.period.to]).toEqual(['2026-10-01', '2026-10-31']);
    expect(oct.period.start.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(oct.period.end.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    const instant = new Date('2026-10-31T16:30:00Z');
    expect(instant >= oct.period.end).toBe(true);
    expect(instant >= nov.period.start && instant < nov.period.end).toBe(true);
    expect([nov.period.from, nov.period.to]).toEqual(['2026-11-01', '2026-11-30']);
  });

  it('knows leap Februaries and crosses the year', () => {
    const months = reportMonths('2027-12', '2028-02', new Date('2028-06-01T00:00:00Z'));
    expect(months.map((m) => [m.month, m.period.from, m.period.to])).toEqual([
      ['2027-12', '2027-12-01', '2027-12-31'],
      ['2028-01', '2028-01-01', '2028-01-31'],
      ['2028-02', '2028-02-01', '2028-02-29'],
    ]);
  });

  it('defaults to the twelve months ending with this one, which runs to today; later months are left out', () => {
    const months = reportMonths(undefined, undefined, now);
    expect(months.map((m) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(months[11].period.to).toBe('2026-12-02');
    expect(reportMonths('2026-11', '2027-03', now).map((m) => m.month)).toEqual([
      '2026-11',
      '2026-12',
    ]);
    // 1 December 01:00 in Beijing is still 30 November in UTC: December has begun.
    expect(
      reportMonths('2026-12', '2026-12', new Date('2026-11-30T17:00:00Z')).map((m) => m.period.to),
    ).toEqual(['2026-12-01']);
  });

  it('refuses a range that ends before it starts or spans more than 36 months', () => {
    expect(() => reportMonths('2026-05', '2026-04', now)).toThrow(DomainError);
    expect(() => reportMonths('2023-01', '2026-01', now)).toThrow(DomainError);
    expect(reportMonths('2023-02', '2026-01', now)).toHaveLength(36);
  });
});
