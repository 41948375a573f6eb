import { Module } from '@nestjs/common';
import { CategoriesController } from './categories.controller';
import { HsdsExportController } from './hsds/hsds-export.controller';
import { ProvidersController } from './providers.controller';
import { ResourcesController } from './resources.controller';
import { ResourcesModule } from './resources.module';

@Module({
  imports: [ResourcesModule],
  controllers: [
    ProvidersController,
    CategoriesController,
    ResourcesController,
    HsdsExportController,
  ],
})
export class ResourcesHttpModule {}
