import {
  type Benefit,
  coversFen,
  describeConflict,
  needGap,
  type NeedGap,
  stackingCheck,
  type StackingConflict,
  type StackingRule,
} from '@onedoor/ledger';
import {
  evaluateEligibility,
  type EligibilityFacts,
  type EligibilityRules,
  type FailedRule,
} from '@onedoor/resources';

export type Urgency = 'normal' | 'urgent' | 'emergency';
export type ServiceLevel = 'community' | 'street' | 'district';

export interface MatchNeed {
  id: string;
  categoryCode: string;
  severity: number;
  urgency: Urgency;
  /** The assessed money gap (fen) of a money-gap need, null otherwise. */
  gapFen: number | null;
}

export interface MatchHousehold {
  id: string;
  /** The household's community path ('/city/district/street/community/'). */
  areaPath: string;
  /** Facts of its latest completed assessment (the snapshot's eligibility facts). */
  facts: EligibilityFacts;
}

export interface MatchResource {
  id: string;
  categoryCode: string;
  form: 'cash' | 'in_kind' | 'service';
  serviceLevel: ServiceLevel;
  coveragePath: string;
  validFrom: string;
  validUntil: string | null;
  remaining: number;
  valuePerUnitFen: number | null;
  eligibility: EligibilityRules | null;
  /** 0–100, null before any contract evaluation. */
  providerRating: number | null;
}

/** What the household already receives, from every source, as the stacking rules read it. */
export interface ServiceHistory {
  /** Its benefits: active ledger entries and referrals not yet in the ledger (`householdBenefits`). */
  benefits: readonly Benefit[];
  /** Needs with a live OneDoor referral (open, accepted, delivered). */
  servedNeedIds: ReadonlySet<string>;
  /** Resources parked for this household after a declined or expired referral. */
  parkedResourceIds?: ReadonlySet<string>;
}

export const FACTORS = ['level', 'severity', 'urgency', 'rating', 'capacity', 'valueFit'] as const;
export type Factor = (typeof FACTORS)[number];
export type Weights = Record<Factor, number>;

/** Documented defaults; MATCH_WEIGHTS can override them (README). They sum to 1. */
export const DEFAULT_WEIGHTS: Weights = {
  level: 0.3,
  severity: 0.15,
  urgency: 0.1,
  rating: 0.15,
  capacity: 0.1,
  valueFit: 0.2,
};

export interface EngineOptions {
  topK: number;
  weights: Weights;
  /** Today's date (YYYY-MM-DD, China time): validity windows are calendar dates. */
  today: string;
  /**
   * Categories with published resources anywhere. Callers may pass only the resources that
   * cover the household (the repository does: it is index-backed and keeps the why-not view
   * to candidates that matter); this tells "none covers the area" from "none exists".
   */
  categoriesWithSupply?: ReadonlySet<string>;
  /** The stacking_rule table (none: only the defaults, one resource once per household). */
  stackingRules?: readonly StackingRule[];
}

export type RejectionReason =
  | 'OUTSIDE_COVERAGE'
  | 'NOT_VALID'
  | 'PARKED'
  | 'CAPACITY_EXHAUSTED'
  | 'ELIGIBILITY'
  | 'DUPLICATE_ASSISTANCE';
export type UnmetReason =
  | 'NO_RESOURCE_IN_CATEGORY'
  | 'NONE_COVERS_AREA'
  | 'NONE_ELIGIBLE'
  | 'CAPACITY_EXHAUSTED'
  | 'DUPLICATE_ASSISTANCE'
  | 'PARKED';

export interface Rejection {
  resourceId: string;
  reason: RejectionReason;
  failed?: FailedRule[];
  detail?: string;
  /** For DUPLICATE_ASSISTANCE: the rule and the benefit it conflicts with. */
  stacking?: StackingConflict;
}

/**
 * Rejections as a run stores them (need.match_rejections): one entry per identical exclusion,
 * with the resources it excluded in candidate order. A need has ~150 candidates when a third of
 * the pool is district-wide and most fail the same few rule documents the same way; one entry
 * per candidate wrote ≈10 KB of JSON per need and was most of a batch's write time. The why-not
 * view expands them back (`expandRejections`): the same answer per resource as before.
 */
export interface RejectionGroup extends Omit<Rejection, 'resourceId'> {
  resourceIds: string[];
}

/** One Rejection per resource again, in resource id order (the order candidates are read in). */
export function expandRejections(groups: ReadonlyArray<RejectionGroup | Rejection>): Rejection[] {
  const flat: Rejection[] = [];
  for (const group of groups) {
    // One entry per candidate, as stored before grouping: an older matcher may still write
    // that form while a rolling deploy replaces it (the migration regrouped the rows once).
    if (!('resourceIds' in group)) {
      flat.push(group);
      continue;
    }
    const { resourceIds, ...rest } = group;
    for (const resourceId of resourceIds) flat.push({ resourceId, ...rest });
  }
  return flat.sort((a, b) =>
    a.resourceId < b.resourceId ? -1 : a.resourceId > b.resourceId ? 1 : 0,
  );
}

export interface ExplanationItem {
  factor: Factor;
  /** The factor's value for this candidate, 0–1. */
  value: number;
  weight: number;
  contribution: number;
}

export interface Proposal {
  needId: string;
  resourceId: string;
  score: number;
  rank: number;
  explanation: ExplanationItem[];
  /** How much of the need's money gap (fen) it would cover; null for a need without a gap. */
  coversFen: number | null;
}

export interface NeedResult {
  needId: string;
  /** The need's money gap as the run saw it; null without one. */
  gap: NeedGap | null;
  /** A live OneDoor referral serves it (it stays matched even with nothing new to propose). */
  served: boolean;
  proposals: Proposal[];
  /** The excluded candidates, grouped by identical exclusion (`RejectionGroup`). */
  rejections: RejectionGroup[];
  /** Why nothing was proposed; null when something was. */
  unmet: UnmetReason[] | null;
}

const LEVEL_RANK: Record<ServiceLevel, number> = { community: 0, street: 1, district: 2 };
const LEVEL_VALUE: Record<ServiceLevel, number> = { community: 1, street: 0.5, district: 0 };
const URGENCY_VALUE: Record<Urgency, number> = { normal: 0, urgent: 0.5, emergency: 1 };
const round = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * Cash and in-kind value against the need: a severity-5 need looks for about 2,500 yuan a
 * unit, a severity-1 need for 500; the closer, the better. Services have no value to fit.
 */
export function valueFit(
  resource: Pick<MatchResource, 'form' | 'valuePerUnitFen'>,
  severity: number,
): number {
  if (resource.form === 'service' || resource.valuePerUnitFen === null) return 0.5;
  const target = severity * 50_000;
  const value = resource.valuePerUnitFen;
  return value <= 0 ? 0 : 1 - Math.abs(value - target) / Math.max(value, target);
}

/** Factor values of one candidate, in FACTORS order. */
function factorValues(need: MatchNeed, r: MatchResource): number[] {
  return [
    LEVEL_VALUE[r.serviceLevel],
    need.severity / 5,
    URGENCY_VALUE[need.urgency],
    r.providerRating === null ? 0.5 : r.providerRating / 100,
    Math.min(1, r.remaining / 10),
    valueFit(r, need.severity),
  ];
}

/** The weights in FACTORS order, looked up once per run rather than once per candidate. */
const weightList = (weights: Weights) => FACTORS.map((f) => weights[f]);

/** Σ rounded contributions, rounded: the same number the explanation adds up to. */
function scoreOf(values: number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) sum += round(values[i] * weights[i]);
  return round(sum);
}

function explain(values: number[], weights: Weights): ExplanationItem[] {
  return FACTORS.map((factor, i) => ({
    factor,
    value: round(values[i]),
    weight: weights[factor],
    contribution: round(values[i] * weights[factor]),
  }));
}

/**
 * The eligibility of one household against a rule document, at most once per document: the
 * pool holds few distinct documents (the candidates repository hands out one object per
 * distinct document), so a household's ~150 candidates per need cost a handful of evaluations.
 * The FailedRule[] returned for a document is one array, so its group key is worked out once.
 */
type EligibilityOf = (rules: MatchResource['eligibility']) => FailedRule[];
/** The stacking rules' answer for one candidate of a need (`stackingCheck`, prepared per need). */
type ConflictOf = (
  candidate: Pick<MatchResource, 'categoryCode' | 'valuePerUnitFen'> & { id: string },
) => StackingConflict | null;

function eligibilityMemo(facts: EligibilityFacts): EligibilityOf {
  const seen = new Map<MatchResource['eligibility'], FailedRule[]>();
  return (rules) => {
    let failed = seen.get(rules);
    if (!failed) {
      failed = evaluateEligibility(rules, facts).failed;
      seen.set(rules, failed);
    }
    return failed;
  };
}

/** The stacking rules prepared for one need (`stackingCheck`), asked per candidate resource. */
function conflictsFor(
  need: MatchNeed,
  history: ServiceHistory,
  options: EngineOptions,
): ConflictOf {
  const check = stackingCheck({
    need: { id: need.id, gapFen: need.gapFen, hasLiveReferral: history.servedNeedIds.has(need.id) },
    benefits: history.benefits,
    rules: options.stackingRules ?? [],
    today: options.today,
  });
  return (r) =>
    check({ resourceId: r.id, categoryCode: r.categoryCode, valuePerUnitFen: r.valuePerUnitFen });
}

/**
 * The first rule that excludes a candidate, in the order of the matching rules. Exported as the
 * reference for one candidate: the engine's grouped rejections must expand to exactly these
 * (match-engine.spec's property test).
 */
export function exclusion(
  need: MatchNeed,
  h: MatchHousehold,
  r: MatchResource,
  history: ServiceHistory,
  options: EngineOptions,
  eligibilityOf: EligibilityOf = (rules) => evaluateEligibility(rules, h.facts).failed,
  conflictOf: ConflictOf = conflictsFor(need, history, options),
): Rejection | null {
  const { today } = options;
  if (!h.areaPath.startsWith(r.coveragePath))
    return { resourceId: r.id, reason: 'OUTSIDE_COVERAGE' };
  if (r.validFrom > today || (r.validUntil !== null && r.validUntil < today)) {
    return {
      resourceId: r.id,
      reason: 'NOT_VALID',
      detail: `valid ${r.validFrom} – ${r.validUntil ?? '…'}`,
    };
  }
  if (history.parkedResourceIds?.has(r.id)) {
    return {
      resourceId: r.id,
      reason: 'PARKED',
      detail: 'a referral to it was declined or expired; parked for this household',
    };
  }
  if (r.remaining <= 0) return { resourceId: r.id, reason: 'CAPACITY_EXHAUSTED' };
  const failed = eligibilityOf(r.eligibility);
  if (failed.length > 0) return { resourceId: r.id, reason: 'ELIGIBILITY', failed };
  const stacking = conflictOf(r);
  if (stacking) {
    return {
      resourceId: r.id,
      reason: 'DUPLICATE_ASSISTANCE',
      detail: describeConflict(stacking),
      stacking,
    };
  }
  return null;
}

const UNMET_OF: Partial<Record<RejectionReason, UnmetReason>> = {
  ELIGIBILITY: 'NONE_ELIGIBLE',
  CAPACITY_EXHAUSTED: 'CAPACITY_EXHAUSTED',
  DUPLICATE_ASSISTANCE: 'DUPLICATE_ASSISTANCE',
  PARKED: 'PARKED',
};

/**
 * "1 family + N resources": for each open need, the candidates of its category are checked
 * in order (coverage, validity, parked, capacity, eligibility, the stacking rules against what
 * the household receives from every source); the rest are
 * ranked by service level first (community before street before district: tiered linking),
 * then by score, and the top K proposed, each with its explanation. Every excluded candidate
 * is returned with the rule that excluded it; a need with no proposal gets its unmet reasons.
 * Pure: no I/O, the same input gives the same output.
 */
export function proposeMatches(
  household: MatchHousehold,
  needs: MatchNeed[],
  resources: MatchResource[],
  history: ServiceHistory,
  options: EngineOptions,
): NeedResult[] {
  const eligibilityOf = eligibilityMemo(household.facts);
  const weights = weightList(options.weights);
  // The candidates by category, once for the household's needs (not a filter per need).
  const byCategory = new Map<string, MatchResource[]>();
  for (const r of resources) {
    const list = byCategory.get(r.categoryCode);
    if (list) list.push(r);
    else byCategory.set(r.categoryCode, [r]);
  }
  return needs.map((need) => {
    const groups = new Map<string, RejectionGroup>();
    const gap = needGap(need, history.benefits);
    const conflictOf = conflictsFor(need, history, options);
    // Every candidate is scored; only the top K are kept in order (a sorted window of K, not a
    // sort of all ~150) and only they pay for an explanation.
    const top: Ranked[] = [];
    for (const r of byCategory.get(need.categoryCode) ?? []) {
      const excluded = exclusion(need, household, r, history, options, eligibilityOf, conflictOf);
      if (excluded) {
        const key = groupKey(excluded);
        const group = groups.get(key);
        if (group) group.resourceIds.push(r.id);
        else {
          const { resourceId, ...rest } = excluded;
          groups.set(key, { ...rest, resourceIds: [resourceId] });
        }
        continue;
      }
      const values = factorValues(need, r);
      keepTop(top, { r, values, score: scoreOf(values, weights) }, options.topK);
    }
    const proposals = top.map((c, i) => ({
      needId: need.id,
      resourceId: c.r.id,
      score: c.score,
      rank: i + 1,
      explanation: explain(c.values, options.weights),
      coversFen: coversFen(c.r, gap),
    }));
    const rejections = [...groups.values()];
    return {
      needId: need.id,
      gap,
      served: history.servedNeedIds.has(need.id),
      proposals,
      rejections,
      unmet:
        proposals.length > 0
          ? null
          : unmetReasons(rejections, options.categoriesWithSupply?.has(need.categoryCode) ?? false),
    };
  });
}

interface Ranked {
  r: MatchResource;
  values: number[];
  score: number;
}

/**
 * The ranking: service level first (community before street before district: tiered linking),
 * then score, then id (unique: code-point order, cheaper than a collator). A total order, so the
 * top K do not depend on the candidates' order.
 */
function ranksBefore(a: Ranked, b: Ranked): boolean {
  const levelA = LEVEL_RANK[a.r.serviceLevel];
  const levelB = LEVEL_RANK[b.r.serviceLevel];
  if (levelA !== levelB) return levelA < levelB;
  if (a.score !== b.score) return a.score > b.score;
  return a.r.id < b.r.id;
}

/** Inserts `c` into `top` (sorted, at most `k` long) if it ranks among the first k. */
function keepTop(top: Ranked[], c: Ranked, k: number): void {
  if (k <= 0) return;
  if (top.length === k && !ranksBefore(c, top[k - 1])) return;
  let i = top.length === k ? k - 1 : top.length;
  if (top.length < k) top.push(c);
  while (i > 0 && ranksBefore(c, top[i - 1])) {
    top[i] = top[i - 1];
    i -= 1;
  }
  top[i] = c;
}

const failedKeys = new WeakMap<FailedRule[], string>();

/**
 * What makes two exclusions one group: the same reason and the same words (failed rules,
 * detail, or the whole stacking conflict: a rule per pair of resources may name a different
 * rule for each).
 */
function groupKey(r: Rejection): string {
  if (r.reason === 'ELIGIBILITY') {
    // The memo hands out one array per rule document, so this is one stringify per document
    // and household; equal documents that are different objects still make one group.
    let key = failedKeys.get(r.failed!);
    if (key === undefined) {
      key = `${r.reason}|${JSON.stringify(r.failed)}`;
      failedKeys.set(r.failed!, key);
    }
    return key;
  }
  if (r.stacking) return `${r.reason}|${JSON.stringify(r.stacking)}`;
  return `${r.reason}|${r.detail ?? ''}`;
}

function unmetReasons(rejected: RejectionGroup[], suppliedElsewhere: boolean): UnmetReason[] {
  const current = rejected.filter((r) => r.reason !== 'NOT_VALID');
  if (current.length === 0)
    return [suppliedElsewhere ? 'NONE_COVERS_AREA' : 'NO_RESOURCE_IN_CATEGORY'];
  const covering = current.filter((r) => r.reason !== 'OUTSIDE_COVERAGE');
  if (covering.length === 0) return ['NONE_COVERS_AREA'];
  return [...new Set(covering.map((r) => UNMET_OF[r.reason]!))].sort();
}
