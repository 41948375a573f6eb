/** Household tiers, as the assessment computes them (DESIGN.md, Tiers). */
export const TIERS = [
  'extreme_poverty',
  'subsistence',
  'low_income',
  'expenditure_poverty',
  'emergency',
] as const;
export type Tier = (typeof TIERS)[number];

export const RESIDENCIES = ['local', 'non_local'] as const;
export type Residency = (typeof RESIDENCIES)[number];

/**
 * What the rules are evaluated against: facts of a household's latest completed
 * assessment. The households lib builds these; the matcher and the coverage report pass
 * them to {@link evaluateEligibility}.
 */
export interface EligibilityFacts {
  tier: Tier | null;
  /** 1 (core safety net) … 4 (outermost); null when not classified. */
  circle: number | null;
  /** Per-capita monthly income ÷ the district's minimum living standard. */
  perCapitaIncomeRatio: number;
  /** Age in whole years of every member, head included. */
  memberAges: number[];
  hasDisability: boolean;
  hasChronicIllness: boolean;
  residency: Residency;
  householdSize: number;
  /** Members in compulsory, high-school or higher education. */
  childrenInSchool: number;
  tags: string[];
}

export interface Range {
  min?: number;
  max?: number;
}

/** The closed set of predicates; each node of a rule document is one of these or a combinator. */
export interface PredicateRules {
  tier: { in: Tier[] };
  circle: { in?: number[]; max?: number };
  perCapitaIncomeRatio: Range;
  memberAge: Range;
  hasDisability: boolean;
  hasChronicIllness: boolean;
  residency: { in: Residency[] };
  householdSize: Range;
  childrenInSchool: Range;
  householdTags: { any?: string[]; all?: string[]; none?: string[] };
}

export type PredicateName = keyof PredicateRules;
export type PredicateNode = {
  [K in PredicateName]: { [P in K]: PredicateRules[K] };
}[PredicateName];
export type EligibilityRules =
  { all: EligibilityRules[] } | { any: EligibilityRules[] } | PredicateNode;

export interface FailedRule {
  /** Path of the predicate in the document, e.g. `all[1].memberAge`. */
  rule: string;
  expected: unknown;
  actual: unknown;
}

export interface EligibilityResult {
  eligible: boolean;
  failed: FailedRule[];
}
