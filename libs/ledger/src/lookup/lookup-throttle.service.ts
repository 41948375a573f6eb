import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, consumeOrRefuse, postgresLimiter } from '@onedoor/platform';

/**
 * Limits lookups per user, per minute and per day (LOOKUP_MAX_PER_MINUTE, LOOKUP_MAX_PER_DAY):
 * a yes/no answer is harmless alone, but enough of them enumerate who receives what. Every
 * well-formed question takes a point before anything is looked up, whatever the answer. The
 * counters live in PostgreSQL beside the login throttle's (same table and pruning, own key
 * prefixes), shared by every API instance; like it, the library follows the system time.
 */
@Injectable()
export class LookupThrottleService {
  private readonly perMinute: RateLimiterPostgres;
  private readonly perDay: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.perMinute = postgresLimiter(dataSource, {
      keyPrefix: 'assistance_lookup_minute',
      points: config.lookup.maxPerMinute,
      durationSeconds: 60,
    });
    this.perDay = postgresLimiter(dataSource, {
      keyPrefix: 'assistance_lookup_day',
      points: config.lookup.maxPerDay,
      durationSeconds: 24 * 60 * 60,
    });
  }

  /**
   * Takes a point of both limits for `userId` and answers how many lookups remain today, or
   * refuses with 429 ASSISTANCE_LOOKUP_RATE_LIMITED and when to retry (Retry-After).
   */
  async consume(userId: string): Promise<number> {
    return consumeOrRefuse(
      async () => {
        await this.perMinute.consume(userId);
        return (await this.perDay.consume(userId)).remainingPoints;
      },
      'ASSISTANCE_LOOKUP_RATE_LIMITED',
      (seconds) => `Too many lookups; try again in ${seconds} seconds`,
    );
  }
}
