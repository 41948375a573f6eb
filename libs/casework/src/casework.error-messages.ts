import type { ConstraintsOf, ErrorMessageTable } from '@onedoor/platform';
import type { CASEWORK_ERRORS } from './casework.errors';

/** The casework lib's error texts: zh-CN for the advisers, en as the code's label. */
export const CASEWORK_ERROR_MESSAGES = {
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
  // plans
  CASE_PLAN_NOT_FOUND: { 'zh-CN': '该个案尚无服务计划', en: 'The case has no plan' },
  CASE_PLAN_EXISTS: {
    'zh-CN': '该个案已有服务计划，请直接编辑',
    en: 'The case already has a plan',
  },
  CASE_PLAN_STATE_CONFLICT: {
    'zh-CN': '服务计划当前状态不允许此操作',
    en: 'The plan is not in a state that allows this',
  },
  CASE_PLAN_FILE_INVALID: {
    'zh-CN': '请先上传家庭签字的确认文件（PDF、PNG 或 JPEG）',
    en: 'Upload the signed agreement first',
  },
  CASE_PLAN_FILE_NOT_FOUND: {
    'zh-CN': '该文件不是本个案计划的确认文件',
    en: "The file is not one of the case plan's agreements",
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
export const CASEWORK_CONSTRAINTS = {
  // plans
  planLink: '不属于该家庭',
  planFile: '不是您上传的确认文件',
} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof CASEWORK_CONSTRAINTS> {}
}
