import { formatDate, formatTime, formatYuan, hoursUntil, yuanToFen } from './format';

describe('console formatting', () => {
  it('shows fen as yuan with the ¥ sign, thousands and two decimals', () => {
    expect(formatYuan(123450)).toBe('¥1,234.50');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(null)).toBe('—');
  });

  it('turns typed yuan into integer fen without float drift', () => {
    expect(yuanToFen('1234.5')).toBe(123450);
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen('19.999')).toBe(1999);
    expect(yuanToFen('300')).toBe(30000);
  });

  it('shows times in Beijing time whatever the zone of the input', () => {
    expect(formatTime('2026-12-01T16:30:00Z')).toBe('2026-12-02 00:30');
    expect(formatDate('2026-12-01T16:30:00Z')).toBe('2026-12-02');
    expect(formatDate('2026-12-01')).toBe('2026-12-01');
  });

  it('counts hours to a deadline, negative once past', () => {
    const now = new Date('2026-12-02T00:00:00Z');
    expect(hoursUntil('2026-12-02T06:00:00Z', now)).toBe(6);
    expect(hoursUntil('2026-12-01T22:00:00Z', now)).toBe(-2);
  });
});
