import type { ConstraintsOf, ErrorMessageTable } from '@onedoor/platform';
import type { RELIEF_ERRORS } from './relief.errors';

/** The relief lib's error texts: zh-CN for its users, en as the code's label. */
export const RELIEF_ERROR_MESSAGES = {
  // funds
  RELIEF_FUND_NOT_FOUND: { 'zh-CN': '未找到该救助资金', en: 'Relief fund not found' },
  // grants
  // donations
  // leads
  LEAD_NOT_FOUND: { 'zh-CN': '未找到该线索', en: 'Lead not found' },
  LEAD_STATE_INVALID: {
    'zh-CN': '该线索当前状态不允许此操作',
    en: 'The lead is not in a state that allows this',
  },
  LEAD_HOUSEHOLD_NOT_FOUND: { 'zh-CN': '未找到要关联的家庭', en: 'Household not found' },
  // intake
  // follow-up
} as const satisfies ErrorMessageTable<typeof RELIEF_ERRORS>;

/** The relief lib's own field rules and their zh-CN templates (each part adds its own). */
export const RELIEF_CONSTRAINTS = {
  // funds
  fundPeriod: '结束日期不能早于开始日期',
  // grants
  // donations
  // leads
  leadCommunity: '请选择一个社区（村）',
  // intake
  // follow-up
} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof RELIEF_CONSTRAINTS> {}
}
