import { Clock } from './time/clock';
import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import type { DataSourceParts } from './database/data-source-options';
import { LoggingModule } from './logging/logging.module';
import { QueueModule } from './queue/queue.module';
import { AuditModule } from './audit/audit.module';
import { EventsModule } from './events/events.module';
import { UsersModule } from './auth/auth.module';
import { APP_CONFIG } from './config/config.module';
import { PiiCipher } from './crypto/pii-cipher';
import { IdempotencyStoreModule } from './http/idempotency/idempotency-store.module';
import { FilesModule } from './files/files.module';

export interface PlatformOptions {
  applicationName: string;
  migrations: DataSourceParts['migrations'];
  /** Overrides the environment (tests start a second app against other services). */
  config?: AppConfig;
}

/** Config, logs, database, queues, audit and users: what both processes need. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(options.config),
        LoggingModule.forRoot(),
        DatabaseModule.forRoot({
          migrations: options.migrations,
          applicationName: options.applicationName,
        }),
        QueueModule.forRoot(),
        AuditModule,
        EventsModule,
        UsersModule,
        IdempotencyStoreModule,
        FilesModule,
      ],
      providers: [
        Clock,
        {
          provide: PiiCipher,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            new PiiCipher(config.pii.hmacKey, config.pii.encryptionKey),
        },
      ],
      exports: [UsersModule, IdempotencyStoreModule, FilesModule, PiiCipher, Clock],
    };
  }
}
