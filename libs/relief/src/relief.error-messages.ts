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
  // donations
  DONATION_NOT_FOUND: { 'zh-CN': '未找到该捐赠记录', en: 'Donation not found' },
  DONATION_NOT_PLEDGED: {
    'zh-CN': '该捐赠已到账或已取消，不能重复操作',
    en: 'The donation is no longer a pledge',
  },
  // leads
  // intake
  // follow-up
} as const satisfies ErrorMessageTable<typeof RELIEF_ERRORS>;

/** The relief lib's own field rules and their zh-CN templates (each part adds its own). */
export const RELIEF_CONSTRAINTS = {
  // funds
  fundPeriod: '结束日期不能早于开始日期',
  fundArea: '该区域不存在或不在您的管辖范围内',
  statementPeriod: '报表期间不能超过 366 天，且结束日期不能早于开始日期',
  // grants
  // donations
  donationCategory: '限定用途的捐赠只能进入限定同一类别的资金',
  donationArea: '限定区域的捐赠只能进入该区域内的资金',
  // leads
  // intake
  // follow-up
} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof RELIEF_CONSTRAINTS> {}
}
