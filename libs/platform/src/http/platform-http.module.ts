import { Module } from '@nestjs/common';
import { AuditController } from '../audit/audit.controller';
import { AuthModule } from '../auth/auth.module';
import { HealthModule } from '../health/health.module';

/** The platform's routes (auth, health, audit). Only the API imports it. */
@Module({
  imports: [AuthModule, HealthModule],
  controllers: [AuditController],
})
export class PlatformHttpModule {}
