import { fenToYuanText, formatBeijingTime, formatYuan, isInstant } from './human-format';

describe(formatYuan.name, () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [123450, '¥1,234.50'],
    [-123450, '-¥1,234.50'],
    [-5, '-¥0.05'],
    [99999999999, '¥999,999,999.99'],
    [Number.MAX_SAFE_INTEGER, '¥90,071,992,547,409.91'],
    ['100000000000000000001', '¥1,000,000,000,000,000,000.01'],
    [123456n, '¥1,234.56'],
  ])('%p fen reads %p', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it('refuses a fraction of a fen rather than rounding money', () => {
    expect(() => formatYuan(1.5)).toThrow(RangeError);
  });
});

describe(fenToYuanText.name, () => {
  it('writes a plain number for a spreadsheet cell', () => {
    expect(fenToYuanText(123450)).toBe('1234.50');
    expect(fenToYuanText(-100000007)).toBe('-1000000.07');
    expect(fenToYuanText(0)).toBe('0.00');
  });
});

describe(formatBeijingTime.name, () => {
  it('shows an instant at UTC+8 to the minute, without a zone letter', () => {
    expect(formatBeijingTime(new Date('2026-12-02T06:00:00Z'))).toBe('2026-12-02 14:00');
    expect(formatBeijingTime('2026-12-02T06:00:59.999Z')).toBe('2026-12-02 14:00');
  });

  it('crosses midnight into the next Beijing day at 16:00 UTC', () => {
    expect(formatBeijingTime('2026-12-31T15:59:00Z')).toBe('2026-12-31 23:59');
    expect(formatBeijingTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00');
  });

  it('keeps +08:00 all year: no daylight-saving shift in summer or winter', () => {
    expect(formatBeijingTime('2026-07-01T00:00:00Z')).toBe('2026-07-01 08:00');
    expect(formatBeijingTime('2026-01-01T00:00:00Z')).toBe('2026-01-01 08:00');
    expect(formatBeijingTime('2026-03-29T01:30:00+01:00')).toBe('2026-03-29 08:30');
  });

  it('refuses what is not a time', () => {
    expect(() => formatBeijingTime('tomorrow')).toThrow(RangeError);
  });
});

describe(isInstant.name, () => {
  it('knows ISO timestamps with a zone, and nothing else', () => {
    expect(isInstant('2026-12-02T06:00:00.000Z')).toBe(true);
    expect(isInstant('2026-12-02T14:00:00+08:00')).toBe(true);
    expect(isInstant(new Date(0))).toBe(true);
    expect(isInstant('2026-12-02')).toBe(false);
    expect(isInstant('2026-12-02T14:00:00')).toBe(false);
    expect(isInstant('abc')).toBe(false);
    expect(isInstant(12)).toBe(false);
  });
});
