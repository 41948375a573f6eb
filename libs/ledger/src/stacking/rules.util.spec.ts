import { periodErrors, ruleSubject } from './rules.util';

const LOW = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const HIGH = 'C9A646D3-9C61-4CB7-BFCD-EE2522C8F633';

describe(ruleSubject.name, () => {
  it('stores a pair in PostgreSQL’s uuid order whichever way it is sent', () => {
    const expected = { categoryCode: null, resourceAId: LOW, resourceBId: HIGH.toLowerCase() };
    expect(ruleSubject({ resourceIds: [HIGH, LOW] })).toEqual(expected);
    expect(ruleSubject({ resourceIds: [LOW, HIGH] })).toEqual(expected);
    expect(ruleSubject({ resourceIds: [LOW, LOW] })).toEqual({
      categoryCode: null,
      resourceAId: LOW,
      resourceBId: LOW,
    });
  });

  it('takes a category alone', () => {
    expect(ruleSubject({ categoryCode: 'emergency', resourceIds: null })).toEqual({
      categoryCode: 'emergency',
      resourceAId: null,
      resourceBId: null,
    });
  });

  it('refuses both or neither, on both fields', () => {
    for (const dto of [{ categoryCode: 'medical', resourceIds: [LOW, HIGH] }, {}]) {
      expect(ruleSubject(dto)).toEqual([
        expect.objectContaining({ field: 'categoryCode', constraint: 'stackingRuleSubject' }),
        expect.objectContaining({ field: 'resourceIds', constraint: 'stackingRuleSubject' }),
      ]);
    }
  });
});

describe(periodErrors.name, () => {
  it('wants a period with once_per_period and none with the other kinds', () => {
    expect(periodErrors('once_per_period', 12)).toEqual([]);
    expect(periodErrors('exclusive', null)).toEqual([]);
    expect(periodErrors('complementary', null)).toEqual([]);
    expect(periodErrors('once_per_period', null)).toEqual([
      expect.objectContaining({ field: 'periodMonths', constraint: 'stackingRulePeriodRequired' }),
    ]);
    expect(periodErrors('exclusive', 6)).toEqual([
      expect.objectContaining({
        field: 'periodMonths',
        constraint: 'stackingRulePeriodNotAllowed',
      }),
    ]);
  });
});
