import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreasModule } from '@onedoor/areas';
import { HouseholdsModule } from '@onedoor/households';
import { ResourcesModule } from '@onedoor/resources';
import { MatchProposalEntity } from './match-proposal.entity';
import { MatchesRepository } from './matches.repository';
import { MatchesService } from './matches.service';
import { MatchingRepository } from './matching.repository';
import { MatchingService } from './matching.service';

const providers = [MatchingRepository, MatchingService, MatchesRepository, MatchesService];

/** Matching for any process; the API adds {@link MatchingHttpModule}, the matcher its processor. */
@Module({
  imports: [
    TypeOrmModule.forFeature([MatchProposalEntity]),
    AreasModule,
    ResourcesModule,
    HouseholdsModule,
  ],
  providers,
  exports: providers,
})
export class MatchingModule {}
