import { Module } from '@nestjs/common';
import { MatchesController } from './matches.controller';
import { MatchingModule } from './matching.module';

@Module({ imports: [MatchingModule], controllers: [MatchesController] })
export class MatchingHttpModule {}
