import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';
import { postgresLimiter, retryAfterSeconds } from './login-limits.repository';

/** A login in progress, as {@link LoginThrottleService.begin} let it through. */
export interface LoginAttempt {
  usernameAndAddress: string;
  address: string;
}

/**
 * The login-protection pattern of `rate-limiter-flexible`: consecutive failures are limited per
 * username + client address (LOGIN_MAX_FAILURES within LOGIN_FAILURE_WINDOW_MINUTES; a success
 * resets the count), and failures per address get a higher daily limit
 * (LOGIN_MAX_DAILY_FAILURES_PER_ADDRESS). A street office behind one NAT address logs in
 * freely: only *failures* count against the address, after they happened, so a correct
 * password is never refused because others are logging in at the same moment.
 *
 * The counters live in PostgreSQL (RateLimiterPostgres on the app's pool, table made by a
 * migration) rather than Redis: they are not records, but Redis carries the queues only, and
 * login must not need it; every API instance sees the same counts.
 *
 * Time: the library reads `Date.now()` itself and takes no clock, so these windows follow the
 * system time, not the app's Clock (tests move `Date.now` for them).
 */
@Injectable()
export class LoginThrottleService {
  private readonly byUsernameAndAddress: RateLimiterPostgres;
  private readonly byAddressPerDay: RateLimiterPostgres;
  private readonly maxDailyPerAddress: number;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.byUsernameAndAddress = postgresLimiter(dataSource, {
      keyPrefix: 'login_fail_username_ip',
      points: config.auth.loginMaxFailures,
      durationSeconds: config.auth.loginFailureWindowMinutes * 60,
    });
    this.maxDailyPerAddress = config.auth.loginMaxDailyFailuresPerAddress;
    this.byAddressPerDay = postgresLimiter(dataSource, {
      keyPrefix: 'login_fail_ip_per_day',
      points: this.maxDailyPerAddress,
      durationSeconds: 24 * 60 * 60,
    });
  }

  /**
   * Before the password is checked. The address's daily count is only read: logins in progress
   * never count against it. The username+address count takes this attempt's point *now*, so
   * that simultaneous guesses at one account from one address see each other (of N at once,
   * at most the allowed number reach a password check); only that user's own attempts share
   * the key. A success gives the point back by resetting the count.
   */
  async begin(username: string, address: string): Promise<LoginAttempt> {
    const attempt = { usernameAndAddress: `${username}_${address}`, address };
    const daily = await this.byAddressPerDay.get(address);
    if (daily && daily.consumedPoints >= this.maxDailyPerAddress) {
      throw refused(daily);
    }
    try {
      // Refused attempts add a point but never move the expiry: a lock-out is not extended.
      await this.byUsernameAndAddress.consume(attempt.usernameAndAddress);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw refused(rejection);
      throw rejection;
    }
    return attempt;
  }

  /** The password was right: consecutive failures start again from zero. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.byUsernameAndAddress.delete(attempt.usernameAndAddress);
  }

  /** The password was wrong (its username+address point stays): count it against the address. */
  async failed(attempt: LoginAttempt): Promise<void> {
    try {
      await this.byAddressPerDay.consume(attempt.address);
    } catch (rejection) {
      // Over the limit already (failures that ran in parallel): the count is what matters.
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
    }
  }
}

function refused(refusal: RateLimiterRes): DomainError {
  const seconds = retryAfterSeconds(refusal);
  return new DomainError(
    'TOO_MANY_LOGIN_ATTEMPTS',
    `Too many failed logins; try again in ${seconds} seconds`,
    { retryAfterSeconds: seconds },
  );
}
