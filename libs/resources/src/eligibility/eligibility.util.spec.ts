import { describeEligibility } from './eligibility-description.util';
import type { EligibilityFacts, EligibilityRules } from './eligibility.types';
import { evaluateEligibility, PREDICATES, validateEligibilityRules } from './eligibility.util';

const household = (over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  tier: 'subsistence',
  circle: 1,
  perCapitaIncomeRatio: 0.8,
  memberAges: [67, 40, 12],
  hasDisability: true,
  hasChronicIllness: false,
  residency: 'local',
  householdSize: 3,
  childrenInSchool: 1,
  tags: ['elderly_alone', 'rural'],
  ...over,
});

// One row per predicate and outcome: [name, rule, facts, eligible, actual reported on failure]
const cases: Array<[string, EligibilityRules, Partial<EligibilityFacts>, boolean, unknown?]> = [
  ['tier listed', { tier: { in: ['subsistence', 'low_income'] } }, {}, true],
  ['tier not listed', { tier: { in: ['extreme_poverty'] } }, {}, false, 'subsistence'],
  [
    'tier unknown (not yet assessed)',
    { tier: { in: ['subsistence'] } },
    { tier: null },
    false,
    null,
  ],
  ['circle listed', { circle: { in: [1, 2] } }, {}, true],
  ['circle beyond max', { circle: { max: 2 } }, { circle: 3 }, false, 3],
  ['circle within max', { circle: { max: 2 } }, { circle: 2 }, true],
  ['income ratio under max', { perCapitaIncomeRatio: { max: 1.5 } }, {}, true],
  [
    'income ratio at max',
    { perCapitaIncomeRatio: { max: 1.5 } },
    { perCapitaIncomeRatio: 1.5 },
    true,
  ],
  [
    'income ratio over max',
    { perCapitaIncomeRatio: { max: 1.5 } },
    { perCapitaIncomeRatio: 1.6 },
    false,
    1.6,
  ],
  ['income ratio under min', { perCapitaIncomeRatio: { min: 1, max: 2 } }, {}, false, 0.8],
  ['a member aged 60+', { memberAge: { min: 60 } }, {}, true],
  ['no member aged 60+', { memberAge: { min: 60 } }, { memberAges: [40, 12] }, false, [40, 12]],
  ['a child 6-18', { memberAge: { min: 6, max: 18 } }, {}, true],
  ['disability required', { hasDisability: true }, {}, true],
  ['disability required, none', { hasDisability: true }, { hasDisability: false }, false, false],
  ['chronic illness excluded', { hasChronicIllness: false }, {}, true],
  ['chronic illness required', { hasChronicIllness: true }, {}, false, false],
  ['local residents', { residency: { in: ['local'] } }, {}, true],
  [
    'local only, non-local household',
    { residency: { in: ['local'] } },
    { residency: 'non_local' },
    false,
    'non_local',
  ],
  ['household size in range', { householdSize: { min: 2, max: 4 } }, {}, true],
  ['household too large', { householdSize: { max: 2 } }, {}, false, 3],
  ['children in school', { childrenInSchool: { min: 1 } }, {}, true],
  ['no children in school', { childrenInSchool: { min: 1 } }, { childrenInSchool: 0 }, false, 0],
  ['tags any', { householdTags: { any: ['rural', 'veteran'] } }, {}, true],
  [
    'tags all missing one',
    { householdTags: { all: ['rural', 'veteran'] } },
    {},
    false,
    ['elderly_alone', 'rural'],
  ],
  ['tags none', { householdTags: { none: ['veteran'] } }, {}, true],
  ['tags none hit', { householdTags: { none: ['rural'] } }, {}, false, ['elderly_alone', 'rural']],
];

describe(evaluateEligibility.name, () => {
  // Rows have 4 or 5 cells: read them from one rest parameter so jest never mistakes a
  // fifth parameter for a `done` callback.
  it.each(cases)('%s', (...row) => {
    const [, rules, facts, eligible, actual] = row;
    const sut = evaluateEligibility(rules, household(facts));
    expect(sut.eligible).toBe(eligible);
    if (eligible) {
      expect(sut.failed).toEqual([]);
    } else {
      const name = Object.keys(rules)[0];
      expect(sut.failed).toEqual([
        { rule: name, expected: (rules as Record<string, unknown>)[name], actual },
      ]);
    }
  });

  it('covers every predicate of the closed set', () => {
    const tested = new Set(cases.map(([, rules]) => Object.keys(rules)[0]));
    expect([...tested].sort()).toEqual(Object.keys(PREDICATES).sort());
  });

  it('needs every rule of an `all`, and names the failing ones with their paths', () => {
    const rules: EligibilityRules = {
      all: [
        { tier: { in: ['subsistence'] } },
        { memberAge: { min: 80 } },
        { residency: { in: ['non_local'] } },
      ],
    };
    expect(evaluateEligibility(rules, household())).toEqual({
      eligible: false,
      failed: [
        { rule: 'all[1].memberAge', expected: { min: 80 }, actual: [67, 40, 12] },
        { rule: 'all[2].residency', expected: { in: ['non_local'] }, actual: 'local' },
      ],
    });
  });

  it('needs one alternative of an `any`, and lists every alternative when none holds', () => {
    const rules: EligibilityRules = {
      any: [{ hasChronicIllness: true }, { memberAge: { min: 80 } }],
    };
    expect(evaluateEligibility(rules, household({ memberAges: [85] })).eligible).toBe(true);
    expect(evaluateEligibility(rules, household()).failed.map((f) => f.rule)).toEqual([
      'any[0].hasChronicIllness',
      'any[1].memberAge',
    ]);
  });

  it('nests all / any', () => {
    const rules: EligibilityRules = {
      all: [
        { residency: { in: ['local'] } },
        {
          any: [
            { tier: { in: ['extreme_poverty'] } },
            { all: [{ hasDisability: true }, { perCapitaIncomeRatio: { max: 1 } }] },
          ],
        },
      ],
    };
    expect(evaluateEligibility(rules, household()).eligible).toBe(true);
    expect(
      evaluateEligibility(rules, household({ perCapitaIncomeRatio: 1.2 })).failed.map(
        (f) => f.rule,
      ),
    ).toEqual(['all[1].any[0].tier', 'all[1].any[1].all[1].perCapitaIncomeRatio']);
  });

  // Empty lists are refused at write time (validateEligibilityRules); evaluation stays total.
  it('treats no rules and an empty all as no conditions', () => {
    expect(evaluateEligibility(null, household()).eligible).toBe(true);
    expect(evaluateEligibility({ all: [] }, household()).eligible).toBe(true);
  });
});

describe(validateEligibilityRules.name, () => {
  it('accepts the documented example', () => {
    const doc = {
      all: [
        { tier: { in: ['subsistence', 'low_income'] } },
        { memberAge: { min: 60 } },
        { perCapitaIncomeRatio: { max: 1.5 } },
        { residency: { in: ['local'] } },
        { hasDisability: true },
      ],
    };
    expect(validateEligibilityRules(doc)).toEqual([]);
  });

  it.each([
    ['not an object', 'everyone', 'eligibility'],
    ['two keys in one node', { tier: { in: ['subsistence'] }, hasDisability: true }, 'eligibility'],
    ['unknown predicate', { all: [{ income: { max: 1 } }] }, 'eligibility.all[0].income'],
    ['unknown tier', { tier: { in: ['rich'] } }, 'eligibility.tier.in[0]'],
    ['empty list', { residency: { in: [] } }, 'eligibility.residency.in'],
    [
      'bad range bound',
      { any: [{ hasDisability: true }, { memberAge: { min: 'sixty' } }] },
      'eligibility.any[1].memberAge.min',
    ],
    ['min above max', { householdSize: { min: 5, max: 2 } }, 'eligibility.householdSize'],
    ['unknown key in a range', { memberAge: { from: 60 } }, 'eligibility.memberAge.from'],
    ['boolean predicate given a string', { hasDisability: 'yes' }, 'eligibility.hasDisability'],
    ['circle out of range', { circle: { max: 7 } }, 'eligibility.circle.max'],
    ['combinator not an array', { all: { tier: { in: ['subsistence'] } } }, 'eligibility.all'],
    ['empty any (would admit everyone)', { any: [] }, 'eligibility.any'],
    ['a built-in name as predicate', { all: [{ toString: 1 }] }, 'eligibility.all[0].toString'],
    ['__proto__ as predicate', JSON.parse('{"__proto__": {"in": []}}'), 'eligibility.__proto__'],
    ['bad tag', { householdTags: { any: ['has space'] } }, 'eligibility.householdTags.any'],
  ])('rejects %s, naming the path', (_, doc, path) => {
    const errors = validateEligibilityRules(doc);
    expect(errors.map((e) => e.field)).toEqual([path]);
  });
});

describe(describeEligibility.name, () => {
  it('words the rules in Chinese', () => {
    expect(
      describeEligibility({
        all: [{ tier: { in: ['subsistence', 'low_income'] } }, { memberAge: { min: 60 } }],
      }),
    ).toBe('家庭类别为低保、低收入；有成员年龄≥60岁');
    expect(describeEligibility(null)).toBe('无资格限制');
  });
});
