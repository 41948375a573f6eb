import { Processor } from '@nestjs/bullmq';
import { NotificationDispatcher } from '@onedoor/notifications';
import { type JobHandlers, QUEUES, QueueProcessor } from '@onedoor/platform';

/**
 * The notifications queue: the outbox sweep. Its own queue, so a long maintenance job never
 * delays a notice; its schedule is put (and kept) in Redis by the ScheduleWatchdog.
 */
@Processor(QUEUES.notifications)
export class NotificationsProcessor extends QueueProcessor<typeof QUEUES.notifications> {
  protected readonly queue = QUEUES.notifications;
  protected readonly handlers: JobHandlers<typeof QUEUES.notifications> = {
    'dispatch-events': () => this.dispatcher.dispatchPending(),
  };

  constructor(private readonly dispatcher: NotificationDispatcher) {
    super();
  }
}
