import { InjectQueue, Processor } from '@nestjs/bullmq';
import { type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { NotificationDispatcher } from '@onedoor/notifications';
import { jobIds, JOB_SCHEDULES, type JobHandlers, QUEUES, QueueProcessor } from '@onedoor/platform';

/**
 * The notifications queue: the outbox sweep. Its own queue, so a long maintenance job never
 * delays a notice; its schedule is upserted at start (every matcher upserts the same one).
 */
@Processor(QUEUES.notifications)
export class NotificationsProcessor
  extends QueueProcessor<typeof QUEUES.notifications>
  implements OnApplicationBootstrap
{
  protected readonly queue = QUEUES.notifications;
  protected readonly handlers: JobHandlers<typeof QUEUES.notifications> = {
    'dispatch-events': () => this.dispatcher.dispatchPending(),
  };

  constructor(
    private readonly dispatcher: NotificationDispatcher,
    @InjectQueue(QUEUES.notifications) private readonly notifications: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const { job, repeat, data, opts } of JOB_SCHEDULES.notifications) {
      await this.notifications.upsertJobScheduler(
        jobIds.scheduler(QUEUES.notifications, job),
        repeat,
        { name: job, data, opts },
      );
    }
  }
}
