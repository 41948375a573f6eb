import { Module } from '@nestjs/common';
import { MatchesController } from './matches.controller';
import { MatchingModule } from './matching.module';
import { ReferralsController } from './referrals/referrals.controller';

@Module({ imports: [MatchingModule], controllers: [MatchesController, ReferralsController] })
export class MatchingHttpModule {}
