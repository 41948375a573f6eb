import { effectiveLimit, RELIEF_DEFAULT_LIMITS, withinLimit } from './grant-limits.util';

describe('effectiveLimit', () => {
  it('takes the level’s default without a row: community ¥1,000, street ¥5,000, district and city unlimited', () => {
    expect(RELIEF_DEFAULT_LIMITS).toEqual({
      community: 100_000,
      street: 500_000,
      district: null,
      city: null,
    });
    expect(effectiveLimit('street', null)).toEqual({ maxFen: 500_000, isDefault: true });
    expect(effectiveLimit('district', null)).toEqual({ maxFen: null, isDefault: true });
  });

  it('takes the area’s row over the default, a null row meaning no limit', () => {
    expect(effectiveLimit('community', { maxFen: '200000' })).toEqual({
      maxFen: 200_000,
      isDefault: false,
    });
    expect(effectiveLimit('community', { maxFen: null })).toEqual({
      maxFen: null,
      isDefault: false,
    });
  });

  it('allows up to the limit inclusive', () => {
    const limit = effectiveLimit('community', null);
    expect(withinLimit(limit, 100_000)).toBe(true);
    expect(withinLimit(limit, 100_001)).toBe(false);
    expect(withinLimit({ maxFen: null, isDefault: true }, 10 ** 12)).toBe(true);
  });
});
