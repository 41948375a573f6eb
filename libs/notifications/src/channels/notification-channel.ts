import type { OutboxEventEntity } from '@onedoor/platform';

/** A user an event reached, as the channels need them (after preferences are applied). */
export interface Recipient {
  userId: string;
  /** The channels this user wants for this event type (from their preferences; defaults all). */
  channels: ReadonlySet<ChannelName>;
}

export type ChannelName = 'inbox' | 'email' | 'webhook';

/**
 * One way of telling people: the in-app inbox and its live stream, e-mail, webhooks. The
 * dispatcher resolves an event's audience to recipients once, then hands the event to every
 * channel registered under {@link NOTIFICATION_CHANNELS}. A channel must be idempotent per
 * (event, recipient): the dispatcher may hand the same event again after a crash before it
 * stamped the event dispatched. Webhooks are per subscription (organization or area), not per
 * recipient, so that channel reads the event itself and ignores `recipients`.
 */
export interface NotificationChannel {
  readonly name: ChannelName;
  deliver(event: OutboxEventEntity, recipients: readonly Recipient[]): Promise<void>;
  /**
   * Optional: a whole batch of events in one call (the inbox writes a batch in one insert).
   * When present the dispatcher calls it instead of `deliver`, with the same idempotence.
   */
  deliverBatch?(deliveries: readonly Delivery[]): Promise<void>;
}

/** One event and who it reached. */
export interface Delivery {
  event: OutboxEventEntity;
  recipients: readonly Recipient[];
}

/** The Nest token under which each channel provider registers (a multi-provider list). */
export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
