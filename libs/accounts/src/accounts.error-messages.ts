import type { ConstraintsOf, ErrorMessageTable } from '@onedoor/platform';
import type { ACCOUNTS_ERRORS } from './accounts.errors';

/** The accounts lib's error texts: zh-CN for the offices, en as the code's label. */
export const ACCOUNTS_ERROR_MESSAGES = {
  WEAK_PASSWORD: {
    'zh-CN': '密码强度不够，请使用更长、更不易猜到的密码',
    en: 'The password is too weak',
  },
  CURRENT_PASSWORD_WRONG: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  USERNAME_TAKEN: { 'zh-CN': '该用户名已被使用', en: 'Username already taken' },
  USER_NOT_FOUND: { 'zh-CN': '未找到该用户', en: 'User not found' },
  LAST_ADMIN: {
    'zh-CN': '系统至少需要保留一名启用的管理员',
    en: 'At least one active administrator must remain',
  },
  SET_PASSWORD_TOKEN_GONE: {
    'zh-CN': '设置密码的链接已失效，请联系管理员重新发送',
    en: 'The set-password link is no longer valid',
  },
  REFRESH_TOKEN_INVALID: { 'zh-CN': '登录已过期，请重新登录', en: 'Invalid refresh token' },
  SESSION_NOT_FOUND: { 'zh-CN': '未找到该登录会话', en: 'Session not found' },
  USER_FIELDS_INVALID: {
    'zh-CN': '账号信息与所选角色不符，请按提示修改',
    en: 'The fields do not fit the role',
  },
  PROVIDER_APPLICATION_NOT_FOUND: { 'zh-CN': '未找到该入驻申请', en: 'Application not found' },
  PROVIDER_APPLICATION_DUPLICATE: {
    'zh-CN': '该统一社会信用代码已有待审核的申请',
    en: 'An application with this USCC is already pending',
  },
  PROVIDER_APPLICATION_DECIDED: {
    'zh-CN': '该申请已审核，不能重复处理',
    en: 'The application was already decided',
  },
  CONTRACT_NOT_LIVE: {
    'zh-CN': '该合同不在履行期内或不属于本机构，不能开设签约社工账号',
    en: 'The contract is not live for your organization',
  },
  CONTRACTED_WORKER_OUT_OF_AREA: {
    'zh-CN': '签约社工的服务区域必须在合同服务区域之内',
    en: "The worker's area lies outside the contract's area",
  },
} as const satisfies ErrorMessageTable<typeof ACCOUNTS_ERRORS>;

/** The accounts lib's own field rules and their zh-CN templates. */
export const ACCOUNTS_CONSTRAINTS = {
  accountShape: {
    default: '与所选角色不符',
    areaRequired: '该角色的账号必须指定区域',
    areaRefused: '该角色的账号不能指定区域',
    providerRequired: '机构账号必须指定所属机构',
    providerRefused: '只有机构账号才能指定所属机构',
    orgAdminRefused: '只有机构账号才能设为机构管理员',
    evaluatorTypeRequired: '评审专家必须指定专家类型',
    evaluatorTypeRefused: '只有评审专家才有专家类型',
    contractRefused: '只有救助顾问账号才能关联服务合同',
    contractRequired: '签约社工账号必须选择服务合同',
  },
  unknownProvider: '该机构不存在',
} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof ACCOUNTS_CONSTRAINTS> {}
}
