import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreasModule } from '@onedoor/areas';
import { CategoriesRepository } from './categories.repository';
import { CategoriesService } from './categories.service';
import { CategoryDictionary } from './category-dictionary';
import { CategoryEntity } from './category.entity';
import { HsdsExportService } from './hsds/hsds-export.service';
import { ProviderEntity } from './provider.entity';
import { ProvidersRepository } from './providers.repository';
import { ProvidersService } from './providers.service';
import { ResourceEntity } from './resource.entity';
import { ResourceCandidatesRepository } from './resource-candidates.repository';
import { ResourceCapacityRepository } from './resource-capacity.repository';
import { ResourceSummariesRepository } from './resource-summaries.repository';
import { ResourceLifecycleService } from './resource-lifecycle.service';
import { ResourceReviewDeadlinesService } from './resource-review-deadlines.service';
import { ResourcesRepository } from './resources.repository';
import { ResourcesService } from './resources.service';

const services = [
  ProvidersRepository,
  ProvidersService,
  CategoriesRepository,
  CategoriesService,
  CategoryDictionary,
  ResourcesRepository,
  ResourceCapacityRepository,
  ResourceCandidatesRepository,
  ResourceSummariesRepository,
  ResourcesService,
  ResourceLifecycleService,
  ResourceReviewDeadlinesService,
  HsdsExportService,
];

/** The resource pool for any process; the API adds {@link ResourcesHttpModule}. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ProviderEntity, CategoryEntity, ResourceEntity]),
    AreasModule,
  ],
  providers: services,
  exports: services,
})
export class ResourcesModule {}
