import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

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
