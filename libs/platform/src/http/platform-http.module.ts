import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditController } from '../audit/audit.controller';
import { AuthModule } from '../auth/auth.module';
import { HealthModule } from '../health/health.module';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';

/** The platform's routes (auth, health, audit) and safe retries of POSTs. Only the API imports it. */
@Module({
  imports: [AuthModule, HealthModule],
  controllers: [AuditController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
})
export class PlatformHttpModule {}
