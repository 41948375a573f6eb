import type { ConstraintsOf, ErrorMessageTable } from '@onedoor/platform';
import type { RELIEF_ERRORS } from './relief.errors';

/** The relief lib's error texts: zh-CN for its users, en as the code's label. */
export const RELIEF_ERROR_MESSAGES = {
  // funds
  RELIEF_FUND_NOT_FOUND: { 'zh-CN': '未找到该救助资金', en: 'Relief fund not found' },
  RELIEF_FUND_CLOSED: { 'zh-CN': '该救助资金已关闭，不能再入账', en: 'The relief fund is closed' },
  RELIEF_FUND_NOT_DONATION_FUND: {
    'zh-CN': '捐赠只能登记到捐赠资金（专户），不能计入备用金',
    en: 'Donations go into a donation fund, not a reserve fund',
  },
  // grants
  GRANT_NOT_FOUND: { 'zh-CN': '未找到该临时救助申请', en: 'Emergency grant not found' },
  GRANT_ABOVE_LIMIT: {
    'zh-CN': '金额超出您的审批额度（{limitYuan}），请报上一级审批',
    en: 'The amount is above your delegated limit',
  },
  GRANT_STATE_CONFLICT: {
    'zh-CN': '该申请当前状态为“{statusLabel}”，不能进行此操作',
    en: 'The grant is not in a state that allows this',
  },
  FUND_INSUFFICIENT: {
    'zh-CN': '资金余额不足（余额 {balanceYuan}），未予支出',
    en: 'The fund’s balance is too low for this amount',
  },
  FUND_INACTIVE: { 'zh-CN': '该救助资金已关闭，不能支出', en: 'The fund is closed' },
  FUND_PERIOD_ENDED: {
    'zh-CN': '该救助资金的使用期限已于 {periodEnd} 结束，不能支出',
    en: "The fund's period ended on {periodEnd}",
  },
  GRANT_LIMIT_FORBIDDEN: {
    'zh-CN': '审批额度由上级民政部门或管理员设定，不能设定本级额度',
    en: 'A limit is set by admin or staff of an area above',
  },
  // donations
  DONATION_NOT_FOUND: { 'zh-CN': '未找到该捐赠记录', en: 'Donation not found' },
  DONATION_NOT_PLEDGED: {
    'zh-CN': '该捐赠已到账或已取消，不能重复操作',
    en: 'The donation is no longer a pledge',
  },
  // leads
  LEAD_NOT_FOUND: { 'zh-CN': '未找到该线索', en: 'Lead not found' },
  LEAD_STATE_INVALID: {
    'zh-CN': '该线索当前状态不允许此操作',
    en: 'The lead is not in a state that allows this',
  },
  LEAD_HOUSEHOLD_NOT_FOUND: { 'zh-CN': '未找到要关联的家庭', en: 'Household not found' },
  // intake
  RELIEF_INTAKE_NOT_FOUND: { 'zh-CN': '未找到该急难登记', en: 'Emergency intake not found' },
  RELIEF_INTAKE_LEAD_NOT_FOUND: { 'zh-CN': '未找到该线索', en: 'Lead not found' },
  // follow-up
} as const satisfies ErrorMessageTable<typeof RELIEF_ERRORS>;

/** The relief lib's own field rules and their zh-CN templates (each part adds its own). */
export const RELIEF_CONSTRAINTS = {
  // funds
  fundPeriod: '结束日期不能早于开始日期',
  fundArea: '该区域不存在或不在您的管辖范围内',
  statementPeriod: '报表期间不能超过 366 天，且结束日期不能早于开始日期',
  // grants
  fundRestricted: '该资金仅限用于指定救助类别',
  unknownLead: '未找到该线索',
  grantFundsOneOf: '请只指定家庭或社区其中之一',
  grantLimitAboveOwn: '下放的审批额度不能高于您自己的额度（{limitYuan}）',
  // donations
  donationCategory: '限定用途的捐赠只能进入限定同一类别的资金',
  donationArea: '限定区域的捐赠只能进入该区域内的资金',
  // leads
  leadCommunity: '请选择一个社区（村）',
  // intake
  intakeFamily: '请选择已登记的家庭，或填写新家庭的社区、户籍和家庭成员',
  intakeFundRequired: '申请救助金额时请选择支付的救助资金',
  intakeNeedTwice: '同一类需求只能填写一次',
  // follow-up
} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof RELIEF_CONSTRAINTS> {}
}
