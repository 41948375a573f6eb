export * from './channels/notification-channel';
export * from './webhooks';
export * from './email';

import { WebhookDeliveryEntity } from './webhooks/webhook-delivery.entity';
import { WebhookSubscriptionEntity } from './webhooks/webhook-subscription.entity';

export const WEBHOOKS_ENTITIES = [WebhookSubscriptionEntity, WebhookDeliveryEntity];
export * from './channels/inbox.channel';
export * from './notifications.errors';
export * from './notifications.module';
export * from './notifications-http.module';
export * from './dispatch/audience';
export * from './dispatch/notification-dispatcher.service';
export * from './inbox/notification.entity';
export * from './inbox/notification-preference.entity';
export * from './inbox/notifications.service';
export * from './inbox/templates';
export * from './stream/notification-bus';
export * from './stream/notification-publisher';
export * from './stream/notification-stream.hub';
export * from './dto/notifications.dto';
export * from './notification.labels';
export * from './notifications.error-messages';
