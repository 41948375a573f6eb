import type { ConstraintsOf, ErrorMessageTable } from '@onedoor/platform';
import type { LEDGER_ERRORS } from './ledger.errors';

/** The ledger lib's error texts: zh-CN for its users, en as the code's label. */
export const LEDGER_ERROR_MESSAGES = {
  // entries
  ASSISTANCE_ENTRY_NOT_FOUND: { 'zh-CN': '未找到该救助记录', en: 'Assistance entry not found' },
  // stacking
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
  // reports
} as const satisfies ErrorMessageTable<typeof LEDGER_ERRORS>;

/** The ledger lib's own field rules and their zh-CN templates (each part adds its own). */
export const LEDGER_CONSTRAINTS = {
  // entries
  // stacking
  // lookup
  // imports
} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof LEDGER_CONSTRAINTS> {}
}
