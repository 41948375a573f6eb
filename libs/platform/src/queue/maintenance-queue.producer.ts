import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { jobIds, QUEUES } from './queue.registry';

/** One-off maintenance work at a given time, so services depend on the intent, not BullMQ. */
@Injectable()
export class MaintenanceQueueProducer {
  constructor(@InjectQueue(QUEUES.maintenance) private readonly queue: Queue) {}

  /**
   * A delayed job closes the tender's bidding at `closesAt`; the minute sweep closes it if
   * this job is lost, so a failed add is not fatal to the caller once the record committed.
   */
  async closeBiddingAt(projectId: string, closesAt: Date): Promise<void> {
    await this.queue.add(
      'close-bidding',
      { projectId },
      {
        jobId: jobIds.closeBidding(projectId, closesAt),
        // BullMQ delays on Redis' wall clock, so the real time, not the app's Clock, sets it.
        delay: Math.max(0, closesAt.getTime() - Date.now()),
      },
    );
  }
}
