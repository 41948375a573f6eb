import type { EventType, OutboxEventEntity } from '@onedoor/platform';
import { NOTICE_TEMPLATES } from '../inbox/templates';

/**
 * The Chinese title of an event type, for robot messages and e-mail subjects: the inbox
 * notice's title, so one event reads the same on every channel (the titles take no data).
 */
export function eventTitle(type: string): string {
  return NOTICE_TEMPLATES[type as EventType]?.zh.title ?? type;
}

/** Lines for the message body: the event's own data, named as sent (no personal data is in `data`). */
export function eventLines(event: Pick<OutboxEventEntity, 'data' | 'createdAt'>): string[] {
  const lines = Object.entries(event.data ?? {})
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k}：${String(v)}`);
  lines.push(`时间：${new Date(event.createdAt).toISOString()}`);
  return lines;
}
