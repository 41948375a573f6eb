import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { FAN_OUT_BATCH, jobIds, MATCH_PRIORITY, QUEUES } from './queue.registry';

/**
 * Puts matching work on the queue, so that services depend on an intent ("match this
 * household") rather than on BullMQ.
 */
@Injectable()
export class MatchingQueueProducer {
  constructor(@InjectQueue(QUEUES.matching) private readonly queue: Queue) {}

  async rematchResource(resourceId: string, version: number): Promise<void> {
    await this.queue.add(
      'rematch-resource',
      { resourceId, version },
      { jobId: jobIds.rematchResource(resourceId, version) },
    );
  }

  /** A unit went back to the resource (a referral declined or expired): once per referral. */
  async rematchResourceAfterRelease(resourceId: string, referralId: string): Promise<void> {
    await this.queue.add(
      'rematch-resource',
      { resourceId, releasedBy: referralId },
      {
        jobId: jobIds.rematchResourceAfterRelease(resourceId, referralId),
      },
    );
  }

  /** Many households at once, in addBulk batches: never one add per household. */
  async enqueueHouseholdMatches(
    jobs: Array<{ householdId: string; jobId: string; emergency: boolean }>,
  ): Promise<number> {
    for (let i = 0; i < jobs.length; i += FAN_OUT_BATCH) {
      await this.queue.addBulk(
        jobs.slice(i, i + FAN_OUT_BATCH).map((j) => ({
          name: 'match-household',
          data: { householdId: j.householdId },
          opts: {
            jobId: j.jobId,
            priority: j.emergency ? MATCH_PRIORITY.emergency : MATCH_PRIORITY.normal,
          },
        })),
      );
    }
    return jobs.length;
  }

  /** Idempotent per household and assessment: a second call for the same pair adds nothing. */
  async enqueueHouseholdMatch(
    householdId: string,
    assessmentId: string,
    emergency: boolean,
  ): Promise<void> {
    await this.enqueueHouseholdMatches([
      {
        householdId,
        emergency,
        jobId: jobIds.matchHousehold(householdId, assessmentId),
      },
    ]);
  }
}
