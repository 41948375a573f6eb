import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QUEUES, QueueProcessor } from '@onedoor/platform';
import { AssessmentsService, HouseholdExitService } from '@onedoor/households';
import { MatchRunService, ReferralsService } from '@onedoor/matching';
import { WebhookChannel } from '@onedoor/notifications';
import { ProjectsService } from '@onedoor/procurement';
import { ResourceLifecycleService } from '@onedoor/resources';
import { MaintenanceService } from './maintenance.service';

/** Its schedules are put (and kept) in Redis by the ScheduleWatchdog. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends QueueProcessor<typeof QUEUES.maintenance> {
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
    'requeue-webhook-deliveries': () => this.webhooks.requeueStale(),
  };

  constructor(
    private readonly maintenance: MaintenanceService,
    private readonly resourceLifecycle: ResourceLifecycleService,
    private readonly householdExits: HouseholdExitService,
    private readonly assessments: AssessmentsService,
    private readonly matchRuns: MatchRunService,
    private readonly referrals: ReferralsService,
    private readonly projects: ProjectsService,
    private readonly webhooks: WebhookChannel,
  ) {
    super();
  }
}
