// What the apps use: the modules, the entities for the migrations' data source, the services
// the demo seed drives and the matcher's bidding deadline jobs call.
export * from './procurement.module';
export * from './procurement-http.module';
export { REQUIRED_CRITERIA } from './procurement.types';
export type { CreateProjectDto } from './tenders/dto/project.dto';
export { ProjectsService } from './tenders/projects.service';
export { BidsService } from './bids/bids.service';
export { PanelService } from './evaluation/panel.service';
export { ScoringService } from './evaluation/scoring.service';
export { AwardsService } from './awards/awards.service';
export { ContractsRepository } from './contracts/contracts.repository';
export { MilestonesService } from './contracts/milestones.service';
export { PerformanceService } from './performance/performance.service';
export * from './procurement.errors';
export * from './procurement.labels';
export * from './procurement.error-messages';
