import { createHmac } from 'node:crypto';
import type { DictionaryGroups, OutboxEventEntity } from '@onedoor/platform';
import { eventLines, eventTitle } from './event-text';
import type { WebhookFormat } from './webhook-subscription.entity';

type EventFields = Pick<
  OutboxEventEntity,
  'id' | 'type' | 'entityType' | 'entityId' | 'data' | 'createdAt'
>;

/** A ping from `POST /webhooks/:id/test`: an event-shaped body that is not in the outbox. */
export const PING_TYPE = 'webhook.ping';

/** The body as each receiver expects it: our JSON, or a WeCom / DingTalk group robot message. */
export function webhookBody(
  format: WebhookFormat,
  event: EventFields,
  labels: DictionaryGroups = {},
): string {
  const title = (event.type as string) === PING_TYPE ? 'OneDoor 测试消息' : eventTitle(event.type);
  const text = [`### ${title}`, '', ...eventLines(event, labels).map((l) => `> ${l}`)].join('\n');
  switch (format) {
    case 'wecom':
      return JSON.stringify({ msgtype: 'markdown', markdown: { content: text } });
    case 'dingtalk':
      return JSON.stringify({ msgtype: 'markdown', markdown: { title, text } });
    case 'json':
      return JSON.stringify({
        id: event.id,
        type: event.type,
        occurredAt: new Date(event.createdAt).toISOString(),
        entity: { type: event.entityType, id: event.entityId },
        data: event.data,
      });
  }
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`: the receiver recomputes it. */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** DingTalk's "加签": timestamp (ms) and base64 HMAC-SHA256 of "timestamp\nsecret", as query parameters. */
export function dingTalkSignedUrl(url: string, secret: string, timestampMs: number): string {
  const sign = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(timestampMs));
  signed.searchParams.set('sign', sign);
  return signed.toString();
}
