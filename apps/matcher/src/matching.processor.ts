import { Processor } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  type JobHandlers,
  QUEUES,
  QueueProcessor,
} from '@onedoor/platform';
import { MatchRunService } from '@onedoor/matching';

/** The matching queue: one call into the match-run service per job. */
@Processor(QUEUES.matching)
export class MatchingProcessor
  extends QueueProcessor<typeof QUEUES.matching>
  implements OnApplicationBootstrap
{
  protected readonly queue = QUEUES.matching;
  protected readonly handlers: JobHandlers<typeof QUEUES.matching> = {
    'match-household': (data) => this.runs.run(data.householdId),
    'rematch-resource': (data) =>
      this.runs.rematchResource(
        data.resourceId,
        data.releasedBy ? `release.${data.releasedBy}` : `v${data.version}`,
      ),
  };

  constructor(
    private readonly runs: MatchRunService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // The decorator can't read config; the worker takes its concurrency at start.
    this.worker.concurrency = this.config.matching.concurrency;
  }
}
