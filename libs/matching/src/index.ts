export * from './engine/match-engine';
export * from './match-proposal.entity';
export * from './matching.repository';
export * from './matching.service';
export * from './matches.repository';
export * from './matches.service';
export * from './matching.module';
export * from './matching-http.module';
export * from './dto/match.dto';

import { MatchProposalEntity } from './match-proposal.entity';
/** The lib's entities, for the TypeORM CLI's data source. */
export const MATCHING_ENTITIES = [MatchProposalEntity];
