import fc from 'fast-check';
import {
  type EligibilityFacts,
  type EligibilityRules,
  eligibilityFactsColumns,
  eligibilitySql,
  evaluateEligibility,
  paramBinder,
  RESIDENCIES,
  TIERS,
  validateEligibilityRules,
} from '@onedoor/resources';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

// The coverage report counts eligible households in SQL; the matcher decides in JavaScript.
// This holds the two to the same answer on generated rule documents and household facts.

const TAGS = ['低保边缘', 'veteran', 'left_behind', 'x'];
// Small pools of values make rule bounds and facts collide, so edges (= min, = max) are hit.
const small = fc.constantFrom(0, 1, 2, 3, 4, 5);
const ratio = fc.constantFrom(0, 0.5, 1, 1.2, 1.5, 2, 1 / 3, 0.1 + 0.2, 99.5);
const age = fc.constantFrom(0, 5, 17, 18, 59, 60, 61, 80, 150);

const range = (n: fc.Arbitrary<number>) =>
  fc
    .record({ min: n, max: n }, { requiredKeys: [] })
    .filter((r) => r.min !== undefined || r.max !== undefined)
    .map((r) =>
      r.min !== undefined && r.max !== undefined && r.min > r.max ? { min: r.max, max: r.min } : r,
    );
const nonEmpty = <T>(values: readonly T[]) =>
  fc.uniqueArray(fc.constantFrom(...values), { minLength: 1 });

const predicate: fc.Arbitrary<EligibilityRules> = fc.oneof(
  nonEmpty(TIERS).map((v) => ({ tier: { in: v } })),
  fc
    .record({ in: nonEmpty([1, 2, 3, 4]), max: fc.constantFrom(1, 2, 3, 4) }, { requiredKeys: [] })
    .filter((r) => Object.keys(r).length > 0)
    .map((circle) => ({ circle })),
  range(ratio).map((perCapitaIncomeRatio) => ({ perCapitaIncomeRatio })),
  range(age).map((memberAge) => ({ memberAge })),
  fc.boolean().map((hasDisability) => ({ hasDisability })),
  fc.boolean().map((hasChronicIllness) => ({ hasChronicIllness })),
  nonEmpty(RESIDENCIES).map((v) => ({ residency: { in: v } })),
  range(small.map((n) => n + 1)).map((householdSize) => ({ householdSize })),
  range(small).map((childrenInSchool) => ({ childrenInSchool })),
  fc
    .record(
      { any: nonEmpty(TAGS), all: nonEmpty(TAGS), none: nonEmpty(TAGS) },
      { requiredKeys: [] },
    )
    .filter((r) => Object.keys(r).length > 0)
    .map((householdTags) => ({ householdTags })),
) as fc.Arbitrary<EligibilityRules>;

const rules: fc.Arbitrary<EligibilityRules> = fc.letrec<{ node: EligibilityRules }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    predicate,
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((any) => ({ any })),
  ),
})).node;

const facts: fc.Arbitrary<EligibilityFacts> = fc.record({
  tier: fc.option(fc.constantFrom(...TIERS)),
  circle: fc.option(fc.constantFrom(1, 2, 3, 4)),
  perCapitaIncomeRatio: ratio,
  memberAges: fc.array(age, { minLength: 1, maxLength: 5 }),
  hasDisability: fc.boolean(),
  hasChronicIllness: fc.boolean(),
  residency: fc.constantFrom(...RESIDENCIES),
  householdSize: small.map((n) => n + 1),
  childrenInSchool: small,
  tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 3 }),
});

describe('eligibility rules compiled to SQL (property test against PostgreSQL)', () => {
  let ctx: ServiceContext;
  beforeAll(async () => {
    ctx = await startServices([]);
  });
  afterAll(() => ctx.close());

  /** Every facts row's SQL verdict for one rule document, in one query. */
  async function sqlVerdicts(doc: EligibilityRules | null, rows: EligibilityFacts[]) {
    const params: unknown[] = [JSON.stringify(rows)];
    const condition = eligibilitySql(doc, paramBinder(params));
    const out: Array<{ eligible: boolean }> = await ctx.dataSource.query(
      `SELECT x.i::int AS i, ${condition} AS eligible
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(e, i),
              LATERAL (SELECT ${eligibilityFactsColumns('x.e')}) AS f
        ORDER BY x.i`,
      params,
    );
    return out.map((r) => r.eligible);
  }

  it('generates only valid rule documents', () => {
    fc.assert(fc.property(rules, (doc) => validateEligibilityRules(doc).length === 0));
  });

  it('gives the same verdict as evaluateEligibility for every rule and household', async () => {
    let eligible = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.option(rules, { freq: 10 }),
        fc.array(facts, { minLength: 1, maxLength: 30 }),
        async (doc, rows) => {
          const expected = rows.map((f) => evaluateEligibility(doc, f).eligible);
          const actual = await sqlVerdicts(doc, rows);
          eligible += expected.filter(Boolean).length;
          total += rows.length;
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
    // Both verdicts occur often enough for the comparison to mean something.
    expect(eligible / total).toBeGreaterThan(0.1);
    expect(eligible / total).toBeLessThan(0.9);
  });

  it('reads the facts an assessment stores, and a rule can fail on them', async () => {
    const doc: EligibilityRules = {
      all: [{ memberAge: { min: 60 } }, { householdTags: { none: ['x'] } }],
    };
    const old = { ...fc.sample(facts, { seed: 1, numRuns: 1 })[0], memberAges: [61], tags: ['y'] };
    expect(
      await sqlVerdicts(doc, [old, { ...old, memberAges: [59] }, { ...old, tags: ['x'] }]),
    ).toEqual([true, false, false]);
  });
});
