import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { ImportsQueueProducer } from './imports-queue.producer';
import { MaintenanceQueueProducer } from './maintenance-queue.producer';
import { MailQueueProducer } from './mail-queue.producer';
import { MatchingQueueProducer } from './matching-queue.producer';
import { QUEUES } from './queue.registry';

/**
 * One shared BullMQ connection config and every queue registered, so that producers
 * (API) and consumers (matcher) agree on names and defaults.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    const queues = BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name })));
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            connection: { url: config.redis.url },
            prefix: config.redis.queuePrefix,
            defaultJobOptions: {
              attempts: 5,
              backoff: { type: 'exponential', delay: 2_000 },
              removeOnComplete: { age: 24 * 3600, count: 1_000 },
              // Failed jobs stay visible with their error after the last attempt.
              removeOnFail: false,
            },
          }),
        }),
        queues,
      ],
      providers: [
        MatchingQueueProducer,
        MaintenanceQueueProducer,
        MailQueueProducer,
        ImportsQueueProducer,
      ],
      exports: [
        queues,
        MatchingQueueProducer,
        MaintenanceQueueProducer,
        MailQueueProducer,
        ImportsQueueProducer,
      ],
    };
  }
}
