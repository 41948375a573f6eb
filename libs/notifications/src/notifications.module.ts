import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxEventEntity } from '@onedoor/platform';
import { InboxChannel } from './channels/inbox.channel';
import { EmailChannel } from './email/email.channel';
import { EmailModule } from './email/email.module';
import { WebhookChannel } from './webhooks/webhook.channel';
import { WebhooksModule } from './webhooks/webhooks.module';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './channels/notification-channel';
import { NotificationDispatcher } from './dispatch/notification-dispatcher.service';
import { RecipientsRepository } from './dispatch/recipients.repository';
import { NotificationPreferenceEntity } from './inbox/notification-preference.entity';
import { NotificationEntity } from './inbox/notification.entity';
import { NotificationsService } from './inbox/notifications.service';
import { NotificationPublisher } from './stream/notification-publisher';

/** The lib's entities, for the TypeORM CLI's data source. */
export const NOTIFICATIONS_ENTITIES = [NotificationEntity, NotificationPreferenceEntity];

/**
 * Delivery for any process: the dispatcher and its channels (the matcher runs it), the inbox
 * and preferences (the API serves them). Nest has no multi-providers, so the channel list is a
 * factory over the channel classes; a new channel is one more class in `inject`.
 */
@Module({
  // The outbox entity too: a notice's foreign key names it (the platform registers none).
  imports: [
    TypeOrmModule.forFeature([...NOTIFICATIONS_ENTITIES, OutboxEventEntity]),
    WebhooksModule,
    EmailModule,
  ],
  providers: [
    RecipientsRepository,
    NotificationPublisher,
    InboxChannel,
    {
      provide: NOTIFICATION_CHANNELS,
      useFactory: (...channels: NotificationChannel[]) => channels,
      inject: [InboxChannel, EmailChannel, WebhookChannel],
    },
    NotificationDispatcher,
    NotificationsService,
  ],
  exports: [NotificationDispatcher, NotificationsService, NOTIFICATION_CHANNELS],
})
export class NotificationsModule {}
