import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { type AppConfig, loadConfig, PlatformModule, type QueueName } from '@onedoor/platform';
import { MIGRATIONS } from '../../../migrations';
import { Factory } from '../../factories';

/** A lib's services booted for a service test, with the factories over its database. */
export interface ServiceContext {
  readonly module: TestingModule;
  readonly config: AppConfig;
  readonly dataSource: DataSource;
  readonly factory: Factory;
  get<T>(type: Type<T>): T;
  /** The producer side of a queue (real Redis, the run's prefix), to look at what was queued. */
  queue(name: QueueName): Queue;
  close(): Promise<void>;
}

/**
 * The platform (config, database, queue producers, audit, Clock) and the given lib modules,
 * as the processes wire them, but no HTTP server and no queue consumer: the modules register
 * only producers, and no processor is imported.
 */
export async function startServices(
  modules: Array<Type<unknown>>,
  env: Record<string, string> = {},
): Promise<ServiceContext> {
  const config = loadConfig({ ...process.env, ...env });
  const module = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({
        applicationName: 'onedoor-service-test',
        migrations: MIGRATIONS,
        config,
      }),
      ...modules,
    ],
  }).compile();
  await module.init();
  return {
    module,
    config,
    dataSource: module.get<DataSource>(getDataSourceToken()),
    factory: new Factory(module),
    get: (type) => module.get(type, { strict: false }),
    queue: (name) => module.get<Queue>(getQueueToken(name), { strict: false }),
    close: () => module.close(),
  };
}
