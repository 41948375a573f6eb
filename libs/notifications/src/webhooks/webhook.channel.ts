import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  jobIds,
  type JobPayload,
  type OutboxEventEntity,
  QUEUES,
} from '@onedoor/platform';
import type { Delivery, NotificationChannel, Recipient } from '../channels/notification-channel';

/**
 * Webhooks are per subscription, not per recipient: an event goes to every active
 * subscription of its organization (providerId) or of an area above it (the subscription's
 * path is a prefix of the event's), that lists its type. One delivery row per (subscription,
 * event) — a second hand-over of the same event inserts nothing and queues nothing new.
 */
@Injectable()
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.webhooks) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  deliver(event: OutboxEventEntity, _recipients: readonly Recipient[]): Promise<void> {
    return this.deliverBatch([{ event, recipients: [] }]);
  }

  /** A whole batch in one insert, one read and one queue call (not three per event). */
  async deliverBatch(deliveries: readonly Delivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    const events = deliveries.map((d) => d.event);
    await this.dataSource.query(
      `INSERT INTO webhook_delivery (subscription_id, event_id, next_attempt_at)
       SELECT s.id, e.id, now()
         FROM unnest($1::bigint[], $2::text[], $3::uuid[], $4::text[])
              AS e(id, type, provider_id, area_path)
         JOIN webhook_subscription s
           ON s.active
          AND e.type = ANY (s.event_types)
          AND ((s.provider_id IS NOT NULL AND s.provider_id = e.provider_id)
            OR (s.area_path IS NOT NULL AND e.area_path LIKE s.area_path || '%'))
        ORDER BY e.id, s.id
       ON CONFLICT (subscription_id, event_id) DO NOTHING`,
      [
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => e.providerId),
        events.map((e) => e.areaPath),
      ],
    );
    // Every pending delivery of the events, not only the new rows: if Redis lost the jobs after
    // the rows committed, the dispatcher's retry queues them again (the job id deduplicates).
    const pending: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id::text AS id FROM webhook_delivery
        WHERE event_id = ANY ($1::bigint[]) AND status = 'pending'
        ORDER BY event_id, id`,
      [events.map((e) => e.id)],
    );
    await this.enqueue(pending.map((r) => r.id));
  }

  /**
   * The sweep behind the jobs: pending deliveries due for a while with nothing having tried
   * them (Redis lost their jobs: a flush, a failover) are queued again. A job still in Redis
   * keeps its id, so re-adding it changes nothing.
   */
  async requeueStale(): Promise<number> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT d.id FROM webhook_delivery d
         JOIN webhook_subscription s ON s.id = d.subscription_id
        WHERE d.status = 'pending' AND s.active
          AND d.next_attempt_at < now() - interval '5 minutes'
        ORDER BY d.next_attempt_at LIMIT 1000`,
    );
    await this.enqueue(rows.map((r) => r.id));
    return rows.length;
  }

  async enqueue(deliveryIds: string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    const { attempts, backoffMs } = this.config.webhooks;
    await this.queue.addBulk(
      deliveryIds.map((deliveryId) => ({
        name: 'deliver-webhook',
        data: { deliveryId } satisfies JobPayload<'webhooks', 'deliver-webhook'>,
        opts: {
          jobId: jobIds.deliverWebhook(deliveryId),
          attempts,
          backoff: { type: 'exponential', delay: backoffMs },
        },
      })),
    );
  }
}
