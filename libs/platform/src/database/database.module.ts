import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { buildDataSourceOptions, DataSourceParts } from './data-source-options';
import { MigrationRunnerService } from './migration-runner.service';
import { TransactionRunner } from './transaction-runner';

@Global()
@Module({})
export class DatabaseModule {
  /** Entities come from each lib's `TypeOrmModule.forFeature`; the app passes its migrations. */
  static forRoot(options: {
    migrations: DataSourceParts['migrations'];
    applicationName: string;
  }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...buildDataSourceOptions({
              url: config.database.url,
              migrations: options.migrations,
              applicationName: options.applicationName,
            }),
            autoLoadEntities: true,
          }),
        }),
      ],
      providers: [TransactionRunner, MigrationRunnerService],
      exports: [TransactionRunner],
    };
  }
}
