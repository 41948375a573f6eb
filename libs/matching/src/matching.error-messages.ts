import type { ConstraintsOf, ErrorMessageTable } from '@onedoor/platform';
import type { MATCHING_ERRORS } from './matching.errors';

/** The matching lib's error texts: zh-CN for the offices, en as the code's label. */
export const MATCHING_ERROR_MESSAGES = {
  MATCH_NOT_FOUND: { 'zh-CN': '未找到该匹配建议', en: 'Match proposal not found' },
  MATCH_NOT_PROPOSED: {
    'zh-CN': '该匹配建议已处理，不能再审批',
    en: 'The proposal is no longer awaiting a decision',
  },
  RESOURCE_CAPACITY_EXHAUSTED: { 'zh-CN': '该资源名额已用完', en: 'Resource capacity exhausted' },
  RESOURCE_UNAVAILABLE: { 'zh-CN': '该资源当前不可用', en: 'Resource unavailable' },
  NEED_ALREADY_SERVED: { 'zh-CN': '该需求已得到满足', en: 'The need is already served' },
  REFERRAL_NOT_FOUND: { 'zh-CN': '未找到该转介', en: 'Referral not found' },
  REFERRAL_INVALID_TRANSITION: {
    'zh-CN': '该转介当前状态下不能进行此操作',
    en: 'Invalid referral transition',
  },
} as const satisfies ErrorMessageTable<typeof MATCHING_ERRORS>;

/** The matching lib's own field rules and their zh-CN templates. */
export const MATCHING_CONSTRAINTS = {
  bulkApprovalItems: {
    default: '审批项不符合要求',
    duplicate: '同一匹配建议被重复列出',
    sameNeed: '同一需求只能批准一个匹配建议',
  },
} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof MATCHING_CONSTRAINTS> {}
}
