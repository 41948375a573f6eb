import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreasModule } from '@onedoor/areas';
import { OutboxEventEntity } from '@onedoor/platform';
import { WebhookChannel } from './webhook.channel';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';
import { WebhooksController } from './webhooks.controller';

const services = [WebhookChannel, WebhookDeliveryService, WebhookSubscriptionsService];

/**
 * Webhooks for any process: the channel (the dispatcher hands it events) and the delivery
 * service (the matcher's `webhooks` queue runs it). The API adds {@link WebhooksHttpModule}.
 */
@Module({
  imports: [
    // The outbox's entity too: the delivery log joins its event.
    TypeOrmModule.forFeature([WebhookSubscriptionEntity, WebhookDeliveryEntity, OutboxEventEntity]),
    AreasModule,
  ],
  providers: services,
  exports: services,
})
export class WebhooksModule {}

@Module({ imports: [WebhooksModule], controllers: [WebhooksController] })
export class WebhooksHttpModule {}
