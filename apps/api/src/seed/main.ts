import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SeedModule } from './seed.module';
import { DemoSeedService } from './demo-seed.service';

/** `npm run seed`: migrate, then load the demo district (never in production). */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(), {
    logger: ['error', 'warn', 'log'],
  });
  try {
    await app.get(DemoSeedService).run();
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
