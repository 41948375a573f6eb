import type { ConstraintsOf, ErrorMessageTable } from '@onedoor/platform';
import type { RESOURCES_ERRORS } from './resources.errors';

/** The resources lib's error texts: zh-CN for the offices, en as the code's label. */
export const RESOURCES_ERROR_MESSAGES = {
  PROVIDER_NOT_FOUND: { 'zh-CN': '未找到该机构', en: 'Provider not found' },
  PROVIDER_USCC_TAKEN: {
    'zh-CN': '该统一社会信用代码已登记',
    en: 'USCC already registered',
  },
  PROVIDER_NOT_VERIFIED: { 'zh-CN': '该机构尚未通过核验', en: 'Provider not verified' },
  PROVIDER_INVALID_TRANSITION: {
    'zh-CN': '该机构当前状态下不能进行此操作',
    en: 'Invalid provider transition',
  },
  CATEGORY_NOT_FOUND: { 'zh-CN': '该类别不存在', en: 'Category not found' },
  CATEGORY_CODE_TAKEN: { 'zh-CN': '该类别代码已被使用', en: 'Category code already taken' },
  RESOURCE_NOT_FOUND: { 'zh-CN': '未找到该资源', en: 'Resource not found' },
  RESOURCE_INVALID_TRANSITION: {
    'zh-CN': '该资源当前状态下不能进行此操作',
    en: 'Invalid resource transition',
  },
  RESOURCE_NOT_EDITABLE: { 'zh-CN': '该资源当前状态下不能修改', en: 'Resource not editable' },
  RESOURCE_CAPACITY_BELOW_COMMITTED: {
    'zh-CN': '名额不能少于已承诺的数量',
    en: 'Capacity below what is committed',
  },
  RESOURCE_COVERAGE_OUT_OF_REACH: {
    'zh-CN': '资源的覆盖范围超出了其服务层级',
    en: 'Coverage out of the resource’s reach',
  },
  ELIGIBILITY_RULES_INVALID: {
    'zh-CN': '资格条件规则有误，请按提示修改',
    en: 'Invalid eligibility rules',
  },
} as const satisfies ErrorMessageTable<typeof RESOURCES_ERRORS>;

/** The resources lib's own field rules and their zh-CN templates. */
export const RESOURCES_CONSTRAINTS = {
  isUscc: {
    default: '统一社会信用代码不正确',
    length: '统一社会信用代码应为 18 位',
    characters: '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）',
    check_character: '统一社会信用代码校验位不正确',
  },
  eligibilityRule: {
    default: '资格条件规则写法有误',
    shape: '资格条件规则写法有误',
    unknownKey: '含有无法识别的设置项',
    needsOne: '请至少填写一项',
    outOfRange: '应为 {min} 至 {max} 之间的数值',
    minOverMax: '最小值不能大于最大值',
    emptyList: '请至少选择一项',
    notAllowed: '含有不允许的选项',
    boolean: '请选择“是”或“否”',
    tags: '请至少填写一个标签（每个标签不超过 40 个字，只含文字、数字、_ 或 -）',
    emptyGroup: '条件组中至少需要一个条件',
    tooMany: '一个条件组最多 {max} 个条件',
    tooDeep: '条件组嵌套不能超过 {max} 层',
    oneKey: '每个条件只能设置一项',
    unknownPredicate: '不是可用的资格条件',
  },
  valueRequired: '现金和实物类资源必须填写单位价值',
  coverageOutOfReach: '该层级的资源不能覆盖所选区域',
} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof RESOURCES_CONSTRAINTS> {}
}
