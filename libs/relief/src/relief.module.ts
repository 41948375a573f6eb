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
// leads
import { LeadDeadlinesService } from './leads/lead-deadlines.service';
import { LeadReportController } from './leads/lead-report.controller';
import { LeadReportService } from './leads/lead-report.service';
import { LeadThrottleService } from './leads/lead-throttle.service';
import { LeadsController } from './leads/leads.controller';
import { LeadsRepository } from './leads/leads.repository';
import { LeadsService } from './leads/leads.service';

/**
 * Emergency relief (救急难, DESIGN.md): leads, the emergency intake, funds and donations,
 * grants debited atomically within delegated limits, and the full assessment that must follow.
 * Above matching: a paid grant enters the ledger under its stacking rules and an intake
 * household is matched at top priority.
 */
const providers: Provider[] = [
  // funds
  // grants
  // donations
  // leads
  LeadsRepository,
  LeadsService,
  LeadThrottleService,
  LeadDeadlinesService,
  LeadReportService,
  // intake
  // follow-up
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
      // leads
      LeadEntity,
      // intake
      // follow-up
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
    // grants
    // donations
    // leads
    LeadsController,
    LeadReportController,
    // intake
    // follow-up
  ],
})
export class ReliefHttpModule {}
