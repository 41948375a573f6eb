import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { pageOffset, type Principal, type Role, windowTotalPage } from '@onedoor/platform';
import type { Tier } from '@onedoor/resources';
import type { BenefitPeriod } from './lookup-period.util';
import type { LookupPurpose, LookupQuestion } from './lookup.types';

export interface NewAssistanceLookup {
  at: Date;
  userId: string;
  role: Role;
  providerId: string | null;
  userAreaPath: string | null;
  purpose: LookupPurpose;
  purposeNote: string | null;
  question: LookupQuestion;
  categoryCode: string | null;
  tier: Tier | null;
  idHmac: string;
  householdId: string | null;
  householdAreaPath: string | null;
  answer: boolean;
  since: string | null;
  until: string | null;
}

export interface AssistanceLookupRow {
  id: string;
  at: Date;
  userId: string;
  userName: string;
  role: Role;
  providerId: string | null;
  providerName: string | null;
  purpose: LookupPurpose;
  purposeNote: string | null;
  question: LookupQuestion;
  categoryCode: string | null;
  tier: Tier | null;
  answer: boolean;
  since: string | null;
  until: string | null;
  /** Null unless the caller's area holds the household. */
  householdId: string | null;
}

export interface AssistanceLookupFilter {
  householdId?: string;
  userId?: string;
  /** Beijing calendar days, inclusive. */
  from?: string;
  to?: string;
}

/** The lookup log, and the ledger periods a lookup answers from. */
@Injectable()
export class AssistanceLookupsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The household's active entries of a category (every source), for the current run. */
  periodsOf(householdId: string, categoryCode: string): Promise<BenefitPeriod[]> {
    return this.dataSource.query(
      `SELECT to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn"
         FROM assistance_entry
        WHERE household_id = $1 AND category_code = $2 AND status = 'active'`,
      [householdId, categoryCode],
    );
  }

  async insert(row: NewAssistanceLookup): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO assistance_lookup (at, user_id, role, provider_id, user_area_path, purpose,
              purpose_note, question, category_code, tier, id_hmac, household_id,
              household_area_path, answer, since, until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        row.at,
        row.userId,
        row.role,
        row.providerId,
        row.userAreaPath,
        row.purpose,
        row.purposeNote,
        row.question,
        row.categoryCode,
        row.tier,
        row.idHmac,
        row.householdId,
        row.householdAreaPath,
        row.answer,
        row.since,
        row.until,
      ],
    );
  }

  /**
   * One page of the log, newest first, as the caller may see it: a provider user their own
   * organization's lookups; staff the lookups about households in their area and those asked
   * by users of their area (the household named only for the first); admin all. The total in
   * the same statement.
   */
  async page(
    filter: AssistanceLookupFilter,
    query: { page: number; limit: number },
    principal: Principal,
  ): Promise<{ rows: AssistanceLookupRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    // Whether the caller's area holds the household: names it in the row.
    let householdShown = 'true';
    if (principal.role === 'provider') {
      where.push(principal.providerId ? `l.provider_id = ${param(principal.providerId)}` : '1 = 0');
      householdShown = 'false';
    } else if (principal.role !== 'admin') {
      if (principal.areaPath) {
        const prefix = param(`${principal.areaPath}%`);
        householdShown = `COALESCE(l.household_area_path LIKE ${prefix}, false)`;
        where.push(`(l.household_area_path LIKE ${prefix} OR l.user_area_path LIKE ${prefix})`);
      } else {
        where.push('1 = 0');
        householdShown = 'false';
      }
    }
    if (filter.householdId) where.push(`l.household_id = ${param(filter.householdId)}`);
    if (filter.userId) where.push(`l.user_id = ${param(filter.userId)}`);
    // Days are Beijing days: from its midnight there to the next day's.
    if (filter.from)
      where.push(`l.at >= (${param(filter.from)}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (filter.to)
      where.push(`l.at < (${param(filter.to)}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const filterParams = [...params];
    const rows: Array<AssistanceLookupRow & { total: string }> = await this.dataSource.query(
      `SELECT l.id, l.at, l.user_id AS "userId", u.display_name AS "userName", l.role,
              l.provider_id AS "providerId", p.name AS "providerName", l.purpose,
              l.purpose_note AS "purposeNote", l.question, l.category_code AS "categoryCode",
              l.tier, l.answer, to_char(l.since, 'YYYY-MM-DD') AS since,
              to_char(l.until, 'YYYY-MM-DD') AS until,
              CASE WHEN ${householdShown} THEN l.household_id END AS "householdId",
              count(*) OVER () AS total
         FROM assistance_lookup l
         JOIN app_user u ON u.id = l.user_id
         LEFT JOIN provider p ON p.id = l.provider_id
        ${whereSql}
        ORDER BY l.at DESC, l.id DESC
        LIMIT ${param(query.limit)} OFFSET ${param(pageOffset(query))}`,
      params,
    );
    return windowTotalPage(rows, query, async () => {
      const [count] = await this.dataSource.query(
        `SELECT count(*)::int AS n FROM assistance_lookup l ${whereSql}`,
        filterParams,
      );
      return count.n as number;
    });
  }
}
