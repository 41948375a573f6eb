import { Module, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreasModule } from '@onedoor/areas';
import { HouseholdsModule } from '@onedoor/households';
import { LedgerModule } from '@onedoor/ledger';
import { ResourcesModule } from '@onedoor/resources';
import { ReliefFundEntity } from './funds/relief-fund.entity';
import { FundMovementEntity } from './funds/fund-movement.entity';
import { EmergencyGrantEntity } from './grants/emergency-grant.entity';
import { GrantLimitEntity } from './grants/grant-limit.entity';
import { LeadEntity } from './leads/lead.entity';
import { ReliefIntakeEntity, ReliefIntakeFileEntity } from './intake/relief-intake.entity';
import { EmergencyIntakesRepository } from './intake/emergency-intakes.repository';
import { EmergencyIntakesService } from './intake/emergency-intakes.service';
import { EmergencyIntakesController } from './intake/emergency-intakes.controller';
import { ReliefFollowUpEntity } from './follow-up/relief-follow-up.entity';
import { FollowUpsRepository } from './follow-up/follow-ups.repository';
import { FollowUpsService } from './follow-up/follow-ups.service';
import { FollowUpsController } from './follow-up/follow-ups.controller';
// grants
import { EmergencyGrantsController } from './grants/emergency-grants.controller';
import { EmergencyGrantsRepository } from './grants/emergency-grants.repository';
import { GrantDeadlinesService } from './grants/grant-deadlines.service';
import { GrantLimitsController } from './grants/grant-limits.controller';
import { GrantLimitsRepository } from './grants/grant-limits.repository';
import { GrantLimitsService } from './grants/grant-limits.service';
import { GrantsService } from './grants/grants.service';
// leads
import { LeadDeadlinesService } from './leads/lead-deadlines.service';
import { LeadReportController } from './leads/lead-report.controller';
import { LeadReportService } from './leads/lead-report.service';
import { LeadThrottleService } from './leads/lead-throttle.service';
import { LeadsController } from './leads/leads.controller';
import { LeadsRepository } from './leads/leads.repository';
import { LeadsService } from './leads/leads.service';
import { DonationEntity } from './donations/donation.entity';
import { ReliefFundsRepository } from './funds/relief-funds.repository';
import { ReliefFundsService } from './funds/relief-funds.service';
import { FundStatementsService } from './funds/fund-statements.service';
import { ReliefFundsController } from './funds/relief-funds.controller';
import { DonationsRepository } from './donations/donations.repository';
import { DonationsService } from './donations/donations.service';
import { DonationsController } from './donations/donations.controller';

/**
 * Emergency relief (救急难, DESIGN.md): leads, the emergency intake, funds and donations,
 * grants debited atomically within delegated limits, and the full assessment that must follow.
 * Above matching: a paid grant enters the ledger under its stacking rules and an intake
 * household is matched at top priority.
 */
const providers: Provider[] = [
  // funds
  ReliefFundsRepository,
  ReliefFundsService,
  FundStatementsService,
  // grants
  EmergencyGrantsRepository,
  GrantLimitsRepository,
  GrantLimitsService,
  GrantsService,
  GrantDeadlinesService,
  // donations
  DonationsRepository,
  DonationsService,
  // leads
  LeadsRepository,
  LeadsService,
  LeadThrottleService,
  LeadDeadlinesService,
  LeadReportService,
  // intake
  EmergencyIntakesRepository,
  EmergencyIntakesService,
  // follow-up
  FollowUpsRepository,
  FollowUpsService,
];

@Module({
  imports: [
    AreasModule,
    HouseholdsModule,
    LedgerModule,
    ResourcesModule,
    TypeOrmModule.forFeature([
      // funds
      ReliefFundEntity,
      FundMovementEntity,
      // grants
      EmergencyGrantEntity,
      GrantLimitEntity,
      // donations
      DonationEntity,
      // leads
      LeadEntity,
      // intake
      ReliefIntakeEntity,
      ReliefIntakeFileEntity,
      // follow-up
      ReliefFollowUpEntity,
    ]),
  ],
  providers,
  exports: providers,
})
export class ReliefModule {}

@Module({
  imports: [ReliefModule],
  controllers: [
    // funds
    ReliefFundsController,
    // grants
    EmergencyGrantsController,
    GrantLimitsController,
    // donations
    DonationsController,
    // leads
    LeadsController,
    LeadReportController,
    // intake
    EmergencyIntakesController,
    // follow-up
    FollowUpsController,
  ],
})
export class ReliefHttpModule {}
