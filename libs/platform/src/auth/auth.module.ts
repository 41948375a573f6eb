import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { AuthGuard } from './auth.guard';
import { LoginLimitEntity } from './login-limit.entity';
import { LoginLimitsRepository } from './login-limits.repository';
import { LoginThrottleService } from './login-throttle.service';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

/** Users and login-limit storage, for every process (the matcher prunes the limits). */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, LoginLimitEntity])],
  providers: [UsersRepository, LoginLimitsRepository],
  exports: [UsersRepository, LoginLimitsRepository],
})
export class UsersModule {}

/**
 * HTTP authentication: the global guard, the token signer and the login throttle. Only the API
 * imports it; the accounts lib's routes (login, refresh, logout) use what it exports.
 */
@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: given a string, jsonwebtoken first tries it as a PEM
        // public key and builds the secret key from the thrown attempt, on every verify
        // (about 1.4 ms a request on the 2-core machine, see docs/benchmarks.md).
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret)) as unknown as string,
        signOptions: { algorithm: 'HS256', issuer: 'onedoor' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'onedoor' },
      }),
    }),
  ],
  providers: [LoginThrottleService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [JwtModule, LoginThrottleService],
})
export class AuthModule {}
