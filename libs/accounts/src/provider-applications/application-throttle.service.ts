import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { consumeOrRefuse, postgresLimiter } from '@onedoor/platform';

/** Applications one client address may send per hour. */
export const APPLICATIONS_PER_ADDRESS_PER_HOUR = 5;

/**
 * Limits applications per client address: the form needs no login, so without a limit anyone
 * could fill the reviewers' queue (or probe which codes are registered, each answer counting).
 * Every well-formed application takes a point before anything is looked up, whatever the
 * answer. The counters live in PostgreSQL beside the login throttle's (same table, own key
 * prefix; the matcher's maintenance job prunes both), so every API instance shares them and
 * no Redis is needed. Like the login throttle, the library follows the system time.
 */
@Injectable()
export class ApplicationThrottleService {
  private readonly perAddress: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.perAddress = postgresLimiter(dataSource, {
      keyPrefix: 'provider_application_ip',
      points: APPLICATIONS_PER_ADDRESS_PER_HOUR,
      durationSeconds: 60 * 60,
    });
  }

  /** Takes a point for `address`, or refuses with 429 TOO_MANY_REQUESTS and when to retry. */
  async consume(address: string): Promise<void> {
    await consumeOrRefuse(
      () => this.perAddress.consume(address),
      'TOO_MANY_REQUESTS',
      (seconds) => `Too many applications from this address; try again in ${seconds} seconds`,
    );
  }
}
