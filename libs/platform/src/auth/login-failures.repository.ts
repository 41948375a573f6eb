import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface FailureCounts {
  byUsername: number;
  byClient: number;
  /** When the oldest failure that counts falls out of the window. */
  oldestAt: Date | null;
}

@Injectable()
export class LoginFailuresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Failures since the window opened before `now`; none after `now` is left out, so parallel
   * attempts that read the clock a moment apart still count each other.
   */
  async count(
    username: string,
    clientIp: string,
    windowMinutes: number,
    now: Date,
  ): Promise<FailureCounts> {
    const rows: Array<{ by_username: number; by_client: number; oldest_at: Date | null }> =
      await this.dataSource.query(
        `SELECT count(*) FILTER (WHERE username = $1)::int AS by_username,
                count(*) FILTER (WHERE client_ip = $2::inet)::int AS by_client,
                min(at) AS oldest_at
           FROM login_failure
          WHERE at > $4::timestamptz - make_interval(mins => $3) AND (username = $1 OR client_ip = $2::inet)`,
        [username, clientIp, windowMinutes, now],
      );
    return {
      byUsername: rows[0].by_username,
      byClient: rows[0].by_client,
      oldestAt: rows[0].oldest_at,
    };
  }

  /** Records an attempt as failed until proven otherwise; returns its id. */
  async record(username: string, clientIp: string, at: Date): Promise<string> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO login_failure (username, client_ip, at) VALUES ($1, $2::inet, $3) RETURNING id`,
      [username, clientIp, at],
    );
    return rows[0].id;
  }

  async forget(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failure WHERE id = $1`, [id]);
  }

  async prune(olderThanMinutes: number, now: Date): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM login_failure WHERE at < $2::timestamptz - make_interval(mins => $1)`,
      [olderThanMinutes, now],
    );
    return result[1];
  }
}
