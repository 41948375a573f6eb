import { Processor } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  type JobHandlers,
  QUEUES,
  QueueProcessor,
} from '@onedoor/platform';
import { MatchingService } from '@onedoor/matching';

/** The matching queue: one call into the matching service per job. */
@Processor(QUEUES.matching)
export class MatchingProcessor
  extends QueueProcessor<typeof QUEUES.matching>
  implements OnApplicationBootstrap
{
  protected readonly queue = QUEUES.matching;
  protected readonly handlers: JobHandlers<typeof QUEUES.matching> = {
    'match-household': (data) => this.matching.matchHousehold(data.householdId),
    'rematch-resource': (data) =>
      this.matching.rematchResource(
        data.resourceId,
        data.releasedBy ? `release.${data.releasedBy}` : `v${data.version}`,
      ),
  };

  constructor(
    private readonly matching: MatchingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // The decorator can't read config; the worker takes its concurrency at start.
    this.worker.concurrency = this.config.matching.concurrency;
  }
}
