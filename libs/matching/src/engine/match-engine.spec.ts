import fc from 'fast-check';
import type { Benefit, StackingRule } from '@onedoor/ledger';
import type { EligibilityFacts, EligibilityRules } from '@onedoor/resources';
import {
  DEFAULT_WEIGHTS,
  exclusion,
  expandRejections,
  type EngineOptions,
  type MatchHousehold,
  proposeMatches,
  type MatchNeed,
  type MatchResource,
  type ServiceHistory,
  valueFit,
} from './match-engine';

const facts: EligibilityFacts = {
  tier: 'subsistence',
  circle: 1,
  perCapitaIncomeRatio: 0.5,
  memberAges: [54, 20],
  hasDisability: false,
  hasChronicIllness: true,
  residency: 'local',
  householdSize: 2,
  childrenInSchool: 0,
  tags: [],
};
const household: MatchHousehold = { id: 'h', areaPath: '/c/d/s1/k1/', facts };
const need = (over: Partial<MatchNeed> = {}): MatchNeed => ({
  id: 'n',
  categoryCode: 'medical',
  severity: 4,
  urgency: 'normal',
  gapFen: null,
  ...over,
});
let seq = 0;
const resource = (over: Partial<MatchResource> = {}): MatchResource => ({
  id: `r${String(++seq).padStart(3, '0')}`,
  categoryCode: 'medical',
  form: 'service',
  serviceLevel: 'district',
  coveragePath: '/c/d/',
  validFrom: '2026-01-01',
  validUntil: null,
  remaining: 10,
  valuePerUnitFen: null,
  eligibility: null,
  providerRating: null,
  ...over,
});
const noHistory: ServiceHistory = { benefits: [], servedNeedIds: new Set() };
/** A benefit the household receives: a department's entry unless said otherwise. */
const benefit = (over: Partial<Benefit> = {}): Benefit => ({
  source: 'entry',
  grantedBy: '和平区民政局',
  title: '临时救助',
  categoryCode: 'medical',
  startsOn: '2026-10-03',
  endsOn: null,
  amountFen: 500_000,
  resourceId: null,
  needId: null,
  ...over,
});
const options: EngineOptions = { topK: 3, weights: DEFAULT_WEIGHTS, today: '2026-11-24' };
const run = (resources: MatchResource[], n = need(), history = noHistory, opts = options) =>
  proposeMatches(household, [n], resources, history, opts)[0];

describe(proposeMatches.name, () => {
  describe('exclusion rules, each with the rule that excluded the candidate', () => {
    it.each([
      ['outside coverage', resource({ coveragePath: '/c/d/s2/' }), { reason: 'OUTSIDE_COVERAGE' }],
      ['not yet valid', resource({ validFrom: '2027-01-01' }), { reason: 'NOT_VALID' }],
      ['expired', resource({ validUntil: '2026-11-23' }), { reason: 'NOT_VALID' }],
      ['no capacity left', resource({ remaining: 0 }), { reason: 'CAPACITY_EXHAUSTED' }],
      [
        'not eligible',
        resource({ eligibility: { memberAge: { min: 60 } } }),
        {
          reason: 'ELIGIBILITY',
          failed: [{ rule: 'memberAge', expected: { min: 60 }, actual: [54, 20] }],
        },
      ],
    ])('%s', (_, candidate, expected) => {
      const sut = run([candidate]);
      expect(sut.proposals).toEqual([]);
      expect(expandRejections(sut.rejections)).toEqual([
        expect.objectContaining({ resourceId: candidate.id, ...expected }),
      ]);
    });

    it('refuses any resource for a need without a gap that a live referral serves', () => {
      const r = resource();
      const sut = run([r], need(), { ...noHistory, servedNeedIds: new Set(['n']) });
      expect(expandRejections(sut.rejections)).toEqual([
        {
          resourceId: r.id,
          reason: 'DUPLICATE_ASSISTANCE',
          detail: 'the need is already being served',
          stacking: {
            rule: 'need_served',
            ruleId: null,
            ruleKind: null,
            periodMonths: null,
            benefit: null,
          },
        },
      ]);
      expect(sut.served).toBe(true);
    });

    it('refuses a candidate an exclusive rule forbids beside a current benefit, naming it', () => {
      const exclusive: StackingRule = {
        id: 'rule-1',
        kind: 'exclusive',
        categoryCode: 'basic_living',
        resourceAId: null,
        resourceBId: null,
        periodMonths: null,
      };
      const cash = resource({
        categoryCode: 'basic_living',
        form: 'cash',
        valuePerUnitFen: 100_000,
      });
      const history = { ...noHistory, benefits: [benefit({ categoryCode: 'basic_living' })] };
      const sut = run([cash], need({ categoryCode: 'basic_living' }), history, {
        ...options,
        stackingRules: [exclusive],
      });
      expect(sut.proposals).toEqual([]);
      expect(expandRejections(sut.rejections)).toEqual([
        {
          resourceId: cash.id,
          reason: 'DUPLICATE_ASSISTANCE',
          detail: 'already receives 临时救助 from 和平区民政局 since 2026-10-03 (exclusive)',
          stacking: expect.objectContaining({
            rule: 'exclusive',
            ruleId: 'rule-1',
            benefit: expect.objectContaining({ grantedBy: '和平区民政局', startsOn: '2026-10-03' }),
          }),
        },
      ]);
      expect(sut.unmet).toEqual(['DUPLICATE_ASSISTANCE']);
      // Without the rule, a cash benefit of the category no longer blocks (the old blunt rule).
      expect(run([cash], need({ categoryCode: 'basic_living' }), history).proposals).toHaveLength(
        1,
      );
    });

    it('refuses a resource that already served the household when no rule says otherwise', () => {
      const r = resource();
      const sut = run([r], need(), {
        ...noHistory,
        benefits: [benefit({ source: 'referral', resourceId: r.id, needId: 'other' })],
      });
      expect(expandRejections(sut.rejections)[0]).toMatchObject({
        reason: 'DUPLICATE_ASSISTANCE',
        stacking: { rule: 'same_resource' },
      });
    });

    it('proposes for a money-gap need what is left of it, and nothing once it is covered', () => {
      const big = resource({ form: 'cash', valuePerUnitFen: 1_500_000 });
      const small = resource({ form: 'cash', valuePerUnitFen: 500_000 });
      const service = resource();
      const gapNeed = need({ gapFen: 3_000_000 });
      const received = benefit({ needId: 'n', amountFen: 2_000_000 });
      const sut = run([big, small, service], gapNeed, { ...noHistory, benefits: [received] });
      expect(sut.gap).toEqual({ gapFen: 3_000_000, coveredFen: 2_000_000, leftFen: 1_000_000 });
      expect(Object.fromEntries(sut.proposals.map((p) => [p.resourceId, p.coversFen]))).toEqual({
        [big.id]: 1_000_000,
        [small.id]: 500_000,
        [service.id]: 0,
      });
      const covered = run([big], gapNeed, {
        servedNeedIds: new Set(['n']),
        benefits: [received, benefit({ needId: 'n', amountFen: 1_000_000, title: '慈善基金' })],
      });
      expect(covered.proposals).toEqual([]);
      expect(expandRejections(covered.rejections)[0]).toMatchObject({
        reason: 'DUPLICATE_ASSISTANCE',
        stacking: { rule: 'gap_covered' },
      });
      expect(covered.served).toBe(true);
      // A need without a gap says nothing of one.
      expect(run([big]).proposals[0].coversFen).toBeNull();
    });

    it('ignores resources of other categories entirely', () => {
      const sut = run([resource({ categoryCode: 'housing' })]);
      expect(expandRejections(sut.rejections)).toEqual([]);
      expect(sut.unmet).toEqual(['NO_RESOURCE_IN_CATEGORY']);
    });
  });

  describe('ranking', () => {
    it('prefers the lowest service level that can serve, whatever the score', () => {
      const district = resource({ serviceLevel: 'district', providerRating: 100, remaining: 50 });
      const street = resource({
        serviceLevel: 'street',
        coveragePath: '/c/d/s1/',
        providerRating: 10,
      });
      const community = resource({
        serviceLevel: 'community',
        coveragePath: '/c/d/s1/k1/',
        providerRating: 0,
        remaining: 1,
      });
      expect(run([district, street, community]).proposals.map((p) => p.resourceId)).toEqual([
        community.id,
        street.id,
        district.id,
      ]);
    });

    it('orders the same level by score: rating, capacity and value fit', () => {
      const low = resource({ providerRating: 40 });
      const high = resource({ providerRating: 95 });
      const mid = resource({ providerRating: 70 });
      const sut = run([low, high, mid]);
      expect(sut.proposals.map((p) => [p.resourceId, p.rank])).toEqual([
        [high.id, 1],
        [mid.id, 2],
        [low.id, 3],
      ]);
      expect(sut.proposals[0].score).toBeGreaterThan(sut.proposals[1].score);
    });

    it('keeps the top K', () => {
      const many = Array.from({ length: 6 }, (_, i) => resource({ providerRating: i * 10 }));
      expect(run(many, need(), noHistory, { ...options, topK: 2 }).proposals).toHaveLength(2);
    });

    it('explains every factor: value, weight, contribution, summing to the score', () => {
      const r = resource({
        form: 'cash',
        valuePerUnitFen: 200_000,
        providerRating: 80,
        remaining: 5,
      });
      const [p] = run([r], need({ severity: 4, urgency: 'urgent' })).proposals;
      expect(p.explanation).toEqual([
        { factor: 'level', value: 0, weight: 0.3, contribution: 0 },
        { factor: 'severity', value: 0.8, weight: 0.15, contribution: 0.12 },
        { factor: 'urgency', value: 0.5, weight: 0.1, contribution: 0.05 },
        { factor: 'rating', value: 0.8, weight: 0.15, contribution: 0.12 },
        { factor: 'capacity', value: 0.5, weight: 0.1, contribution: 0.05 },
        { factor: 'valueFit', value: 1, weight: 0.2, contribution: 0.2 },
      ]);
      expect(p.score).toBeCloseTo(
        p.explanation.reduce((s, e) => s + e.contribution, 0),
        4,
      );
    });
  });

  describe('unmet reasons', () => {
    it.each([
      ['nothing in the category', [], ['NO_RESOURCE_IN_CATEGORY']],
      [
        'only lapsed resources',
        [resource({ validUntil: '2025-12-31' })],
        ['NO_RESOURCE_IN_CATEGORY'],
      ],
      ['none covers the area', [resource({ coveragePath: '/c/d2/' })], ['NONE_COVERS_AREA']],
      [
        'none eligible',
        [resource({ eligibility: { tier: { in: ['low_income'] } } })],
        ['NONE_ELIGIBLE'],
      ],
      ['capacity exhausted', [resource({ remaining: 0 })], ['CAPACITY_EXHAUSTED']],
      [
        'a mix of reasons, outside coverage not counted',
        [
          resource({ remaining: 0 }),
          resource({ eligibility: { hasDisability: true } }),
          resource({ coveragePath: '/x/' }),
        ],
        ['CAPACITY_EXHAUSTED', 'NONE_ELIGIBLE'],
      ],
    ])('%s', (_, resources, reasons) => {
      expect(run(resources as MatchResource[]).unmet).toEqual(reasons);
    });

    it('says none covers the area when only non-covering resources exist and were filtered out', () => {
      expect(
        run([], need(), noHistory, { ...options, categoriesWithSupply: new Set(['medical']) })
          .unmet,
      ).toEqual(['NONE_COVERS_AREA']);
    });

    it('records duplicate assistance as the reason when that is all that stood in the way', () => {
      expect(
        run([resource()], need(), { ...noHistory, servedNeedIds: new Set(['n']) }).unmet,
      ).toEqual(['DUPLICATE_ASSISTANCE']);
    });
  });
});

describe(valueFit.name, () => {
  it('is best when the value per unit matches the need’s severity', () => {
    expect(valueFit({ form: 'cash', valuePerUnitFen: 250_000 }, 5)).toBe(1);
    expect(valueFit({ form: 'cash', valuePerUnitFen: 125_000 }, 5)).toBe(0.5);
    expect(valueFit({ form: 'service', valuePerUnitFen: null }, 5)).toBe(0.5);
  });

  it('skips a resource parked for the household, saying so; all parked → unmet PARKED', () => {
    const parked = resource({ serviceLevel: 'community', coveragePath: '/c/d/s1/k1/' });
    const other = resource();
    const history: ServiceHistory = {
      ...noHistory,
      parkedResourceIds: new Set([parked.id]),
    };
    const [result] = proposeMatches(household, [need()], [parked, other], history, options);
    expect(result.proposals.map((p) => p.resourceId)).toEqual([other.id]);
    expect(expandRejections(result.rejections)).toEqual([
      expect.objectContaining({ resourceId: parked.id, reason: 'PARKED' }),
    ]);
    const [alone] = proposeMatches(household, [need()], [parked], history, options);
    expect(alone.unmet).toEqual(['PARKED']);
  });
});

/**
 * The stored rejections are grouped by identical exclusion (need.match_rejections); the why-not
 * view expands them. On generated instances, the expansion must give exactly what one
 * exclusion per candidate gave before (the reference, `exclusion` without the engine's
 * eligibility memo), and every candidate must be either proposed, ranked out, or rejected once.
 */
describe(expandRejections.name, () => {
  it('expands groups to one rejection per resource, by resource id, and passes the old per-candidate form through', () => {
    expect(
      expandRejections([
        { reason: 'ELIGIBILITY', failed: [], resourceIds: ['r3', 'r1'] },
        // As an older matcher wrote it during a rolling deploy.
        { resourceId: 'r2', reason: 'CAPACITY_EXHAUSTED' },
      ]),
    ).toEqual([
      { resourceId: 'r1', reason: 'ELIGIBILITY', failed: [] },
      { resourceId: 'r2', reason: 'CAPACITY_EXHAUSTED' },
      { resourceId: 'r3', reason: 'ELIGIBILITY', failed: [] },
    ]);
  });
});

describe('grouped rejections (property)', () => {
  const DOCS: Array<EligibilityRules | null> = [
    null,
    { tier: { in: ['subsistence', 'extreme_poverty'] } },
    { memberAge: { min: 60 } },
    { all: [{ perCapitaIncomeRatio: { max: 1.5 } }, { residency: { in: ['local'] } }] },
    { any: [{ hasDisability: true }, { hasChronicIllness: true }] },
    { childrenInSchool: { min: 1 } },
  ];
  const paths = ['/c/', '/c/d/', '/c/d/s1/', '/c/d/s2/', '/c/d/s1/k1/', '/c/d/s1/k2/'];
  const arbFacts = fc.record({
    tier: fc.constantFrom('subsistence', 'low_income', 'extreme_poverty', null),
    circle: fc.constantFrom(1, 2, 3, 4, null),
    perCapitaIncomeRatio: fc.double({ min: 0, max: 3, noNaN: true }),
    memberAges: fc.array(fc.integer({ min: 0, max: 95 }), { minLength: 1, maxLength: 4 }),
    hasDisability: fc.boolean(),
    hasChronicIllness: fc.boolean(),
    residency: fc.constantFrom('local', 'non_local'),
    householdSize: fc.integer({ min: 1, max: 6 }),
    childrenInSchool: fc.integer({ min: 0, max: 3 }),
    tags: fc.constant([] as string[]),
  }) as fc.Arbitrary<EligibilityFacts>;
  const arbResource = fc.record({
    categoryCode: fc.constantFrom('medical', 'education', 'emergency'),
    form: fc.constantFrom('cash', 'in_kind', 'service'),
    serviceLevel: fc.constantFrom('community', 'street', 'district'),
    coveragePath: fc.constantFrom(...paths),
    validFrom: fc.constantFrom('2026-01-01', '2026-01-01', '2026-01-01', '2027-01-01'),
    validUntil: fc.constantFrom(null, null, '2026-06-30', '2027-12-31'),
    remaining: fc.integer({ min: 0, max: 20 }),
    valuePerUnitFen: fc.constantFrom(null, 50_000, 250_000),
    // A shared document (as the candidates repository hands them out) or an equal copy.
    doc: fc.integer({ min: 0, max: DOCS.length - 1 }),
    copy: fc.boolean(),
    providerRating: fc.constantFrom(null, 40, 90),
    parked: fc.boolean(),
  });
  const arbInstance = fc.record({
    facts: arbFacts,
    areaPath: fc.constantFrom('/c/d/s1/k1/', '/c/d/s1/k2/', '/c/d/s2/k9/'),
    needs: fc.uniqueArray(fc.constantFrom('medical', 'education', 'emergency'), {
      minLength: 1,
      maxLength: 3,
    }),
    // Sized like a real need's candidate list (fast-check's default size keeps arrays short).
    resources: fc.array(arbResource, { minLength: 0, maxLength: 80, size: 'max' }),
    benefitCategory: fc.constantFrom(null, 'emergency', 'medical'),
    // The benefit given through the first resource, for the first need (the same resource twice).
    benefitOfFirst: fc.boolean(),
    // The first need served by a live referral, or given a money gap.
    firstNeed: fc.constantFrom('plain', 'served', 'gap', 'gap covered'),
  });

  it('expand to exactly one rejection per excluded candidate, as before grouping', () => {
    const rules: StackingRule[] = [
      {
        id: 'rule-emergency',
        kind: 'once_per_period',
        categoryCode: 'emergency',
        resourceAId: null,
        resourceBId: null,
        periodMonths: 12,
      },
      {
        id: 'rule-medical',
        kind: 'exclusive',
        categoryCode: 'medical',
        resourceAId: null,
        resourceBId: null,
        periodMonths: null,
      },
    ];
    fc.assert(
      fc.property(arbInstance, (inst) => {
        const resources: MatchResource[] = inst.resources.map((r, i) => ({
          id: `r${String(i).padStart(3, '0')}`,
          categoryCode: r.categoryCode,
          form: r.form as MatchResource['form'],
          serviceLevel: r.serviceLevel as MatchResource['serviceLevel'],
          coveragePath: r.coveragePath,
          validFrom: r.validFrom,
          validUntil: r.validUntil,
          remaining: r.remaining,
          valuePerUnitFen: r.valuePerUnitFen,
          eligibility: r.copy ? structuredClone(DOCS[r.doc]) : DOCS[r.doc],
          providerRating: r.providerRating,
        }));
        const h: MatchHousehold = { id: 'h', areaPath: inst.areaPath, facts: inst.facts };
        const needs = inst.needs.map((c, i) =>
          need({
            id: `n${i}`,
            categoryCode: c,
            gapFen: i === 0 && inst.firstNeed.startsWith('gap') ? 300_000 : null,
          }),
        );
        const history: ServiceHistory = {
          benefits: inst.benefitCategory
            ? [
                benefit({
                  categoryCode: inst.benefitCategory,
                  ...(inst.benefitOfFirst ? { resourceId: 'r000', needId: 'n0' } : {}),
                  amountFen: inst.firstNeed === 'gap covered' ? 300_000 : 100_000,
                }),
              ]
            : [],
          servedNeedIds: new Set(inst.firstNeed === 'served' ? ['n0'] : []),
          parkedResourceIds: new Set(
            resources.filter((_, i) => inst.resources[i].parked).map((r) => r.id),
          ),
        };
        const opts: EngineOptions = { ...options, stackingRules: rules };
        const results = proposeMatches(h, needs, resources, history, opts);
        results.forEach((result, i) => {
          const inCategory = resources.filter((r) => r.categoryCode === needs[i].categoryCode);
          const reference = inCategory
            .map((r) => exclusion(needs[i], h, r, history, opts))
            .filter((r): r is NonNullable<typeof r> => r !== null);
          expect(expandRejections(result.rejections)).toEqual(reference);
          // Groups are distinct: no two with the same reason and words.
          const keys = result.rejections.map(({ resourceIds: _, ...rest }) => JSON.stringify(rest));
          expect(new Set(keys).size).toBe(keys.length);
          const excluded = new Set(reference.map((r) => r.resourceId));
          for (const p of result.proposals) expect(excluded.has(p.resourceId)).toBe(false);
        });
        // The top K are the first K of every candidate that passed, sorted by the ranking
        // (service level, then score, then id): the engine keeps a window of K instead.
        const all = proposeMatches(h, needs, resources, history, { ...opts, topK: 1_000 });
        results.forEach((result, i) => {
          const level = { community: 0, street: 1, district: 2 };
          const levelOf = new Map(resources.map((r) => [r.id, level[r.serviceLevel]]));
          const sorted = [...all[i].proposals].sort(
            (a, b) =>
              levelOf.get(a.resourceId)! - levelOf.get(b.resourceId)! ||
              b.score - a.score ||
              (a.resourceId < b.resourceId ? -1 : 1),
          );
          expect(result.proposals).toEqual(
            sorted.slice(0, opts.topK).map((p, rank) => ({ ...p, rank: rank + 1 })),
          );
        });
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });
});
