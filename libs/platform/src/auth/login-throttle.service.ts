import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';
import { Clock } from '../time/clock';
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
    private readonly clock: Clock,
  ) {}

  /**
   * Records the attempt *before* the password is checked and counts with it, so that
   * parallel guesses see each other: of N simultaneous wrong attempts, at most the allowed
   * number get to a password check. Returns the attempt's id for {@link succeeded}.
   */
  async begin(username: string, clientIp: string): Promise<string> {
    const { loginMaxFailures: max, loginFailureWindowMinutes: window } = this.config.auth;
    const now = this.clock.now();
    const attempt = await this.failures.record(username, clientIp, now);
    const counts = await this.failures.count(username, clientIp, window, now);
    // The counts include this attempt.
    if (counts.byUsername > max || counts.byClient > max) {
      // A refused attempt doesn't extend the lock-out.
      await this.failures.forget(attempt);
      const releaseAt = (counts.oldestAt?.getTime() ?? now.getTime()) + window * 60_000;
      const retryAfterSeconds = Math.max(1, Math.ceil((releaseAt - now.getTime()) / 1000));
      throw new DomainError(
        'TOO_MANY_LOGIN_ATTEMPTS',
        `Too many failed logins; try again in ${retryAfterSeconds} seconds`,
        { retryAfterSeconds },
      );
    }
    return attempt;
  }

  /** The password was right: the attempt was no failure. */
  succeeded(attempt: string): Promise<void> {
    return this.failures.forget(attempt);
  }
}
