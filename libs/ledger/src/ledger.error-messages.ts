import type { ConstraintsOf, ErrorMessageTable } from '@onedoor/platform';
import type { LEDGER_ERRORS } from './ledger.errors';

/** The ledger lib's error texts: zh-CN for its users, en as the code's label. */
export const LEDGER_ERROR_MESSAGES = {
  // entries
  ASSISTANCE_ENTRY_NOT_FOUND: { 'zh-CN': '未找到该救助记录', en: 'Assistance entry not found' },
  ASSISTANCE_HOUSEHOLD_NOT_FOUND: { 'zh-CN': '未找到该家庭', en: 'Household not found' },
  ASSISTANCE_PERSON_NOT_FOUND: {
    'zh-CN': '您的服务范围内没有登记该身份证号的家庭',
    en: 'No household within your reach lists this identity number',
  },
  ASSISTANCE_ENTRY_VOIDED: { 'zh-CN': '该救助记录已作废', en: 'The entry is voided already' },
  ASSISTANCE_ENTRY_NOT_VOIDABLE: {
    'zh-CN': '平台转介的发放记录随转介变化，不能手工作废',
    en: "A referral's delivery entry cannot be voided by hand",
  },
  // stacking
  STACKING_RULE_NOT_FOUND: { 'zh-CN': '未找到该叠加规则', en: 'Stacking rule not found' },
  STACKING_RULE_DUPLICATE: {
    'zh-CN': '该类别或该资源组合已有叠加规则，请修改原规则',
    en: 'A stacking rule for this category or pair of resources exists already',
  },
  STACKING_RULE_INVALID: {
    'zh-CN': '叠加规则填写有误，请检查标出的字段',
    en: 'The stacking rule is not valid',
  },
  // {ruleText} / {ruleTextEn} are STACKING_RULE_TEXTS' zh-CN / en sentences for the rule, put in
  // the details by stackingConflictError (a template cannot choose between rules); the en
  // template is also the thrower's message, which English answers keep.
  STACKING_CONFLICT: {
    'zh-CN': '该家庭已于{since}起从{grantedBy}获得{title}，{ruleText}',
    en: 'The household has received {title} from {grantedBy} since {since}: {ruleTextEn}',
  },
  // lookup
  ASSISTANCE_LOOKUP_ID_NUMBER_INVALID: {
    'zh-CN': '身份证号不正确',
    en: 'The identity number is not valid',
  },
  ASSISTANCE_LOOKUP_RATE_LIMITED: {
    'zh-CN': '查询过于频繁，请 {retryAfterSeconds} 秒后再试',
    en: 'Too many lookups',
  },
  // imports
  ASSISTANCE_IMPORT_NOT_FOUND: { 'zh-CN': '未找到该名册导入', en: 'Roll import not found' },
  // reports
} as const satisfies ErrorMessageTable<typeof LEDGER_ERRORS>;

// stacking
/** The end of a STACKING_CONFLICT message, per rule ({periodMonths} filled in). */
export const STACKING_RULE_TEXTS = {
  exclusive: {
    'zh-CN': '按互斥规则不能重复救助',
    en: 'exclusive: no second benefit while it runs',
  },
  once_per_period: {
    'zh-CN': '按{periodMonths}个月内限一次的规则不能重复救助',
    en: 'once per {periodMonths} months',
  },
  gap_covered: { 'zh-CN': '该需求的费用缺口已全部覆盖', en: "the need's money gap is covered" },
  need_served: { 'zh-CN': '该需求已有救助', en: 'the need is already served' },
  same_resource: {
    'zh-CN': '同一资源不重复服务同一家庭',
    en: 'a resource serves a household once',
  },
} as const;

/** The ledger lib's own field rules and their zh-CN templates (each part adds its own). */
export const LEDGER_CONSTRAINTS = {
  // entries
  householdOrIdNumber: '请填写家庭或身份证号（二者选一）',
  oneOffPeriod: '一次性救助的结束日期应与发放日期相同',
  unknownNeed: '该需求不属于这个家庭',
  unknownResource: '该资源不存在或不属于发放机构',
  unknownProvider: '该机构不存在或未通过认证',
  grantingOrg: '请选择发放机构或填写发放机构名称',
  // stacking
  stackingRuleResource: '该资源不存在',
  stackingRuleSubject: '请选择一个类别或一对资源（二者只选其一）',
  stackingRulePeriodRequired: '“周期内限一次”的规则须填写周期（1–120 个月）',
  stackingRulePeriodNotAllowed: '只有“周期内限一次”的规则才填写周期',
  // lookup
  // imports
  rollCategoryUnknown: '没有该救助类别',
} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof LEDGER_CONSTRAINTS> {}
}
