import type { ConstraintsOf, ErrorMessageTable } from '@onedoor/platform';
import type { CASEWORK_ERRORS } from './casework.errors';

/** The casework lib's error texts: zh-CN for the advisers, en as the code's label. */
export const CASEWORK_ERROR_MESSAGES = {
  CASE_TIMELINE_CURSOR_INVALID: {
    'zh-CN': '时间线翻页参数无效',
    en: 'Invalid timeline cursor',
  },
  // check-ins and moves
  CHECK_IN_CASE_CLOSED: {
    'zh-CN': '个案已结案，请先重新开案再回访',
    en: 'The case is closed: reopen it before a check-in',
  },
  MOVE_SAME_COMMUNITY: {
    'zh-CN': '该家庭已在所选社区，无需迁移',
    en: 'The household already lives in that community',
  },
} as const satisfies ErrorMessageTable<typeof CASEWORK_ERRORS>;

/** The casework lib's own field rules and their zh-CN templates. */
export const CASEWORK_CONSTRAINTS = {} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof CASEWORK_CONSTRAINTS> {}
}
