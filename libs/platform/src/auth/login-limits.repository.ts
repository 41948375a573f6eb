import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import type { ErrorCode } from '../errors/error-codes';

/** The login throttle's table, which RateLimiterPostgres reads and writes itself. */
export const LOGIN_LIMIT_TABLE = 'login_limit';

@Injectable()
export class LoginLimitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Deletes counters that have lapsed. The library could do this from a timer in every API
   * process (`clearExpiredByTimeout`); one maintenance job does it instead.
   */
  async prune(now: Date): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM ${LOGIN_LIMIT_TABLE} WHERE expire < $1`,
      [now.getTime()],
    );
    return result[1];
  }
}

/**
 * A rate limiter whose counters live in the `login_limit` table on the app's pool, under its
 * own key prefix: the login throttle's and the organization applications' limiters share the
 * table and its pruning (the matcher's maintenance job; no timer in each API process).
 */
export function postgresLimiter(
  dataSource: DataSource,
  options: { keyPrefix: string; points: number; durationSeconds: number },
): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: dataSource,
    storeType: 'typeorm',
    tableName: LOGIN_LIMIT_TABLE,
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix: options.keyPrefix,
    points: options.points,
    duration: options.durationSeconds,
  });
}

/** Whole seconds until a refused caller may try again (at least one), for Retry-After. */
export function retryAfterSeconds(refusal: RateLimiterRes): number {
  return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
}

/**
 * Runs `take` (a limiter's consume), turning the limiter's refusal into a 4xx `code` whose
 * details carry `retryAfterSeconds` (the filter sets Retry-After from it); other errors pass.
 */
export async function consumeOrRefuse<T>(
  take: () => Promise<T>,
  code: ErrorCode,
  message: (seconds: number) => string,
): Promise<T> {
  try {
    return await take();
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const seconds = retryAfterSeconds(rejection);
    throw new DomainError(code, message(seconds), { retryAfterSeconds: seconds });
  }
}
