import type { EligibilityRules, PredicateName, PredicateRules, Range } from './eligibility.types';

const TIER_ZH: Record<string, string> = {
  extreme_poverty: '特困',
  subsistence: '低保',
  low_income: '低收入',
  expenditure_poverty: '支出型困难',
  emergency: '急难',
};

const span = (r: Range, unit = '') =>
  r.min !== undefined && r.max !== undefined
    ? `${r.min}–${r.max}${unit}`
    : r.min !== undefined
      ? `≥${r.min}${unit}`
      : `≤${r.max}${unit}`;

const TEXT: { [K in PredicateName]: (r: PredicateRules[K]) => string } = {
  tier: (r) => `家庭类别为${r.in.map((t) => TIER_ZH[t] ?? t).join('、')}`,
  circle: (r) => (r.in ? `救助圈层为第${r.in.join('、')}圈` : `救助圈层在第${r.max}圈以内`),
  perCapitaIncomeRatio: (r) => `人均收入为低保标准的${span(r, '倍')}`,
  memberAge: (r) => `有成员年龄${span(r, '岁')}`,
  hasDisability: (r) => (r ? '有持证残疾成员' : '无残疾成员'),
  hasChronicIllness: (r) => (r ? '有慢性病成员' : '无慢性病成员'),
  residency: (r) => `户籍为${r.in.map((x) => (x === 'local' ? '本地' : '非本地')).join('、')}`,
  householdSize: (r) => `家庭人口${span(r, '人')}`,
  childrenInSchool: (r) => `在学子女${span(r, '人')}`,
  householdTags: (r) =>
    [
      r.any ? `具有标签之一：${r.any.join('、')}` : '',
      r.all ? `具有全部标签：${r.all.join('、')}` : '',
      r.none ? `不具有标签：${r.none.join('、')}` : '',
    ]
      .filter(Boolean)
      .join('，'),
};

/** Human-readable (Chinese) wording of a rule document, for listings and the HSDS export. */
export function describeEligibility(rules: EligibilityRules | null): string {
  if (!rules) return '无资格限制';
  if ('all' in rules) {
    return rules.all.length ? rules.all.map((r) => wrap(r)).join('；') : '无资格限制';
  }
  if ('any' in rules)
    return rules.any.length
      ? `满足其一：${rules.any.map((r) => wrap(r)).join(' 或 ')}`
      : '无资格限制';
  const [name, rule] = Object.entries(rules)[0] as [PredicateName, never];
  return (TEXT[name] as (r: never) => string)(rule);
}

const wrap = (r: EligibilityRules) =>
  'all' in r || 'any' in r ? `（${describeEligibility(r)}）` : describeEligibility(r);
