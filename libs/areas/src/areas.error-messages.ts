import type { ConstraintsOf, ErrorMessageTable } from '@onedoor/platform';
import type { AREAS_ERRORS } from './areas.errors';

/** The areas lib's error texts: zh-CN for the offices, en as the code's label. */
export const AREAS_ERROR_MESSAGES = {
  AREA_NOT_FOUND: { 'zh-CN': '未找到该区域', en: 'Area not found' },
  AREA_PARENT_INVALID: { 'zh-CN': '上级区域不正确', en: 'Invalid parent area' },
  AREA_CODE_TAKEN: { 'zh-CN': '该区域代码已被使用', en: 'Area code already taken' },
} as const satisfies ErrorMessageTable<typeof AREAS_ERRORS>;

/** The areas lib's own field rules and their zh-CN templates. */
export const AREAS_CONSTRAINTS = {
  districtStandardOnly: '仅区（县）需要填写，且必须填写',
} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof AREAS_CONSTRAINTS> {}
}
