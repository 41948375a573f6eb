import type { ErrorMessageTable } from '@onedoor/platform';
import type { NOTIFICATIONS_ERRORS } from './notifications.errors';
import type { WEBHOOKS_ERRORS } from './webhooks/webhooks.errors';

/** The notifications lib's error texts: zh-CN for the offices, en as the code's label. */
export const NOTIFICATIONS_ERROR_MESSAGES = {
  NOTIFICATION_NOT_FOUND: { 'zh-CN': '未找到该通知', en: 'Notification not found' },
} as const satisfies ErrorMessageTable<typeof NOTIFICATIONS_ERRORS>;

export const WEBHOOKS_ERROR_MESSAGES = {
  WEBHOOK_NOT_FOUND: { 'zh-CN': '未找到该回调订阅', en: 'Webhook not found' },
  WEBHOOK_URL_REFUSED: {
    'zh-CN': '回调地址不被允许（须为 http(s) 地址，内网地址需管理员许可）',
    en: 'Webhook URL refused',
  },
  WEBHOOK_EVENT_TYPE_UNKNOWN: { 'zh-CN': '未知的事件类型', en: 'Unknown event type' },
  WEBHOOK_OWNER_INVALID: {
    'zh-CN': '订阅须且只能属于一个机构或一个区域，且在您的权限范围内',
    en: 'Invalid webhook owner',
  },
} as const satisfies ErrorMessageTable<typeof WEBHOOKS_ERRORS>;
