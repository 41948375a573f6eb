import type { ConstraintsOf, ErrorMessageTable } from '@onedoor/platform';
import type { CASEWORK_ERRORS } from './casework.errors';

/** The casework lib's error texts: zh-CN for the advisers, en as the code's label. */
export const CASEWORK_ERROR_MESSAGES = {
  CASE_TIMELINE_CURSOR_INVALID: {
    'zh-CN': '时间线翻页参数无效',
    en: 'Invalid timeline cursor',
  },
  // supervision
  SUPERVISION_NOT_FOUND: { 'zh-CN': '未找到该督导意见', en: 'Supervision item not found' },
  SUPERVISION_STATE_CONFLICT: {
    'zh-CN': '该督导意见已处理，不能重复操作',
    en: 'The supervision item is past this step',
  },
  SUPERVISION_NOT_ADVISER: {
    'zh-CN': '只有该个案的救助顾问可以回复督导意见',
    en: "Only the case's adviser answers supervision",
  },
} as const satisfies ErrorMessageTable<typeof CASEWORK_ERRORS>;

/** The casework lib's own field rules and their zh-CN templates. */
export const CASEWORK_CONSTRAINTS = {} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof CASEWORK_CONSTRAINTS> {}
}
