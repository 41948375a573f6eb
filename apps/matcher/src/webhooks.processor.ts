import { Processor } from '@nestjs/bullmq';
import { type JobHandlers, QUEUES, QueueProcessor } from '@onedoor/platform';
import { WebhookDeliveryService } from '@onedoor/notifications';

/** The webhooks queue: one attempt of one delivery per job; BullMQ retries with backoff. */
@Processor(QUEUES.webhooks, { concurrency: 10 })
export class WebhooksProcessor extends QueueProcessor<typeof QUEUES.webhooks> {
  protected readonly queue = QUEUES.webhooks;
  protected readonly handlers: JobHandlers<typeof QUEUES.webhooks> = {
    'deliver-webhook': (data) => this.deliveries.attempt(data.deliveryId),
  };

  constructor(private readonly deliveries: WebhookDeliveryService) {
    super();
  }
}
