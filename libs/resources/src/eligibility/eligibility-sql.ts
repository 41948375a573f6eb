import type { EligibilityRules, PredicateName } from './eligibility.types';
import { type BindParam, PREDICATES } from './eligibility.util';

/**
 * The typed facts row that compiled rules read (alias `f`), selected from a jsonb expression
 * holding {@link EligibilityFacts} (an assessment's `facts_snapshot -> 'eligibility'`).
 * Numbers are float8 because the rules compare JavaScript numbers (doubles); arrays are never
 * NULL, as the facts always carry them.
 */
export function eligibilityFactsColumns(json: string): string {
  return `${json} ->> 'tier' AS tier,
          (${json} ->> 'circle')::float8 AS circle,
          (${json} ->> 'perCapitaIncomeRatio')::float8 AS per_capita_income_ratio,
          ARRAY(SELECT jsonb_array_elements_text(${json} -> 'memberAges')::float8) AS member_ages,
          (${json} ->> 'hasDisability')::boolean AS has_disability,
          (${json} ->> 'hasChronicIllness')::boolean AS has_chronic_illness,
          ${json} ->> 'residency' AS residency,
          (${json} ->> 'householdSize')::float8 AS household_size,
          (${json} ->> 'childrenInSchool')::float8 AS children_in_school,
          ARRAY(SELECT jsonb_array_elements_text(${json} -> 'tags')) AS tags`;
}

/**
 * A rule document as one SQL boolean over the facts row `f`: the same answer as
 * `evaluateEligibility(rules, facts).eligible` (held to it by a property test against
 * PostgreSQL), so the coverage report can count eligible households in one query. Values go
 * through `bind` as parameters, never into the text. `null` rules mean "no conditions".
 */
export function eligibilitySql(rules: EligibilityRules | null, bind: BindParam): string {
  if (!rules) return 'true';
  if ('all' in rules) {
    // evaluateEligibility passes an empty list; validation never lets one through.
    return rules.all.length
      ? `(${rules.all.map((r) => eligibilitySql(r, bind)).join(' AND ')})`
      : 'true';
  }
  if ('any' in rules) {
    return rules.any.length
      ? `(${rules.any.map((r) => eligibilitySql(r, bind)).join(' OR ')})`
      : 'true';
  }
  const [name, rule] = Object.entries(rules)[0] as [PredicateName, never];
  return (PREDICATES[name].sql as (r: never, b: BindParam) => string)(rule, bind);
}

/** A `bind` that appends to `params`, numbering placeholders after those already there. */
export function paramBinder(params: unknown[]): BindParam {
  return (value, type) => {
    params.push(value);
    return `$${params.length}::${type}`;
  };
}
