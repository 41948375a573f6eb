import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JOB_SCHEDULES, JobHandlers, jobIds, QUEUES, QueueProcessor } from '@onedoor/platform';
import { AssessmentsService, HouseholdExitService } from '@onedoor/households';
import { MatchRunService, ReferralsService } from '@onedoor/matching';
import { ProjectsService } from '@onedoor/procurement';
import { ResourceLifecycleService } from '@onedoor/resources';
import { MaintenanceService } from './maintenance.service';

@Processor(QUEUES.maintenance)
export class MaintenanceProcessor
  extends QueueProcessor<typeof QUEUES.maintenance>
  implements OnApplicationBootstrap
{
  private readonly logger = new Logger(MaintenanceProcessor.name);
  protected readonly queue = QUEUES.maintenance;
  protected readonly handlers: JobHandlers<typeof QUEUES.maintenance> = {
    heartbeat: async () => this.maintenance.heartbeat(),
    'prune-login-failures': () => this.maintenance.pruneLoginFailures(),
    'prune-idempotency-keys': () => this.maintenance.pruneIdempotencyKeys(),
    'expire-resources': () => this.resourceLifecycle.expireDue(),
    'complete-exits': () => this.householdExits.completeExits(),
    'enqueue-pending-matches': () => this.assessments.enqueuePendingMatches(),
    'reconcile-matching': () => this.matchRuns.reconcile(),
    'sla-sweep': () => this.referrals.sweep(),
    'close-bidding': (data) => this.projects.closeBiddingJob(data.projectId),
    'close-due-bidding': () => this.projects.closeDue(),
  };

  constructor(
    private readonly maintenance: MaintenanceService,
    private readonly resourceLifecycle: ResourceLifecycleService,
    private readonly householdExits: HouseholdExitService,
    private readonly assessments: AssessmentsService,
    private readonly matchRuns: MatchRunService,
    private readonly referrals: ReferralsService,
    private readonly projects: ProjectsService,
    @InjectQueue(QUEUES.maintenance) private readonly maintenanceQueue: Queue,
  ) {
    super();
  }

  /** Schedulers are upserted, so any number of matchers starting together keep one each. */
  async onApplicationBootstrap(): Promise<void> {
    for (const { job, repeat, data, opts } of JOB_SCHEDULES.maintenance) {
      await this.maintenanceQueue.upsertJobScheduler(jobIds.scheduler(this.queue, job), repeat, {
        name: job,
        data,
        opts,
      });
    }
    this.logger.log('maintenance schedules in place');
  }
}
