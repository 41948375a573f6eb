import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { runMigrationsWithLock } from './run-migrations';

/** Applies pending migrations when a process starts (unless DB_MIGRATE_ON_START=false). */
@Injectable()
export class MigrationRunnerService implements OnModuleInit {
  private readonly logger = new Logger(MigrationRunnerService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.database.migrateOnStart) return;
    const applied = await runMigrationsWithLock(this.dataSource);
    if (applied.length > 0) {
      this.logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
    }
  }
}
