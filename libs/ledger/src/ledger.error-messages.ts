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
  // lookup
  // imports
  // reports
} as const satisfies ErrorMessageTable<typeof LEDGER_ERRORS>;

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
  // lookup
  // imports
} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof LEDGER_CONSTRAINTS> {}
}
