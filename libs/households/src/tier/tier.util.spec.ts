import { computeTier, TIER_TABLE, tierReasonCodeOf, type TierFacts } from './tier.util';

const STANDARD = 110_000; // 1,100 yuan
const facts = (
  over: Partial<Omit<TierFacts, 'flags'>> & { flags?: Partial<TierFacts['flags']> } = {},
): TierFacts => ({
  perCapitaIncomeFen: 300_000,
  totalIncomeFen: 900_000,
  rigidExpenditurePerCapitaFen: 0,
  standardFen: STANDARD,
  ...over,
  flags: { noLabourCapacity: false, noSupporter: false, suddenEvent: false, ...over.flags },
});

describe(computeTier.name, () => {
  it.each([
    [
      'no labour, no income, no supporter',
      facts({
        perCapitaIncomeFen: 0,
        totalIncomeFen: 0,
        flags: { noLabourCapacity: true, noSupporter: true },
      }),
      'extreme_poverty',
      1,
    ],
    [
      'no labour and no income but a supporter',
      facts({ perCapitaIncomeFen: 0, totalIncomeFen: 0, flags: { noLabourCapacity: true } }),
      'subsistence',
      1,
    ],
    ['one fen below the standard', facts({ perCapitaIncomeFen: STANDARD - 1 }), 'subsistence', 1],
    ['exactly at the standard', facts({ perCapitaIncomeFen: STANDARD }), 'low_income', 2],
    ['one fen below 1.5×', facts({ perCapitaIncomeFen: STANDARD * 1.5 - 1 }), 'low_income', 2],
    ['exactly at 1.5×', facts({ perCapitaIncomeFen: STANDARD * 1.5 }), null, 4],
    ['one fen below 2×', facts({ perCapitaIncomeFen: STANDARD * 2 - 1 }), null, 4],
    ['exactly at 2×', facts({ perCapitaIncomeFen: STANDARD * 2 }), null, null],
    [
      'rigid expenditure takes income below the standard',
      facts({ perCapitaIncomeFen: 250_000, rigidExpenditurePerCapitaFen: 150_000 }),
      'expenditure_poverty',
      3,
    ],
    [
      'rigid expenditure leaves exactly the standard',
      facts({ perCapitaIncomeFen: 250_000, rigidExpenditurePerCapitaFen: 140_000 }),
      null,
      null,
    ],
    [
      'expenditure-type beats low income, keeping the low-income circle',
      facts({ perCapitaIncomeFen: 150_000, rigidExpenditurePerCapitaFen: 50_000 }),
      'expenditure_poverty',
      2,
    ],
    [
      'sudden event in a comfortable household',
      facts({ flags: { suddenEvent: true } }),
      'emergency',
      3,
    ],
    [
      'sudden event in a subsistence household keeps subsistence',
      facts({ perCapitaIncomeFen: 50_000, flags: { suddenEvent: true } }),
      'subsistence',
      1,
    ],
  ])('%s', (_, input, tier, circle) => {
    expect(computeTier(input)).toMatchObject({ tier, circle });
  });

  it('keeps a low-income household in circle 2 when a sudden event strikes', () => {
    expect(
      computeTier(facts({ perCapitaIncomeFen: 150_000, flags: { suddenEvent: true } })),
    ).toMatchObject({
      tier: 'emergency',
      circle: 2,
    });
  });

  it('follows a configured low-income multiple', () => {
    expect(
      computeTier(facts({ perCapitaIncomeFen: STANDARD * 1.7 }), {
        lowIncomeRatio: 1.8,
        outerCircleRatio: 2,
      }).tier,
    ).toBe('low_income');
  });
});

describe(tierReasonCodeOf.name, () => {
  it('finds the code of every reason the table writes, so stored assessments are labelled', () => {
    for (const row of TIER_TABLE) expect(tierReasonCodeOf(row.reason)).toBe(row.reasonCode);
    expect(tierReasonCodeOf('above every threshold')).toBe('above_thresholds');
    expect(tierReasonCodeOf('something else')).toBeNull();
    expect(tierReasonCodeOf(null)).toBeNull();
  });
});
