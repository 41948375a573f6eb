import { type EventType, type Labels, labels } from '@onedoor/platform';
import { NOTICE_TEMPLATES } from './inbox/templates';
import type { DeliveryStatus } from './webhooks/webhook-delivery.entity';
import type { WebhookFormat } from './webhooks/webhook-subscription.entity';

/** An event type reads as its notice's title, so the console's filter and the inbox agree. */
export const EVENT_TYPE_LABELS = Object.fromEntries(
  Object.entries(NOTICE_TEMPLATES).map(([type, t]) => [
    type,
    { 'zh-CN': t.zh.title, en: t.en.title },
  ]),
) as Labels<EventType>;

export const WEBHOOK_FORMAT_LABELS = labels<WebhookFormat>({
  json: ['JSON', 'JSON'],
  wecom: ['企业微信机器人', 'WeCom robot'],
  dingtalk: ['钉钉机器人', 'DingTalk robot'],
});

export const DELIVERY_STATUS_LABELS = labels<DeliveryStatus>({
  pending: ['待投递', 'Pending'],
  succeeded: ['投递成功', 'Succeeded'],
  failed: ['投递失败', 'Failed'],
});
