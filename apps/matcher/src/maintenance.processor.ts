import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  HEARTBEAT_EVERY_MS,
  JobHandlers,
  jobIds,
  COMPLETE_EXITS_EVERY_MS,
  ENQUEUE_PENDING_MATCHES_EVERY_MS,
  RECONCILE_MATCHING_EVERY_MS,
  SLA_SWEEP_EVERY_MS,
  CLOSE_DUE_BIDDING_EVERY_MS,
  EXPIRE_RESOURCES_EVERY_MS,
  PRUNE_LOGIN_FAILURES_EVERY_MS,
  QUEUES,
  QueueProcessor,
} from '@onedoor/platform';
import { AssessmentsService, HouseholdExitService } from '@onedoor/households';
import { MatchingService, ReferralsService } from '@onedoor/matching';
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
    'expire-resources': () => this.resourceLifecycle.expireDue(),
    'complete-exits': () => this.householdExits.completeExits(),
    'enqueue-pending-matches': () => this.assessments.enqueuePendingMatches(),
    'reconcile-matching': () => this.matching.reconcile(),
    'sla-sweep': () => this.referrals.sweep(),
    'close-bidding': (data) => this.projects.closeBiddingJob(data.projectId),
    'close-due-bidding': () => this.projects.closeDue(),
  };

  constructor(
    private readonly maintenance: MaintenanceService,
    private readonly resourceLifecycle: ResourceLifecycleService,
    private readonly householdExits: HouseholdExitService,
    private readonly assessments: AssessmentsService,
    private readonly matching: MatchingService,
    private readonly referrals: ReferralsService,
    private readonly projects: ProjectsService,
    @InjectQueue(QUEUES.maintenance) private readonly maintenanceQueue: Queue,
  ) {
    super();
  }

  /** Schedulers are upserted, so any number of matchers starting together keep one each. */
  async onApplicationBootstrap(): Promise<void> {
    await this.maintenanceQueue.upsertJobScheduler(
      jobIds.heartbeatScheduler(),
      { every: HEARTBEAT_EVERY_MS },
      { name: 'heartbeat', data: { scheduledBy: 'matcher' }, opts: { attempts: 1 } },
    );
    await this.maintenanceQueue.upsertJobScheduler(
      jobIds.pruneLoginFailuresScheduler(),
      { every: PRUNE_LOGIN_FAILURES_EVERY_MS },
      { name: 'prune-login-failures', data: {} },
    );
    // Runs at once on start, then hourly: a resource lapses within an hour of its last day.
    await this.maintenanceQueue.upsertJobScheduler(
      jobIds.expireResourcesScheduler(),
      { every: EXPIRE_RESOURCES_EVERY_MS },
      { name: 'expire-resources', data: {} },
    );
    await this.maintenanceQueue.upsertJobScheduler(
      jobIds.completeExitsScheduler(),
      { every: COMPLETE_EXITS_EVERY_MS },
      { name: 'complete-exits', data: {} },
    );
    await this.maintenanceQueue.upsertJobScheduler(
      jobIds.enqueuePendingMatchesScheduler(),
      { every: ENQUEUE_PENDING_MATCHES_EVERY_MS },
      { name: 'enqueue-pending-matches', data: {} },
    );
    // `every` runs once at start too: a matcher coming back after a Redis loss re-queues at once.
    await this.maintenanceQueue.upsertJobScheduler(
      jobIds.reconcileScheduler(),
      { every: RECONCILE_MATCHING_EVERY_MS },
      { name: 'reconcile-matching', data: {} },
    );
    await this.maintenanceQueue.upsertJobScheduler(
      jobIds.slaSweepScheduler(),
      { every: SLA_SWEEP_EVERY_MS },
      { name: 'sla-sweep', data: {} },
    );
    // Behind each tender's delayed close-bidding job: catches one lost with Redis.
    await this.maintenanceQueue.upsertJobScheduler(
      jobIds.closeDueBiddingScheduler(),
      { every: CLOSE_DUE_BIDDING_EVERY_MS },
      { name: 'close-due-bidding', data: {} },
    );
    this.logger.log('maintenance schedules in place');
  }
}
