import {
  type DictionaryGroups,
  type EventType,
  formatBeijingTime,
  type OutboxEventEntity,
} from '@onedoor/platform';
import { noticeLines } from '../inbox/notice-values';
import { NOTICE_TEMPLATES } from '../inbox/templates';

/**
 * The Chinese title of an event type, for robot messages and e-mail subjects: the inbox
 * notice's title, so one event reads the same on every channel (the titles take no data).
 */
export function eventTitle(type: string): string {
  return NOTICE_TEMPLATES[type as EventType]?.zh.title ?? type;
}

/**
 * Lines for the message body: the event's own data (no personal data is in `data`) by Chinese
 * field names, amounts in yuan, times in Beijing time, codes by their labels; ids are left to
 * the JSON format, which carries the data as sent.
 */
export function eventLines(
  event: Pick<OutboxEventEntity, 'data' | 'createdAt'>,
  labels: DictionaryGroups = {},
): string[] {
  return [
    ...noticeLines(event.data ?? {}, labels),
    `时间：${formatBeijingTime(new Date(event.createdAt))}`,
  ];
}
