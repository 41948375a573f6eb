import { Processor } from '@nestjs/bullmq';
import { type JobHandlers, QUEUES, QueueProcessor } from '@onedoor/platform';
import { HouseholdImportRunner } from '@onedoor/households';
import { AssistanceImportRunner } from '@onedoor/ledger';

/**
 * The imports queue: one background household import per job. One at a time per matcher: an
 * import is long and writes household by household; several matchers share the queue.
 */
@Processor(QUEUES.imports, { concurrency: 1 })
export class ImportsProcessor extends QueueProcessor<typeof QUEUES.imports> {
  protected readonly queue = QUEUES.imports;
  protected readonly handlers: JobHandlers<typeof QUEUES.imports> = {
    'run-household-import': (data) => this.runner.run(data.importId),
    'run-assistance-import': (data) => this.rolls.run(data.importId),
  };

  constructor(
    private readonly runner: HouseholdImportRunner,
    private readonly rolls: AssistanceImportRunner,
  ) {
    super();
  }
}
