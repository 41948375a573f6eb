import { isOverdue } from './visit.mapper';

describe(isOverdue.name, () => {
  const now = new Date('2026-12-10T00:00:00Z');

  it('flags a visit still due more than 3 days after its date', () => {
    expect(isOverdue('due', '2026-12-06T23:59:59Z', now)).toBe(true);
    expect(isOverdue('due', '2026-12-07T00:00:00Z', now)).toBe(false);
    expect(isOverdue('due', '2026-12-12T00:00:00Z', now)).toBe(false);
  });

  it('never flags a visit made, or one with no date', () => {
    expect(isOverdue('done', '2026-11-01T00:00:00Z', now)).toBe(false);
    expect(isOverdue('due', null, now)).toBe(false);
  });
});
