import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';
import { LoginFailuresRepository } from './login-failures.repository';

/**
 * Refuses logins after too many failures for the same username or from the same client
 * within the window. Counts live in PostgreSQL so every API instance sees the same ones.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly failures: LoginFailuresRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertAllowed(username: string, clientIp: string): Promise<void> {
    const { loginMaxFailures: max, loginFailureWindowMinutes: window } = this.config.auth;
    const counts = await this.failures.count(username, clientIp, window);
    if (counts.byUsername >= max || counts.byClient >= max) {
      const releaseAt = (counts.oldestAt?.getTime() ?? Date.now()) + window * 60_000;
      const retryAfterSeconds = Math.max(1, Math.ceil((releaseAt - Date.now()) / 1000));
      throw new DomainError(
        'TOO_MANY_LOGIN_ATTEMPTS',
        `Too many failed logins; try again in ${retryAfterSeconds} seconds`,
        { retryAfterSeconds },
      );
    }
  }

  recordFailure(username: string, clientIp: string): Promise<void> {
    return this.failures.record(username, clientIp);
  }
}
