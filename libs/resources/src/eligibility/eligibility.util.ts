import type { FieldError } from '@onedoor/platform';
import {
  type EligibilityFacts,
  type EligibilityResult,
  type EligibilityRules,
  type FailedRule,
  type PredicateName,
  type PredicateRules,
  RESIDENCIES,
  TIERS,
} from './eligibility.types';

type Check = (value: unknown, path: string) => FieldError[];

/** Binds a value as the next query parameter; returns its placeholder with the cast. */
export type BindParam = (
  value: unknown,
  type: 'text[]' | 'float8' | 'float8[]' | 'boolean',
) => string;

interface Predicate<K extends PredicateName> {
  description: string;
  validate: Check;
  /** The household's value that the rule looked at, and whether it passes. */
  test: (rule: PredicateRules[K], facts: EligibilityFacts) => { pass: boolean; actual: unknown };
  /**
   * The same test as a SQL boolean over the typed facts row `f` (see eligibility-sql.ts),
   * never NULL: the coverage report evaluates rules in the database, and a property test
   * holds this to `test` on generated rules and facts.
   */
  sql: (rule: PredicateRules[K], bind: BindParam) => string;
}

// One constraint for every rule-shape problem: the rules are an administrator's JSON, and the
// English sentence says exactly what is wrong.
// `params.problem` picks the zh-CN sentence (RESOURCES_CONSTRAINTS.eligibilityRule), so the
// console's rule builder can say under each node what to fix.
const err = (
  field: string,
  message: string,
  problem: RuleProblem = 'shape',
  params: Record<string, unknown> = {},
): FieldError[] => [
  { field, constraint: 'eligibilityRule', params: { problem, ...params }, message },
];

/** What is wrong with a node of a rule document; each has its own sentence in Chinese. */
export type RuleProblem =
  | 'shape'
  | 'unknownKey'
  | 'needsOne'
  | 'outOfRange'
  | 'minOverMax'
  | 'emptyList'
  | 'notAllowed'
  | 'boolean'
  | 'tags'
  | 'emptyGroup'
  | 'tooMany'
  | 'tooDeep'
  | 'oneKey'
  | 'unknownPredicate';
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function onlyKeys(value: unknown, path: string, allowed: string[], required = 1): FieldError[] {
  if (!isObject(value)) return err(path, `must be an object with ${allowed.join(' / ')}`);
  const extra = Object.keys(value).filter((k) => !allowed.includes(k));
  if (extra.length)
    return err(`${path}.${extra[0]}`, `unknown key; allowed: ${allowed.join(', ')}`, 'unknownKey');
  if (Object.keys(value).length < required)
    return err(path, `needs at least one of ${allowed.join(', ')}`, 'needsOne');
  return [];
}

const range =
  (lo: number, hi: number, integer = false): Check =>
  (value, path) => {
    const shape = onlyKeys(value, path, ['min', 'max']);
    if (shape.length) return shape;
    const r = value as Record<string, unknown>;
    for (const key of ['min', 'max'] as const) {
      const n = r[key];
      if (n === undefined) continue;
      if (
        typeof n !== 'number' ||
        !Number.isFinite(n) ||
        (integer && !Number.isInteger(n)) ||
        n < lo ||
        n > hi
      ) {
        return err(
          `${path}.${key}`,
          `must be ${integer ? 'an integer' : 'a number'} from ${lo} to ${hi}`,
          'outOfRange',
          { min: lo, max: hi },
        );
      }
    }
    if (r.min !== undefined && r.max !== undefined && (r.min as number) > (r.max as number)) {
      return err(path, 'min must not exceed max', 'minOverMax');
    }
    return [];
  };

const oneOf =
  (allowed: readonly (string | number)[]): Check =>
  (value, path) => {
    if (!Array.isArray(value) || value.length === 0)
      return err(path, 'must be a non-empty array', 'emptyList');
    const bad = value.findIndex((v) => !allowed.includes(v));
    return bad >= 0
      ? err(`${path}[${bad}]`, `must be one of ${allowed.join(', ')}`, 'notAllowed')
      : [];
  };

const inList =
  (allowed: readonly (string | number)[]): Check =>
  (value, path) =>
    onlyKeys(value, path, ['in']).concat(
      isObject(value) && 'in' in value ? oneOf(allowed)(value.in, `${path}.in`) : [],
    );

const bool: Check = (value, path) =>
  typeof value === 'boolean' ? [] : err(path, 'must be true or false', 'boolean');

const tagList: Check = (value, path) =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((t) => typeof t === 'string' && /^[\w\u4e00-\u9fff-]{1,40}$/.test(t))
    ? []
    : err(path, 'must be a non-empty array of tags (letters, digits, _ or -, at most 40)', 'tags');

const within = (r: { min?: number; max?: number }, n: number) =>
  (r.min === undefined || n >= r.min) && (r.max === undefined || n <= r.max);

/** `within` in SQL; a NULL fact fails, as `undefined >= min` does. */
const withinSql = (r: { min?: number; max?: number }, column: string, bind: BindParam) =>
  `coalesce(${[
    ...(r.min !== undefined ? [`${column} >= ${bind(r.min, 'float8')}`] : []),
    ...(r.max !== undefined ? [`${column} <= ${bind(r.max, 'float8')}`] : []),
  ].join(' AND ')}, false)`;

/**
 * The closed set of predicates: how each is validated, tested and described. Adding a
 * predicate means adding a row here (and to PredicateRules), nothing else.
 */
export const PREDICATES: { [K in PredicateName]: Predicate<K> } = {
  tier: {
    description: 'household tier is one of the listed tiers',
    validate: inList(TIERS),
    test: (r, f) => ({ pass: f.tier !== null && r.in.includes(f.tier), actual: f.tier }),
    sql: (r, bind) => `coalesce(f.tier = ANY(${bind(r.in, 'text[]')}), false)`,
  },
  circle: {
    description: 'assistance circle (1 = core … 4) is listed, or at most max',
    validate: (value, path) => {
      const shape = onlyKeys(value, path, ['in', 'max']);
      if (shape.length) return shape;
      const v = value as Record<string, unknown>;
      return [
        ...(v.in !== undefined ? oneOf([1, 2, 3, 4])(v.in, `${path}.in`) : []),
        ...(v.max !== undefined &&
        !(Number.isInteger(v.max) && (v.max as number) >= 1 && (v.max as number) <= 4)
          ? err(`${path}.max`, 'must be an integer from 1 to 4', 'outOfRange', { min: 1, max: 4 })
          : []),
      ];
    },
    test: (r, f) => ({
      pass:
        f.circle !== null &&
        (r.in === undefined || r.in.includes(f.circle)) &&
        (r.max === undefined || f.circle <= r.max),
      actual: f.circle,
    }),
    sql: (r, bind) =>
      `coalesce(${[
        'f.circle IS NOT NULL',
        ...(r.in !== undefined ? [`f.circle = ANY(${bind(r.in, 'float8[]')})`] : []),
        ...(r.max !== undefined ? [`f.circle <= ${bind(r.max, 'float8')}`] : []),
      ].join(' AND ')}, false)`,
  },
  perCapitaIncomeRatio: {
    description: 'per-capita income ÷ district minimum living standard within [min, max]',
    validate: range(0, 100),
    test: (r, f) => ({
      pass: within(r, f.perCapitaIncomeRatio),
      actual: Math.round(f.perCapitaIncomeRatio * 1000) / 1000,
    }),
    sql: (r, bind) => withinSql(r, 'f.per_capita_income_ratio', bind),
  },
  memberAge: {
    description: 'at least one member aged within [min, max] years',
    validate: range(0, 150, true),
    test: (r, f) => ({ pass: f.memberAges.some((age) => within(r, age)), actual: f.memberAges }),
    sql: (r, bind) =>
      `EXISTS (SELECT 1 FROM unnest(f.member_ages) AS age WHERE ${withinSql(r, 'age', bind)})`,
  },
  hasDisability: {
    description: 'a member has (true) or no member has (false) a certified disability',
    validate: bool,
    test: (r, f) => ({ pass: f.hasDisability === r, actual: f.hasDisability }),
    sql: (r, bind) => `coalesce(f.has_disability = ${bind(r, 'boolean')}, false)`,
  },
  hasChronicIllness: {
    description: 'a member has (true) or no member has (false) a chronic illness',
    validate: bool,
    test: (r, f) => ({ pass: f.hasChronicIllness === r, actual: f.hasChronicIllness }),
    sql: (r, bind) => `coalesce(f.has_chronic_illness = ${bind(r, 'boolean')}, false)`,
  },
  residency: {
    description: 'household residency (local / non_local) is listed',
    validate: inList(RESIDENCIES),
    test: (r, f) => ({ pass: r.in.includes(f.residency), actual: f.residency }),
    sql: (r, bind) => `coalesce(f.residency = ANY(${bind(r.in, 'text[]')}), false)`,
  },
  householdSize: {
    description: 'number of members within [min, max]',
    validate: range(1, 50, true),
    test: (r, f) => ({ pass: within(r, f.householdSize), actual: f.householdSize }),
    sql: (r, bind) => withinSql(r, 'f.household_size', bind),
  },
  childrenInSchool: {
    description: 'number of members in school within [min, max]',
    validate: range(0, 50, true),
    test: (r, f) => ({ pass: within(r, f.childrenInSchool), actual: f.childrenInSchool }),
    sql: (r, bind) => withinSql(r, 'f.children_in_school', bind),
  },
  householdTags: {
    description: 'household tags include any / all of, and none of, the lists',
    validate: (value, path) => {
      const shape = onlyKeys(value, path, ['any', 'all', 'none']);
      if (shape.length) return shape;
      return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
        tagList(v, `${path}.${k}`),
      );
    },
    test: (r, f) => ({
      pass:
        (r.any === undefined || r.any.some((t) => f.tags.includes(t))) &&
        (r.all === undefined || r.all.every((t) => f.tags.includes(t))) &&
        (r.none === undefined || !r.none.some((t) => f.tags.includes(t))),
      actual: f.tags,
    }),
    sql: (r, bind) =>
      `coalesce(${[
        ...(r.any !== undefined ? [`f.tags && ${bind(r.any, 'text[]')}`] : []),
        ...(r.all !== undefined ? [`f.tags @> ${bind(r.all, 'text[]')}`] : []),
        ...(r.none !== undefined ? [`NOT (f.tags && ${bind(r.none, 'text[]')})`] : []),
      ].join(' AND ')}, false)`,
  },
};

const COMBINATORS = ['all', 'any'] as const;
const MAX_DEPTH = 8;

/**
 * Checks a rule document. Returns field errors whose `field` is the path of the bad node
 * (`eligibility.all[2].memberAge.min`); empty when the document is valid.
 */
export function validateEligibilityRules(
  doc: unknown,
  path = 'eligibility',
  depth = 0,
): FieldError[] {
  if (depth > MAX_DEPTH)
    return err(path, `rules nest deeper than ${MAX_DEPTH} levels`, 'tooDeep', {
      max: MAX_DEPTH,
    });
  if (!isObject(doc))
    return err(path, 'must be an object: { all: [...] }, { any: [...] } or one predicate');
  const keys = Object.keys(doc);
  if (keys.length !== 1) {
    return err(
      path,
      `must have exactly one key (all, any, or a predicate), found ${keys.length ? keys.join(', ') : 'none'}`,
      'oneKey',
    );
  }
  const [key] = keys;
  const value = doc[key];
  if ((COMBINATORS as readonly string[]).includes(key)) {
    // An empty list would read as "no conditions" and open the resource to everyone.
    if (!Array.isArray(value) || value.length === 0)
      return err(`${path}.${key}`, 'must be a non-empty array of rules', 'emptyGroup');
    if (value.length > 50)
      return err(`${path}.${key}`, 'at most 50 rules in one list', 'tooMany', { max: 50 });
    return value.flatMap((child, i) =>
      validateEligibilityRules(child, `${path}.${key}[${i}]`, depth + 1),
    );
  }
  // Own keys only: `toString` or `__proto__` must read as unknown, not as a built-in.
  const predicate = Object.hasOwn(PREDICATES, key) ? PREDICATES[key as PredicateName] : undefined;
  if (!predicate) {
    return err(
      `${path}.${key}`,
      `unknown predicate; allowed: all, any, ${Object.keys(PREDICATES).join(', ')}`,
      'unknownPredicate',
    );
  }
  return predicate.validate(value, `${path}.${key}`);
}

function evaluate(node: EligibilityRules, facts: EligibilityFacts, path: string): FailedRule[] {
  if ('all' in node)
    return node.all.flatMap((child, i) => evaluate(child, facts, `${path}all[${i}].`));
  if ('any' in node) {
    if (node.any.length === 0) return [];
    const failures = node.any.map((child, i) => evaluate(child, facts, `${path}any[${i}].`));
    return failures.some((f) => f.length === 0) ? [] : failures.flat();
  }
  const [name, rule] = Object.entries(node)[0] as [PredicateName, never];
  const { pass, actual } = (PREDICATES[name] as Predicate<PredicateName>).test(rule, facts);
  return pass ? [] : [{ rule: `${path}${name}`, expected: rule, actual }];
}

/**
 * Is the household eligible, and if not, which rules failed (with what was expected and
 * what the household has)? Pure: the matcher and the coverage report both call it.
 * `null` rules mean "no conditions". For an `any` that fails, every alternative's
 * failures are listed.
 */
export function evaluateEligibility(
  rules: EligibilityRules | null,
  facts: EligibilityFacts,
): EligibilityResult {
  const failed = rules ? evaluate(rules, facts, '') : [];
  return { eligible: failed.length === 0, failed };
}
