import type { ConstraintsOf, ErrorMessageTable } from '@onedoor/platform';
import type { HOUSEHOLDS_ERRORS } from './households.errors';

/** The households lib's error texts: zh-CN for the offices, en as the code's label. */
export const HOUSEHOLDS_ERROR_MESSAGES = {
  HOUSEHOLD_NOT_FOUND: { 'zh-CN': '未找到该家庭', en: 'Household not found' },
  HOUSEHOLD_DUPLICATE: {
    'zh-CN': '该家庭已登记（户主身份证号重复）',
    en: 'The household is already registered',
  },
  TEMPLATE_NOT_FOUND: { 'zh-CN': '未找到该评估模板', en: 'Assessment template not found' },
  TEMPLATE_INVALID: { 'zh-CN': '评估模板有误，请按提示修改', en: 'Invalid assessment template' },
  ASSESSMENT_NOT_FOUND: { 'zh-CN': '未找到该评估', en: 'Assessment not found' },
  ASSESSMENT_NOT_DRAFT: {
    'zh-CN': '该评估已完成，不能再修改',
    en: 'The assessment is no longer a draft',
  },
  ASSESSMENT_DRAFT_OPEN: {
    'zh-CN': '该家庭已有一份未完成的评估，请继续填写',
    en: 'The household already has an open draft',
  },
  ASSESSMENT_INCOMPLETE: {
    'zh-CN': '评估尚未填写完整，请补全必填项',
    en: 'The assessment is incomplete',
  },
  AREA_STANDARD_MISSING: {
    'zh-CN': '所在区尚未设置最低生活保障标准',
    en: 'The district has no minimum living standard',
  },
  IMPORT_TOO_LARGE: { 'zh-CN': '导入文件过大', en: 'Import too large' },
  HOUSEHOLD_IMPORT_NOT_FOUND: { 'zh-CN': '未找到该导入任务', en: 'Import not found' },
  CASE_NOT_FOUND: { 'zh-CN': '未找到该个案', en: 'Case not found' },
  CASE_ALREADY_OPEN: {
    'zh-CN': '该家庭已有一个未结案的个案',
    en: 'The household already has an open case',
  },
  CASE_STATE_CONFLICT: {
    'zh-CN': '个案当前状态不允许此操作',
    en: 'The case is not in a state that allows this',
  },
  CASE_ADVISER_INVALID: {
    'zh-CN': '接手人须为负责该家庭所在地区的在职评估员',
    en: 'The new adviser must be an active assessor whose area covers the household',
  },
  // need gap
  NEED_NOT_FOUND: { 'zh-CN': '未找到该需求', en: 'Need not found' },
  NEED_GAP_NOT_APPLICABLE: {
    'zh-CN': '该类别的需求没有费用缺口',
    en: 'Needs of this category have no money gap',
  },
  NEED_GAP_CLOSED: {
    'zh-CN': '该需求已结束，不能再修改费用缺口',
    en: 'The need is no longer open: its money gap cannot change',
  },
} as const satisfies ErrorMessageTable<typeof HOUSEHOLDS_ERRORS>;

/** The households lib's own field rules and their zh-CN templates. */
export const HOUSEHOLDS_CONSTRAINTS = {
  isIdNumber: {
    default: '身份证号不正确',
    format: '身份证号应为 17 位数字加 1 位校验码（0-9 或 X）',
    birth_date: '身份证号中的出生日期不存在',
    check_digit: '身份证号校验位不正确',
  },
  oneHead: '家庭成员中须有且仅有一名户主（与户主关系为“本人”）',
  idNumberListedTwice: '该身份证号在本家庭中重复',
  birthDateMismatch: '出生日期与身份证号不一致',
  searchTermRequired: '请输入姓名、电话或身份证号中的至少一项',
  severityUrgencyRequired: '新增需求须填写严重程度和紧迫程度',
  templateItemUnknown: '不是本评估模板的题目',
  answerChoice: '应为以下选项之一：{values}',
  answerBoolean: '应为“是”或“否”',
  answerRange: '应为 {min} 至 {max} 之间的数字',
  templateDefinition: '评估模板定义有误',
  importColumnMissing: '缺少必需的列：{columns}',
  importFileFormat: '请另存为 xlsx 或 CSV 格式后再导入',
  importUnreadable: '无法读取该 xlsx 文件',
  importNoRows: '文件中没有数据行',
} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof HOUSEHOLDS_CONSTRAINTS> {}
}
