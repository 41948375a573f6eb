import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, type OutboxEventEntity } from '@onedoor/platform';
import {
  type Delivery,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
} from '../channels/notification-channel';
import { RecipientsRepository } from './recipients.repository';

/** Events per transaction: one recipients query and one insert per channel each. */
export const DISPATCH_BATCH = 500;

/**
 * Fans undispatched outbox events out, in id order: a batch is locked (`FOR UPDATE SKIP
 * LOCKED`, so several matchers share the work without meeting), its audiences resolved to
 * active users with their preferences, handed to every channel, and stamped dispatched in the
 * same transaction. A crash or a failing channel rolls the stamp back, and the next sweep
 * hands the batch again: channels are idempotent per (event, recipient), so nothing is sent
 * twice and nothing is lost.
 */
@Injectable()
export class NotificationDispatcher {
  private readonly logger = new Logger(NotificationDispatcher.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recipients: RecipientsRepository,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
    private readonly clock: Clock,
  ) {}

  /** Batches until none is left (or `maxBatches`): the number of events dispatched. */
  async dispatchPending(maxBatches = 1_000, batchSize = DISPATCH_BATCH): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxBatches; i += 1) {
      const n = await this.dispatchBatch(batchSize);
      total += n;
      if (n < batchSize) break;
    }
    if (total > 0) this.logger.log({ events: total }, `dispatched ${total} events`);
    return total;
  }

  /** One batch in one transaction; the number of events it stamped. */
  async dispatchBatch(batchSize = DISPATCH_BATCH): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const raw: Array<Record<string, unknown>> = await manager.query(
        `SELECT id::text AS id, type, entity_type, entity_id, area_path, provider_id, audience,
                data, dedup_key, created_at
           FROM outbox_event
          WHERE dispatched_at IS NULL
          ORDER BY id
          LIMIT $1
          FOR NO KEY UPDATE SKIP LOCKED`,
        [batchSize],
      );
      // NO KEY UPDATE, not UPDATE: the inbox's insert (its own connection) checks its foreign
      // key to these rows with KEY SHARE, which FOR UPDATE would block until we commit.
      if (raw.length === 0) return 0;
      const events = raw.map(toEvent);
      const byEvent = await this.recipients.resolve(manager, events, this.clock.now());
      const deliveries: Delivery[] = events.map((event) => ({
        event,
        recipients: byEvent.get(event.id) ?? [],
      }));
      for (const channel of this.channels) {
        if (channel.deliverBatch) await channel.deliverBatch(deliveries);
        else for (const d of deliveries) await channel.deliver(d.event, d.recipients);
      }
      await manager.query(
        `UPDATE outbox_event SET dispatched_at = now() WHERE id = ANY($1::bigint[])`,
        [events.map((e) => e.id)],
      );
      return events.length;
    });
  }
}

function toEvent(row: Record<string, unknown>): OutboxEventEntity {
  return {
    id: row.id as string,
    type: row.type as OutboxEventEntity['type'],
    entityType: row.entity_type as string,
    entityId: row.entity_id as string,
    areaPath: (row.area_path as string | null) ?? null,
    providerId: (row.provider_id as string | null) ?? null,
    audience: row.audience as OutboxEventEntity['audience'],
    data: (row.data as Record<string, unknown>) ?? {},
    dedupKey: (row.dedup_key as string | null) ?? null,
    createdAt: row.created_at as Date,
    dispatchedAt: null,
  };
}
