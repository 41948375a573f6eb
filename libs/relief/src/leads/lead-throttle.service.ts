import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, consumeOrRefuse, postgresLimiter } from '@onedoor/platform';

/**
 * Limits the public lead form per client address (LEAD_PUBLIC_MAX_PER_HOUR): without a login
 * anyone could flood the community's triage queue. Every well-formed report takes a point
 * before anything else happens — the honeypot's too, so a robot learns nothing from timing or
 * counts. The counters live in PostgreSQL beside the login throttle's (same table and pruning,
 * own key prefix), shared by every API instance; like it, the library follows the system time.
 */
@Injectable()
export class LeadThrottleService {
  private readonly perAddress: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.perAddress = postgresLimiter(dataSource, {
      keyPrefix: 'public_lead_ip',
      points: config.leads.publicMaxPerHour,
      durationSeconds: 60 * 60,
    });
  }

  /** Takes a point for `address`, or refuses with 429 TOO_MANY_REQUESTS and when to retry. */
  async consume(address: string): Promise<void> {
    await consumeOrRefuse(
      () => this.perAddress.consume(address),
      'TOO_MANY_REQUESTS',
      (seconds) => `Too many reports from this address; try again in ${seconds} seconds`,
    );
  }
}
