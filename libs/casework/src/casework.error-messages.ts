import type { ConstraintsOf, ErrorMessageTable } from '@onedoor/platform';
import type { CASEWORK_ERRORS } from './casework.errors';

/** The casework lib's error texts: zh-CN for the advisers, en as the code's label. */
export const CASEWORK_ERROR_MESSAGES = {
  CASE_TIMELINE_CURSOR_INVALID: {
    'zh-CN': '时间线翻页参数无效',
    en: 'Invalid timeline cursor',
  },
  // visits and notes
  CASE_VISIT_NOT_FOUND: {
    'zh-CN': '走访记录不存在',
    en: 'Visit not found',
  },
  CASE_VISIT_NOTE_FORBIDDEN: {
    'zh-CN': '走访内容仅限个案顾问及督导填写，更正仅限记录人本人',
    en: 'Only the adviser and supervisors write visit notes; only the author corrects one',
  },
  CASE_VISIT_CORRECTION_CLOSED: {
    'zh-CN': '走访内容只能在记录后 {days} 天内更正',
    en: 'A visit note can be corrected only within {days} days of recording',
  },
  CASE_VISIT_IN_FUTURE: {
    'zh-CN': '走访时间不能晚于当前时间',
    en: 'The visit time cannot be in the future',
  },
} as const satisfies ErrorMessageTable<typeof CASEWORK_ERRORS>;

/** The casework lib's own field rules and their zh-CN templates. */
export const CASEWORK_CONSTRAINTS = {} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof CASEWORK_CONSTRAINTS> {}
}
