import { labels } from '@onedoor/platform';
import type { LoginEventKind, LoginOutcome } from './login-event.entity';
import type { ProviderApplicationStatus } from './provider-applications/provider-application.entity';

export const LOGIN_EVENT_KIND_LABELS = labels<LoginEventKind>({
  login: ['登录', 'Login'],
  refresh: ['刷新会话', 'Session refresh'],
  logout: ['退出登录', 'Logout'],
  logout_all: ['退出所有设备', 'Logout everywhere'],
  session_revoked: ['会话被撤销', 'Session revoked'],
  password_change: ['修改密码', 'Password change'],
  password_reset: ['重置密码', 'Password reset'],
  password_set: ['设置密码', 'Password set'],
});

export const LOGIN_OUTCOME_LABELS = labels<LoginOutcome>({
  success: ['成功', 'Success'],
  failure: ['失败', 'Failure'],
  refresh_reuse: ['刷新令牌被重复使用', 'Refresh token reused'],
});

export const PROVIDER_APPLICATION_STATUS_LABELS = labels<ProviderApplicationStatus>({
  pending: ['待审核', 'Pending'],
  approved: ['已通过', 'Approved'],
  rejected: ['已驳回', 'Rejected'],
});
