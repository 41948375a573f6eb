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
  // donations
  DonationsRepository,
  DonationsService,
  // leads
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
      DonationEntity,
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
    ReliefFundsController,
    // grants
    // donations
    DonationsController,
    // leads
    // intake
    // follow-up
  ],
})
export class ReliefHttpModule {}
