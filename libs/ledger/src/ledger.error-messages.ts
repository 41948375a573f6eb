import type { ConstraintsOf, ErrorMessageTable } from '@onedoor/platform';
import type { LEDGER_ERRORS } from './ledger.errors';

/** The ledger lib's error texts: zh-CN for its users, en as the code's label. */
export const LEDGER_ERROR_MESSAGES = {
  // entries
  ASSISTANCE_ENTRY_NOT_FOUND: { 'zh-CN': '未找到该救助记录', en: 'Assistance entry not found' },
  // stacking
  // lookup
  // imports
  ASSISTANCE_IMPORT_NOT_FOUND: { 'zh-CN': '未找到该名册导入', en: 'Roll import not found' },
  // reports
} as const satisfies ErrorMessageTable<typeof LEDGER_ERRORS>;

/** The ledger lib's own field rules and their zh-CN templates (each part adds its own). */
export const LEDGER_CONSTRAINTS = {
  // entries
  // stacking
  // lookup
  // imports
  rollCategoryUnknown: '没有该救助类别',
  rollProviderUnknown: '没有该机构',
  rollGrantedByRequired: '请填写发放机构',
} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof LEDGER_CONSTRAINTS> {}
}
