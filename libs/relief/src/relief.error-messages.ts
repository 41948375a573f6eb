import type { ConstraintsOf, ErrorMessageTable } from '@onedoor/platform';
import type { RELIEF_ERRORS } from './relief.errors';

/** The relief lib's error texts: zh-CN for its users, en as the code's label. */
export const RELIEF_ERROR_MESSAGES = {
  // funds
  RELIEF_FUND_NOT_FOUND: { 'zh-CN': '未找到该救助资金', en: 'Relief fund not found' },
  // grants
  // donations
  // leads
  // intake
  RELIEF_INTAKE_NOT_FOUND: { 'zh-CN': '未找到该急难登记', en: 'Emergency intake not found' },
  RELIEF_INTAKE_LEAD_NOT_FOUND: { 'zh-CN': '未找到该线索', en: 'Lead not found' },
  // follow-up
} as const satisfies ErrorMessageTable<typeof RELIEF_ERRORS>;

/** The relief lib's own field rules and their zh-CN templates (each part adds its own). */
export const RELIEF_CONSTRAINTS = {
  // funds
  fundPeriod: '结束日期不能早于开始日期',
  // grants
  // donations
  // leads
  // intake
  intakeFamily: '请选择已登记的家庭，或填写新家庭的社区、户籍和家庭成员',
  intakeNeedTwice: '同一类需求只能填写一次',
  // follow-up
} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof RELIEF_CONSTRAINTS> {}
}
