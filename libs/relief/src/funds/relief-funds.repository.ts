import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type PageQueryDto, type Principal, pageOffset } from '@onedoor/platform';
import type { FundKind, FundMovementKind, FundStatus } from '../relief.types';

/** A fund as its readers see it (dates as Beijing days, money as fen strings). */
export interface FundRow {
  id: string;
  kind: FundKind;
  name: string;
  areaId: string;
  areaName: string;
  areaPath: string;
  managingOffice: string;
  budgetFen: string;
  balanceFen: string;
  thresholdFen: string;
  lowSince: Date | null;
  periodStart: string;
  periodEnd: string;
  restrictedCategoryCode: string | null;
  status: FundStatus;
  version: number;
  createdAt: Date;
}

export interface NewFund {
  kind: FundKind;
  name: string;
  areaId: string;
  areaPath: string;
  managingOffice: string;
  budgetFen: number;
  thresholdFen: number;
  periodStart: string;
  periodEnd: string;
  restrictedCategoryCode: string | null;
  createdById: string | null;
  at: Date;
}

export interface NewMovement {
  fundId: string;
  kind: FundMovementKind;
  /** Signed fen. */
  amountFen: number | string;
  grantId?: string | null;
  donationId?: string | null;
  note?: string | null;
  occurredAt: Date;
  recordedById: string | null;
}

export interface MovementRow {
  id: string;
  kind: FundMovementKind;
  amountFen: string;
  grantId: string | null;
  donationId: string | null;
  note: string | null;
  occurredAt: Date;
  recordedByName: string | null;
}

export interface FundChanges {
  name?: string;
  managingOffice?: string;
  thresholdFen?: number;
  periodStart?: string;
  periodEnd?: string;
  status?: FundStatus;
}

// Dates leave PostgreSQL as text: the driver would turn a `date` into a Date at the server's
// midnight, another day in Beijing for a server west of it.
const FUND_COLUMNS = `
  f.id, f.kind, f.name, f.area_id AS "areaId", a.name AS "areaName", f.area_path AS "areaPath",
  f.managing_office AS "managingOffice", f.budget_fen AS "budgetFen",
  f.balance_fen AS "balanceFen", f.threshold_fen AS "thresholdFen", f.low_since AS "lowSince",
  to_char(f.period_start, 'YYYY-MM-DD') AS "periodStart",
  to_char(f.period_end, 'YYYY-MM-DD') AS "periodEnd",
  f.restricted_category_code AS "restrictedCategoryCode", f.status, f.version,
  f.created_at AS "createdAt"`;

// The area's name for the list; the join to `area` is the scope index's table (conventions).
const FUND_FROM = `FROM relief_fund f JOIN area a ON a.id = f.area_id`;

const MOVEMENT_COLUMNS = `
  m.id, m.kind, m.amount_fen AS "amountFen", m.grant_id AS "grantId",
  m.donation_id AS "donationId", m.note, m.occurred_at AS "occurredAt",
  u.display_name AS "recordedByName"`;

/**
 * Who sees a fund: one inside the caller's scope, or above it (a district's fund pays the
 * families of its streets, so street staff see it); admin everything; no area, nothing.
 * Returns the SQL condition on `pathExpr` and pushes its parameters.
 */
export function fundVisibility(pathExpr: string, principal: Principal, params: unknown[]): string {
  if (principal.role === 'admin') return 'TRUE';
  if (!principal.areaPath) return 'FALSE';
  params.push(`${principal.areaPath}%`, principal.areaPath);
  const n = params.length;
  return `(${pathExpr} LIKE $${n - 1} OR $${n} LIKE ${pathExpr} || '%')`;
}

/** Every query of the funds: the fund row, its balance's credits and its movements. */
@Injectable()
export class ReliefFundsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async insert(manager: EntityManager, fund: NewFund): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO relief_fund (kind, name, area_id, area_path, managing_office, budget_fen,
                                balance_fen, threshold_fen, period_start, period_end,
                                restricted_category_code, created_by_id, low_since,
                                created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11,
               CASE WHEN $6::bigint < $7::bigint THEN $12::timestamptz END, $12, $12, 1)
       RETURNING id`,
      [
        fund.kind,
        fund.name,
        fund.areaId,
        fund.areaPath,
        fund.managingOffice,
        fund.budgetFen,
        fund.thresholdFen,
        fund.periodStart,
        fund.periodEnd,
        fund.restrictedCategoryCode,
        fund.createdById,
        fund.at,
      ],
    );
    return rows[0].id;
  }

  async find(id: string, manager?: EntityManager): Promise<FundRow | null> {
    const rows: FundRow[] = await this.q(manager).query(
      `SELECT ${FUND_COLUMNS} ${FUND_FROM} WHERE f.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The fund's row locked for an edit: two edits of one fund serialise. */
  async lock(id: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT 1 FROM relief_fund WHERE id = $1 FOR UPDATE`, [id]);
  }

  async list(
    filter: { kind?: FundKind; status?: FundStatus },
    page: PageQueryDto,
    principal: Principal,
  ): Promise<{ rows: FundRow[]; total: number }> {
    const params: unknown[] = [];
    const where = [fundVisibility('f.area_path', principal, params)];
    if (filter.kind) {
      params.push(filter.kind);
      where.push(`f.kind = $${params.length}`);
    }
    if (filter.status) {
      params.push(filter.status);
      where.push(`f.status = $${params.length}`);
    }
    const condition = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM relief_fund f WHERE ${condition}`,
      params,
    );
    const rows: FundRow[] = await this.dataSource.query(
      `SELECT ${FUND_COLUMNS} ${FUND_FROM} WHERE ${condition}
        ORDER BY f.status, f.area_path, f.period_start DESC, f.name, f.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, pageOffset(page)],
    );
    return { rows, total };
  }

  /** Applies an edit, bumping the version; `lowSince` follows a new threshold when it clears. */
  async update(manager: EntityManager, id: string, changes: FundChanges, at: Date): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id, at];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (changes.name !== undefined) set('name', changes.name);
    if (changes.managingOffice !== undefined) set('managing_office', changes.managingOffice);
    if (changes.thresholdFen !== undefined) {
      set('threshold_fen', changes.thresholdFen);
      // A lower threshold the balance now meets ends the "low" spell (the next crossing notifies).
      sets.push(
        `low_since = CASE WHEN balance_fen >= $${params.length} THEN NULL ELSE low_since END`,
      );
    }
    if (changes.periodStart !== undefined) set('period_start', changes.periodStart);
    if (changes.periodEnd !== undefined) set('period_end', changes.periodEnd);
    if (changes.status !== undefined) set('status', changes.status);
    await manager.query(
      `UPDATE relief_fund SET ${[...sets, 'updated_at = $2', 'version = version + 1'].join(', ')}
        WHERE id = $1`,
      params,
    );
  }

  /**
   * Credits an active fund in one statement and answers the new balance, or null when the fund
   * is closed. Back at or above the threshold, the "low" spell ends. The version is not
   * bumped: the balance is not an edited field, so a credit does not make an editor's form stale.
   */
  async credit(
    manager: EntityManager,
    id: string,
    amountFen: number | string,
    at: Date,
  ): Promise<string | null> {
    const [rows] = await manager.query(
      `UPDATE relief_fund
          SET balance_fen = balance_fen + $2::bigint,
              low_since = CASE WHEN balance_fen + $2::bigint >= threshold_fen THEN NULL ELSE low_since END,
              updated_at = $3
        WHERE id = $1 AND status = 'active'
        RETURNING balance_fen AS "balanceFen"`,
      [id, amountFen, at],
    );
    return (rows as Array<{ balanceFen: string }>)[0]?.balanceFen ?? null;
  }

  async insertMovement(manager: EntityManager, m: NewMovement): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO relief_fund_movement (fund_id, kind, amount_fen, grant_id, donation_id, note,
                                         occurred_at, recorded_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        m.fundId,
        m.kind,
        m.amountFen,
        m.grantId ?? null,
        m.donationId ?? null,
        m.note ?? null,
        m.occurredAt,
        m.recordedById,
      ],
    );
    return rows[0].id;
  }

  /** A page of the fund's movements, newest first. */
  async movements(
    fundId: string,
    page: PageQueryDto,
  ): Promise<{ rows: MovementRow[]; total: number }> {
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM relief_fund_movement WHERE fund_id = $1`,
      [fundId],
    );
    const rows: MovementRow[] = await this.dataSource.query(
      `SELECT ${MOVEMENT_COLUMNS}
         FROM relief_fund_movement m LEFT JOIN app_user u ON u.id = m.recorded_by_id
        WHERE m.fund_id = $1
        ORDER BY m.occurred_at DESC, m.created_at DESC, m.id
        LIMIT $2 OFFSET $3`,
      [fundId, page.limit, pageOffset(page)],
    );
    return { rows, total };
  }

  /**
   * A period's statement in one snapshot: the sum of every movement before `start` (the
   * opening balance) and the period's movements in order. `start` and `end` are instants
   * (Beijing midnights), the period half-open [start, end).
   */
  async statement(
    fundId: string,
    start: Date,
    end: Date,
  ): Promise<{ openingFen: string; lines: MovementRow[] }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [{ opening }] = await manager.query(
        `SELECT coalesce(sum(amount_fen), 0)::text AS opening
           FROM relief_fund_movement WHERE fund_id = $1 AND occurred_at < $2`,
        [fundId, start],
      );
      const lines: MovementRow[] = await manager.query(
        `SELECT ${MOVEMENT_COLUMNS}
           FROM relief_fund_movement m LEFT JOIN app_user u ON u.id = m.recorded_by_id
          WHERE m.fund_id = $1 AND m.occurred_at >= $2 AND m.occurred_at < $3
          ORDER BY m.occurred_at, m.created_at, m.id`,
        [fundId, start, end],
      );
      return { openingFen: opening as string, lines };
    });
  }
}
