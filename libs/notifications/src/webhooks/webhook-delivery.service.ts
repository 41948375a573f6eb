import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  type AudienceSelector,
  DictionariesService,
  EventOutbox,
  type OutboxEventEntity,
  PiiCipher,
  TransactionRunner,
} from '@onedoor/platform';
import { noticeLabels } from '../inbox/notice-values';
import { dingTalkSignedUrl, PING_TYPE, signatureHeader, webhookBody } from './webhook-message';
import { postWebhook, type SendResult } from './webhook-sender';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

type EventFields = Pick<
  OutboxEventEntity,
  'id' | 'type' | 'entityType' | 'entityId' | 'data' | 'createdAt'
>;

/** Thrown to make BullMQ retry a delivery (after the attempt was recorded). */
export class WebhookAttemptFailed extends Error {}

/**
 * Runs one attempt of a delivery (the `deliver-webhook` job): posts the signed body, records
 * the attempt in the delivery log, and on the last failed attempt counts the failure against
 * the subscription, disabling it at the limit with a `webhook.disabled` notice to its owner.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: EventOutbox,
    private readonly pii: PiiCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly dictionaries?: DictionariesService,
  ) {}

  /**
   * The attempt's number comes from the row, not the job: a job re-queued after Redis lost
   * the first one carries on the count instead of starting again.
   */
  async attempt(deliveryId: string): Promise<void> {
    const delivery = await this.dataSource.manager.getRepository(WebhookDeliveryEntity).findOne({
      where: { id: deliveryId },
      relations: { subscription: true, event: true },
    });
    if (!delivery || delivery.status !== 'pending') return;
    const sub = delivery.subscription!;
    if (!sub.active) {
      await this.recordAttempt(delivery.id, {
        status: 'failed',
        attempts: delivery.attempts,
        result: { ok: false, statusCode: null, error: 'subscription disabled' },
        nextAttemptAt: null,
      });
      return;
    }
    const attempt = delivery.attempts + 1;
    const result = await this.send(sub, delivery.event!, delivery.id);
    const last = attempt >= this.config.webhooks.attempts;
    if (result.ok) {
      await this.tx.run(async (m) => {
        await this.recordAttempt(
          delivery.id,
          { status: 'succeeded', attempts: attempt, result, nextAttemptAt: null },
          m,
        );
        await m.update(WebhookSubscriptionEntity, { id: sub.id }, { consecutiveFailures: 0 });
      });
      return;
    }
    const next = last
      ? null
      : new Date(Date.now() + this.config.webhooks.backoffMs * 2 ** (attempt - 1));
    await this.tx.run(async (m) => {
      await this.recordAttempt(
        delivery.id,
        { status: last ? 'failed' : 'pending', attempts: attempt, result, nextAttemptAt: next },
        m,
      );
      if (last) await this.countFailure(sub.id, m);
    });
    throw new WebhookAttemptFailed(`delivery ${delivery.id} attempt ${attempt}: ${result.error}`);
  }

  /** A ping to the subscription's URL, answered with what the receiver said. */
  ping(sub: WebhookSubscriptionEntity): Promise<SendResult> {
    const now = new Date();
    return this.send(
      sub,
      {
        id: '0',
        type: PING_TYPE as OutboxEventEntity['type'],
        entityType: 'webhook_subscription',
        entityId: sub.id,
        data: { message: 'ping' },
        createdAt: now,
      },
      `ping-${now.getTime()}`,
    );
  }

  private async send(sub: WebhookSubscriptionEntity, event: EventFields, deliveryId: string) {
    // Robots show codes by their labels; the JSON format carries the data as sent.
    const labels = sub.format === 'json' ? {} : await noticeLabels(this.dictionaries);
    const body = webhookBody(sub.format, event, labels);
    const secret = sub.secretEnc ? this.pii.decrypt(sub.secretEnc) : null;
    const headers: Record<string, string> = {
      'X-OneDoor-Event': event.type,
      'X-OneDoor-Delivery': deliveryId,
    };
    let url = sub.url;
    if (secret && sub.format === 'dingtalk') url = dingTalkSignedUrl(sub.url, secret, Date.now());
    if (secret) {
      headers['X-OneDoor-Signature'] = signatureHeader(secret, body, Math.floor(Date.now() / 1000));
    }
    return postWebhook(url, body, headers, {
      timeoutMs: this.config.webhooks.timeoutMs,
      allowPrivateNetwork: sub.allowPrivateNetwork,
    });
  }

  private async recordAttempt(
    id: string,
    r: {
      status: WebhookDeliveryEntity['status'];
      attempts: number;
      result: SendResult;
      nextAttemptAt: Date | null;
    },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(
      WebhookDeliveryEntity,
      { id },
      {
        status: r.status,
        attempts: r.attempts,
        lastStatusCode: r.result.statusCode,
        lastError: r.result.error?.slice(0, 1000) ?? null,
        nextAttemptAt: r.nextAttemptAt,
      },
    );
  }

  /** One more delivery failed for good; at the limit the subscription is switched off. */
  private async countFailure(subscriptionId: string, m: EntityManager): Promise<void> {
    const [row] = (await m.query(
      `UPDATE webhook_subscription SET consecutive_failures = consecutive_failures + 1, updated_at = now()
        WHERE id = $1 RETURNING consecutive_failures, active`,
      [subscriptionId],
    )) as [Array<{ consecutive_failures: number; active: boolean }>, number];
    const updated = row[0];
    if (!updated || !updated.active) return;
    if (updated.consecutive_failures < this.config.webhooks.disableAfterFailures) return;
    await m.update(
      WebhookSubscriptionEntity,
      { id: subscriptionId },
      { active: false, disabledAt: new Date() },
    );
    const sub = await m.findOneByOrFail(WebhookSubscriptionEntity, { id: subscriptionId });
    await this.audit.record(m, {
      entityType: 'webhook_subscription',
      entityId: sub.id,
      action: 'disable',
      actor: null,
      fromState: 'active',
      toState: 'disabled',
      reason: `${updated.consecutive_failures} consecutive failed deliveries`,
      areaPath: sub.areaPath,
    });
    await this.outbox.emit(m, {
      type: 'webhook.disabled',
      entityType: 'webhook_subscription',
      entityId: sub.id,
      areaPath: sub.areaPath,
      providerId: sub.providerId,
      audience: await this.owners(sub, m),
      data: { url: new URL(sub.url).host, failures: updated.consecutive_failures },
      dedupKey: `webhook.disabled.${sub.id}.${sub.disabledAt!.getTime()}`,
    });
    this.logger.warn(
      `webhook subscription ${sub.id} disabled after ${updated.consecutive_failures} failed deliveries`,
    );
  }

  /** Who owns a subscription: its organization's admins, or the civil-affairs staff of its area. */
  private async owners(
    sub: WebhookSubscriptionEntity,
    m: EntityManager,
  ): Promise<AudienceSelector[]> {
    if (sub.areaPath) return [{ roles: ['civil_affairs'], areaPath: sub.areaPath }];
    const admins: Array<{ id: string }> = await m.query(
      `SELECT id FROM app_user WHERE provider_id = $1 AND is_org_admin AND active`,
      [sub.providerId],
    );
    return [{ userIds: admins.map((a) => a.id) }];
  }
}
