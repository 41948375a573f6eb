import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { jobIds, MATCH_PRIORITY, QUEUES } from './queue.registry';

/**
 * Puts matching work on the queue, so that services depend on an intent ("match this
 * household") rather than on BullMQ.
 */
@Injectable()
export class MatchingQueueProducer {
  constructor(@InjectQueue(QUEUES.matching) private readonly queue: Queue) {}

  /** Idempotent per household and assessment: a second call for the same pair adds nothing. */
  async matchHousehold(
    householdId: string,
    assessmentId: string,
    emergency: boolean,
  ): Promise<void> {
    await this.queue.add(
      'match-household',
      { householdId, assessmentId },
      {
        jobId: jobIds.matchHousehold(householdId, assessmentId),
        priority: emergency ? MATCH_PRIORITY.emergency : MATCH_PRIORITY.normal,
      },
    );
  }
}
