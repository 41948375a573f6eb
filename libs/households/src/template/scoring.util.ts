import type { FieldError } from '@onedoor/platform';
import {
  type Answers,
  type Condition,
  DIMENSIONS,
  type NeedRule,
  type TemplateDefinition,
  type TemplateItem,
  TIER_FLAGS,
  type TierFlag,
  URGENCIES,
} from './template.types';

/** Answers of a household with no difficulty: every boolean false, every number at its minimum, every choice its first option. */
export function baselineAnswers(template: TemplateDefinition): Answers {
  return Object.fromEntries(
    template.items.map((i) => [
      i.code,
      i.type === 'boolean' ? false : i.type === 'number' ? i.min : i.options[0].value,
    ]),
  );
}

function itemPoints(item: TemplateItem, answer: string | number | boolean | undefined): number {
  if (answer === undefined) return 0;
  switch (item.type) {
    case 'choice':
      return item.options.find((o) => o.value === answer)?.points ?? 0;
    case 'boolean':
      return answer ? item.points.true : item.points.false;
    case 'number':
      return (
        item.bands.find((b) => (answer as number) < b.below)?.points ??
        item.bands.at(-1)?.points ??
        0
      );
  }
}

function maxPoints(item: TemplateItem): number {
  switch (item.type) {
    case 'choice':
      return Math.max(0, ...item.options.map((o) => o.points));
    case 'boolean':
      return Math.max(item.points.true, item.points.false);
    case 'number':
      return Math.max(0, ...item.bands.map((b) => b.points));
  }
}

/** Answers that are missing for required items, and answers of the wrong type or range. */
export function answerErrors(
  template: TemplateDefinition,
  answers: Answers,
  requireAll: boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  const codes = new Set(template.items.map((i) => i.code));
  for (const key of Object.keys(answers)) {
    if (!codes.has(key))
      errors.push({
        field: `answers.${key}`,
        constraint: 'templateItemUnknown',
        message: 'not an item of this template',
      });
  }
  for (const item of template.items) {
    const a = answers[item.code];
    const field = `answers.${item.code}`;
    if (a === undefined || a === null) {
      if (requireAll && item.required)
        errors.push({ field, constraint: 'required', message: 'is required' });
      continue;
    }
    if (item.type === 'choice' && !item.options.some((o) => o.value === a)) {
      const values = item.options.map((o) => o.value);
      errors.push({
        field,
        constraint: 'answerChoice',
        params: { values },
        message: `must be one of ${values.join(', ')}`,
      });
    } else if (item.type === 'boolean' && typeof a !== 'boolean') {
      errors.push({ field, constraint: 'answerBoolean', message: 'must be true or false' });
    } else if (
      item.type === 'number' &&
      (typeof a !== 'number' || !Number.isFinite(a) || a < item.min || a > item.max)
    ) {
      errors.push({
        field,
        constraint: 'answerRange',
        params: { min: item.min, max: item.max },
        message: `must be a number from ${item.min} to ${item.max}`,
      });
    }
  }
  return errors;
}

export interface Scores {
  /** 0–100 per dimension: share of the points the dimension could give. */
  dimensions: Record<string, number>;
  /** Dimension scores weighted by the dimensions' weights, 0–100. */
  total: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function scoreAnswers(template: TemplateDefinition, answers: Answers): Scores {
  const dimensions: Record<string, number> = {};
  let weighted = 0;
  let weights = 0;
  for (const d of template.dimensions) {
    const items = template.items.filter((i) => i.dimension === d.code);
    const max = items.reduce((s, i) => s + maxPoints(i) * i.weight, 0);
    const got = items.reduce((s, i) => s + itemPoints(i, answers[i.code]) * i.weight, 0);
    dimensions[d.code] = max > 0 ? round1((got / max) * 100) : 0;
    weighted += dimensions[d.code] * d.weight;
    weights += d.weight;
  }
  return { dimensions, total: weights > 0 ? round1(weighted / weights) : 0 };
}

export function tierFlags(
  template: TemplateDefinition,
  answers: Answers,
): Record<TierFlag, boolean> {
  const flags = Object.fromEntries(TIER_FLAGS.map((f) => [f, false])) as Record<TierFlag, boolean>;
  for (const item of template.items)
    if (item.flag && answers[item.code] === true) flags[item.flag] = true;
  return flags;
}

function holds(c: Condition, answers: Answers): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, answers));
  if ('any' in c) return c.any.some((x) => holds(x, answers));
  const a = answers[c.item];
  if (a === undefined) return false;
  if ('equals' in c) return a === c.equals;
  if ('in' in c) return c.in.includes(a as string | number);
  return typeof a === 'number' && a >= c.gte;
}

/**
 * The needs the answers call for: every rule that holds, one need per category (the most
 * severe, then most urgent, of the rules for it).
 */
export function needsFromRules(template: TemplateDefinition, answers: Answers): NeedRule[] {
  const byCategory = new Map<string, NeedRule>();
  const rank = (r: NeedRule) => r.severity * 10 + URGENCIES.indexOf(r.urgency);
  for (const rule of template.needRules) {
    if (!holds(rule.when, answers)) continue;
    const current = byCategory.get(rule.category);
    if (!current || rank(rule) > rank(current)) byCategory.set(rule.category, rule);
  }
  return [...byCategory.values()];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The problems of a need rule's condition, walked without trusting its shape: it arrives as
 * JSON, and a null or a string where a condition belongs must be a 400, not a TypeError.
 */
function conditionErrors(c: unknown, items: Set<string>, at = ''): string[] {
  const say = (message: string) => [at ? `${at}: ${message}` : message];
  if (!isRecord(c)) return say('must be a condition object');
  for (const key of ['all', 'any'] as const) {
    if (key in c) {
      const list = c[key];
      if (!Array.isArray(list) || list.length === 0) return say(`${key} must be a list`);
      return list.flatMap((sub, i) => conditionErrors(sub, items, `${at}${key}[${i}]`));
    }
  }
  if (typeof c.item !== 'string' || !items.has(c.item))
    return say(`refers to unknown item "${String(c.item ?? '')}"`);
  return [];
}

/**
 * Structural checks of a template definition (409-free: a 400 listing every problem). Every
 * entry is checked to be an object before it is read: the definition is stored as jsonb and
 * later scored, so a null in one of its lists must be refused here.
 */
export function templateErrors(t: TemplateDefinition, knownCategories: string[]): FieldError[] {
  const errors: FieldError[] = [];
  const push = (field: string, message: string) =>
    errors.push({ field, constraint: 'templateDefinition', message });
  for (const key of ['dimensions', 'items', 'needRules'] as const) {
    if (!Array.isArray(t[key])) push(`definition.${key}`, 'must be an array');
    else
      (t[key] as unknown[]).forEach((entry, i) => {
        if (!isRecord(entry)) push(`definition.${key}[${i}]`, 'must be an object');
      });
  }
  if (errors.length > 0) return errors;
  const dims = new Set(t.dimensions.map((d) => d.code));
  if (t.dimensions.length === 0) push('definition.dimensions', 'must list dimensions');
  t.dimensions.forEach((d, i) => {
    if (!(DIMENSIONS as readonly string[]).includes(d.code))
      push(`definition.dimensions[${i}].code`, `must be one of ${DIMENSIONS.join(', ')}`);
    if (!(isNumber(d.weight) && d.weight > 0))
      push(`definition.dimensions[${i}].weight`, 'must be positive');
  });
  const codes = new Set<string>();
  if (t.items.length === 0) push('definition.items', 'must list items');
  t.items.forEach((item, i) => {
    const at = `definition.items[${i}]`;
    if (typeof item.code !== 'string' || !/^[a-z][a-z0-9_]{0,59}$/.test(item.code))
      push(`${at}.code`, 'must be a lower-case code');
    if (codes.has(item.code)) push(`${at}.code`, 'is duplicated');
    codes.add(item.code);
    if (!dims.has(item.dimension)) push(`${at}.dimension`, 'is not a dimension of the template');
    if (!(isNumber(item.weight) && item.weight > 0)) push(`${at}.weight`, 'must be positive');
    if (
      item.flag !== undefined &&
      (!(TIER_FLAGS as readonly string[]).includes(item.flag) || item.type !== 'boolean')
    ) {
      push(`${at}.flag`, `must be one of ${TIER_FLAGS.join(', ')}, on a boolean item`);
    }
    if (
      item.type === 'choice' &&
      !(
        Array.isArray(item.options) &&
        item.options.length > 1 &&
        item.options.every((o) => isRecord(o) && typeof o.value === 'string' && isNumber(o.points))
      )
    )
      push(`${at}.options`, 'needs at least two options, each a value and its points');
    if (
      item.type === 'boolean' &&
      !(isRecord(item.points) && isNumber(item.points.true) && isNumber(item.points.false))
    )
      push(`${at}.points`, 'needs points for true and for false');
    if (
      item.type === 'number' &&
      !(
        Array.isArray(item.bands) &&
        item.bands.length > 0 &&
        item.bands.every((b) => isRecord(b) && isNumber(b.below) && isNumber(b.points)) &&
        isNumber(item.min) &&
        isNumber(item.max) &&
        item.min <= item.max
      )
    ) {
      push(`${at}.bands`, 'needs bands and min ≤ max');
    }
    if (!['choice', 'boolean', 'number'].includes(item.type))
      push(`${at}.type`, 'must be choice, boolean or number');
  });
  t.needRules.forEach((r, i) => {
    const at = `definition.needRules[${i}]`;
    if (!knownCategories.includes(r.category)) push(`${at}.category`, 'is not a known category');
    if (![1, 2, 3, 4, 5].includes(r.severity)) push(`${at}.severity`, 'must be 1–5');
    if (!(URGENCIES as readonly string[]).includes(r.urgency))
      push(`${at}.urgency`, `must be one of ${URGENCIES.join(', ')}`);
    for (const problem of conditionErrors(r.when, codes)) push(`${at}.when`, problem);
  });
  return errors;
}
