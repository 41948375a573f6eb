import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QUEUES, QueueProcessor } from '@onedoor/platform';
import { ApplicationDeadlinesService } from '@onedoor/accounts';
import {
  AssessmentsService,
  HouseholdExitService,
  HouseholdImportsService,
  HouseholdRemindersService,
} from '@onedoor/households';
import {
  CheckInsService,
  MovesService,
  PlanSyncService,
  VisitScheduleService,
} from '@onedoor/casework';
import { AssistanceImportsService } from '@onedoor/ledger';
import { MatchRunService, ProposalDeadlinesService, ReferralsService } from '@onedoor/matching';
import { WebhookChannel } from '@onedoor/notifications';
import { ProjectsService } from '@onedoor/procurement';
import { FollowUpsService, GrantDeadlinesService, LeadDeadlinesService } from '@onedoor/relief';
import { ResourceLifecycleService, ResourceReviewDeadlinesService } from '@onedoor/resources';
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
    'enqueue-pending-matches': async () => ({
      assessments: await this.assessments.enqueuePendingMatches(),
      checkIns: await this.checkIns.enqueuePendingMatches(),
      moves: await this.moves.enqueuePendingMatches(),
    }),
    'reconcile-matching': () => this.matchRuns.reconcile(),
    'sla-sweep': () => this.referrals.sweep(),
    // Each staff step in its own transaction: one lib's failure leaves the others swept.
    'staff-deadlines-sweep': async () => ({
      proposals: await this.proposalDeadlines.sweep(),
      reviews: await this.reviewDeadlines.sweep(),
      applications: await this.applicationDeadlines.sweep(),
    }),
    'household-reminders': () => this.householdReminders.sweep(),
    'close-bidding': (data) => this.projects.closeBiddingJob(data.projectId),
    'close-due-bidding': () => this.projects.closeDue(),
    'requeue-webhook-deliveries': () => this.webhooks.requeueStale(),
    'requeue-household-imports': () => this.householdImports.requeueStale(),
    'sync-case-plans': () => this.planSync.sync(),

    'schedule-case-visits': () => this.visitSchedule.sweep(),
    'requeue-assistance-imports': () => this.assistanceImports.requeueStale(),
    'follow-up-sweep': () => this.followUps.sweep(),
    // relief: grants
    'grant-decisions-sweep': () => this.grantDeadlines.sweep(),
    // relief: leads
    'lead-triage-sweep': () => this.leadDeadlines.sweep(),
  };

  constructor(
    private readonly maintenance: MaintenanceService,
    private readonly resourceLifecycle: ResourceLifecycleService,
    private readonly householdExits: HouseholdExitService,
    private readonly assessments: AssessmentsService,
    private readonly matchRuns: MatchRunService,
    private readonly referrals: ReferralsService,
    private readonly projects: ProjectsService,
    private readonly proposalDeadlines: ProposalDeadlinesService,
    private readonly reviewDeadlines: ResourceReviewDeadlinesService,
    private readonly applicationDeadlines: ApplicationDeadlinesService,
    private readonly householdReminders: HouseholdRemindersService,
    private readonly webhooks: WebhookChannel,
    private readonly householdImports: HouseholdImportsService,
    private readonly planSync: PlanSyncService,
    private readonly checkIns: CheckInsService,
    private readonly moves: MovesService,

    private readonly visitSchedule: VisitScheduleService,
    private readonly assistanceImports: AssistanceImportsService,
    private readonly followUps: FollowUpsService,
    // relief: grants
    private readonly grantDeadlines: GrantDeadlinesService,
    // relief: leads
    private readonly leadDeadlines: LeadDeadlinesService,
  ) {
    super();
  }
}
