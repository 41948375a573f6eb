import type { AppConfig } from '@onedoor/platform';

/** A notice as the inbox lists it and the stream pushes it. */
export interface NoticeView {
  id: string;
  type: string;
  title: string;
  body: string;
  entityType: string;
  entityId: string;
  readAt: string | null;
  createdAt: string;
}

/** What the matcher publishes: new inbox rows, each with its owner. */
export interface BusMessage {
  notices: Array<NoticeView & { userId: string }>;
}

/** One pub/sub channel per queue prefix, so test runs and deployments sharing a Redis never meet. */
export function busChannel(config: AppConfig): string {
  return `${config.redis.queuePrefix}:notifications:new`;
}

/** Notices per published message: bounds a message's size on a large fan-out. */
export const BUS_CHUNK = 500;
