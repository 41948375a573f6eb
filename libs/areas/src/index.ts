export * from './area-level';
export * from './area-boundary';
export * from './area.entity';
export * from './areas.repository';
export * from './areas.service';
export * from './areas.module';
export * from './areas-http.module';
export * from './dto/area.dto';

import { AreaEntity } from './area.entity';
/** The lib's entities, for the TypeORM CLI's data source. */
export const AREAS_ENTITIES = [AreaEntity];
export * from './areas.errors';
export * from './overdue-escalation';
export * from './area-level.labels';
export * from './areas.error-messages';
