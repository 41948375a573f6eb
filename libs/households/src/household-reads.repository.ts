import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { pageOffset, type Principal, type Role, windowTotalPage } from '@onedoor/platform';

export interface HouseholdReadRow {
  id: string;
  at: Date;
  userId: string;
  userName: string;
  role: Role;
  householdId: string;
  householdName: string | null;
  communityName: string;
  page: string;
}

export interface HouseholdReadFilter {
  householdId?: string;
  userId?: string;
  /** Beijing calendar days, inclusive. */
  from?: string;
  to?: string;
}

/** The access log: one insert per read, and the supervisors' pages over it, newest first. */
@Injectable()
export class HouseholdReadsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(read: {
    at: Date;
    userId: string;
    role: Role;
    householdId: string;
    page: string;
  }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO household_read (at, user_id, role, household_id, page) VALUES ($1, $2, $3, $4, $5)`,
      [read.at, read.userId, read.role, read.householdId, read.page],
    );
  }

  /**
   * One page of reads of households in the caller's scope (the household's community path,
   * joined to `area` as every scope filter is), with the filters; the total in the same
   * statement.
   */
  async page(
    filter: HouseholdReadFilter,
    query: { page: number; limit: number },
    principal: Principal,
  ): Promise<{ rows: HouseholdReadRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (principal.role !== 'admin') {
      // No area: sees nothing (like applyAreaScope).
      where.push(principal.areaPath ? `c.path LIKE ${param(`${principal.areaPath}%`)}` : '1 = 0');
    }
    if (filter.householdId) where.push(`r.household_id = ${param(filter.householdId)}`);
    if (filter.userId) where.push(`r.user_id = ${param(filter.userId)}`);
    // Days are Beijing days: from its midnight there to the next day's.
    if (filter.from)
      where.push(`r.at >= (${param(filter.from)}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (filter.to)
      where.push(`r.at < (${param(filter.to)}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    const rows: Array<HouseholdReadRow & { total: string }> = await this.dataSource.query(
      `SELECT r.id, r.at, r.user_id AS "userId", u.display_name AS "userName", r.role,
              r.household_id AS "householdId", c.name AS "communityName", r.page,
              (SELECT hm.name FROM household_member hm
                WHERE hm.household_id = r.household_id AND hm.is_head LIMIT 1) AS "householdName",
              count(*) OVER () AS total
         FROM household_read r
         JOIN household h ON h.id = r.household_id
         JOIN area c ON c.id = h.community_id
         JOIN app_user u ON u.id = r.user_id
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY r.at DESC, r.id DESC
        LIMIT ${param(query.limit)} OFFSET ${param(pageOffset(query))}`,
      params,
    );
    return windowTotalPage(rows, query, () => this.count(where, params));
  }

  /** The filters' count alone (windowTotalPage, for a page past the end). */
  private async count(where: string[], params: unknown[]): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n
         FROM household_read r
         JOIN household h ON h.id = r.household_id
         JOIN area c ON c.id = h.community_id
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
      params.slice(0, -2),
    );
    return row.n as number;
  }
}
