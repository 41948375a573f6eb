import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { OverdueRow } from '@onedoor/areas';
import { type PageQueryDto, type Principal, pageOffset } from '@onedoor/platform';
import type { FundStatus, GrantStatus } from '../relief.types';

/** A grant as its readers see it, with its fund, household head and community by name. */
export interface GrantRow {
  id: string;
  householdId: string;
  areaPath: string;
  fundId: string;
  leadId: string | null;
  needId: string | null;
  categoryCode: string;
  amountFen: string;
  /** Ciphertext (PiiCipher): the service decrypts it for readers in scope. */
  reason: string;
  status: GrantStatus;
  requestedById: string | null;
  requestedByName: string | null;
  decisionDueAt: Date;
  escalatedAt: Date | null;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  paidAt: Date | null;
  paymentNote: string | null;
  entryId: string | null;
  createdAt: Date;
  version: number;
  fundName: string;
  fundBalanceFen: string;
  fundStatus: FundStatus;
  headName: string | null;
  communityName: string;
}

/** A fund as a grant needs it. */
export interface FundForGrant {
  id: string;
  name: string;
  areaPath: string;
  managingOffice: string;
  status: FundStatus;
  balanceFen: string;
  thresholdFen: string;
  restrictedCategoryCode: string | null;
  /** The last day of its budget period (Beijing), YYYY-MM-DD. */
  periodEnd: string;
}

/** What a request writes. */
export interface NewGrant {
  householdId: string;
  areaPath: string;
  fundId: string;
  leadId: string | null;
  needId: string | null;
  categoryCode: string;
  amountFen: number;
  reason: string;
  requestedById: string;
  decisionDueAt: Date;
}

/** A requested grant past its decision deadline, locked by the sweep. */
/** A requested grant past its decision deadline, in `escalateOverdue`'s shape (path, due_at). */
export interface OverdueGrant extends OverdueRow {
  householdId: string;
  amountFen: string;
  headName: string | null;
  communityName: string;
}

export interface GrantFilter {
  status?: GrantStatus;
  householdId?: string;
}

// The household's head and community (households lib, area tree) are joined for the names a
// decision shows, read-only in the grant's one statement, as the ledger's entries list does.
const HEAD_NAME = `(SELECT hm.name FROM household_member hm
                     WHERE hm.household_id = g.household_id AND hm.is_head LIMIT 1)`;
const GRANT_COLUMNS = `
  g.id, g.household_id AS "householdId", g.area_path AS "areaPath", g.fund_id AS "fundId",
  g.lead_id AS "leadId", g.need_id AS "needId", g.category_code AS "categoryCode",
  g.amount_fen AS "amountFen", g.reason, g.status, g.requested_by_id AS "requestedById",
  rq.display_name AS "requestedByName", g.decision_due_at AS "decisionDueAt",
  g.escalated_at AS "escalatedAt", g.decided_by_id AS "decidedById",
  dc.display_name AS "decidedByName", g.decided_at AS "decidedAt",
  g.decision_note AS "decisionNote", g.paid_at AS "paidAt", g.payment_note AS "paymentNote",
  g.entry_id AS "entryId", g.created_at AS "createdAt", g.version,
  f.name AS "fundName", f.balance_fen AS "fundBalanceFen", f.status AS "fundStatus",
  ${HEAD_NAME} AS "headName", c.name AS "communityName"`;
const GRANT_FROM = `
  FROM emergency_grant g
  JOIN relief_fund f ON f.id = g.fund_id
  JOIN household h ON h.id = g.household_id
  JOIN area c ON c.id = h.community_id
  LEFT JOIN app_user rq ON rq.id = g.requested_by_id
  LEFT JOIN app_user dc ON dc.id = g.decided_by_id`;

/** Every query of the emergency grants, and the fund debit their approval makes. */
@Injectable()
export class EmergencyGrantsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async insert(manager: EntityManager, g: NewGrant): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO emergency_grant (household_id, area_path, fund_id, lead_id, need_id,
              category_code, amount_fen, reason, requested_by_id, decision_due_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1) RETURNING id`,
      [
        g.householdId,
        g.areaPath,
        g.fundId,
        g.leadId,
        g.needId,
        g.categoryCode,
        g.amountFen,
        g.reason,
        g.requestedById,
        g.decisionDueAt,
      ],
    );
    return id;
  }

  async find(id: string, manager?: EntityManager): Promise<GrantRow | null> {
    const rows: GrantRow[] = await this.q(manager).query(
      `SELECT ${GRANT_COLUMNS} ${GRANT_FROM} WHERE g.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The grant's household and area, read without a lock (the household's lock comes first). */
  async householdOf(
    id: string,
    manager: EntityManager,
  ): Promise<{ householdId: string; areaPath: string } | null> {
    const rows = await manager.query(
      `SELECT household_id AS "householdId", area_path AS "areaPath" FROM emergency_grant WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The grant's row locked for a decision or a payment (after the household's lock). */
  async lock(id: string, manager: EntityManager): Promise<GrantRow | null> {
    // One statement: the row lock is the grant's only (OF g), the joined rows are read.
    const rows: GrantRow[] = await manager.query(
      `SELECT ${GRANT_COLUMNS} ${GRANT_FROM} WHERE g.id = $1 FOR UPDATE OF g`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * A page of the grants the caller may see: their area's (admin: all); due first, so the
   * queue shows the most urgent decision at the top.
   */
  async list(
    filter: GrantFilter,
    page: PageQueryDto,
    principal: Principal,
  ): Promise<{ rows: GrantRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (principal.role !== 'admin') {
      // Paths end with '/': a prefix never matches a sibling (as applyAreaScope).
      if (!principal.areaPath) where.push('false');
      else add((p) => `g.area_path LIKE ${p}`, `${principal.areaPath}%`);
    }
    if (filter.status) add((p) => `g.status = ${p}::emergency_grant_status`, filter.status);
    if (filter.householdId) add((p) => `g.household_id = ${p}`, filter.householdId);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM emergency_grant g ${clause}`,
      params,
    );
    const rows: GrantRow[] = await this.dataSource.query(
      `SELECT ${GRANT_COLUMNS} ${GRANT_FROM} ${clause}
        ORDER BY (g.status = 'requested') DESC, g.decision_due_at, g.id
        LIMIT ${page.limit} OFFSET ${pageOffset(page)}`,
      params,
    );
    return { rows, total };
  }

  async fund(id: string, manager?: EntityManager): Promise<FundForGrant | null> {
    const rows: FundForGrant[] = await this.q(manager).query(
      `SELECT id, name, area_path AS "areaPath", managing_office AS "managingOffice", status,
              balance_fen AS "balanceFen", threshold_fen AS "thresholdFen",
              restricted_category_code AS "restrictedCategoryCode", period_end::text AS "periodEnd"
         FROM relief_fund WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The active funds that may pay for a household of this path: its own area's and above. */
  async fundsFor(householdPath: string, today: string): Promise<FundForGrant[]> {
    return this.dataSource.query(
      `SELECT id, name, area_path AS "areaPath", managing_office AS "managingOffice", status,
              balance_fen AS "balanceFen", threshold_fen AS "thresholdFen",
              restricted_category_code AS "restrictedCategoryCode", period_end::text AS "periodEnd"
         FROM relief_fund
        WHERE status = 'active' AND $1 LIKE area_path || '%' AND period_end >= $2::date
        ORDER BY length(area_path) DESC, name`,
      [householdPath, today],
    );
  }

  /**
   * The household's other grants approved and not yet paid: they are not in the ledger yet
   * but will be, so the stacking rules count them (as pending referrals are counted).
   */
  async approvedUnpaidOf(
    manager: EntityManager,
    householdId: string,
    exceptId: string,
  ): Promise<
    Array<{
      id: string;
      needId: string | null;
      categoryCode: string;
      amountFen: string;
      decidedOn: string;
      managingOffice: string;
    }>
  > {
    return manager.query(
      `SELECT g.id, g.need_id AS "needId", g.category_code AS "categoryCode",
              g.amount_fen AS "amountFen", f.managing_office AS "managingOffice",
              to_char(g.decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "decidedOn"
         FROM emergency_grant g JOIN relief_fund f ON f.id = g.fund_id
        WHERE g.household_id = $1 AND g.status = 'approved' AND g.id <> $2`,
      [householdId, exceptId],
    );
  }

  async setApproved(
    manager: EntityManager,
    id: string,
    d: { amountFen: number; fundId: string; byId: string; at: Date; note: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE emergency_grant
          SET status = 'approved', amount_fen = $2, fund_id = $3, decided_by_id = $4,
              decided_at = $5, decision_note = $6, updated_at = $5, version = version + 1
        WHERE id = $1`,
      [id, d.amountFen, d.fundId, d.byId, d.at, d.note],
    );
  }

  /**
   * → rejected, from `from`: a request refused, or an approval cancelled (its note says so; the
   * approval itself stays in the audit log). The last decision is this officer's.
   */
  async setRejected(
    manager: EntityManager,
    id: string,
    from: 'requested' | 'approved',
    d: { byId: string; at: Date; note: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE emergency_grant
          SET status = 'rejected', decided_by_id = $2, decided_at = $3, decision_note = $4,
              updated_at = $3, version = version + 1
        WHERE id = $1 AND status = $5`,
      [id, d.byId, d.at, d.note, from],
    );
  }

  async setPaid(
    manager: EntityManager,
    id: string,
    d: { byId: string; at: Date; note: string; entryId: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE emergency_grant
          SET status = 'paid', paid_by_id = $2, paid_at = $3, payment_note = $4, entry_id = $5,
              updated_at = $3, version = version + 1
        WHERE id = $1`,
      [id, d.byId, d.at, d.note, d.entryId],
    );
  }

  /**
   * The one conditional debit, and the fund's movement for it in the same statement (written
   * only when the debit is): the balance never goes below zero under any concurrency (the
   * row's lock serialises debits; each re-reads the committed balance, and the CHECK backs it).
   * Null: the fund cannot pay it (or is no longer active), and nothing was written. The caller
   * makes it its transaction's last write, so the fund row every approver contends for is held
   * only until the commit.
   */
  async debit(
    manager: EntityManager,
    d: { fundId: string; amountFen: number; grantId: string; at: Date; byId: string; note: string },
  ): Promise<string | null> {
    const rows: Array<{ balance_fen: string }> = await manager.query(
      `WITH debit AS (
         UPDATE relief_fund SET balance_fen = balance_fen - $2::bigint
          WHERE id = $1 AND status = 'active' AND balance_fen >= $2::bigint
         RETURNING id, balance_fen)
       INSERT INTO relief_fund_movement (fund_id, kind, amount_fen, grant_id, note, occurred_at, recorded_by_id)
       SELECT id, 'grant', -$2::bigint, $3, $4, $5, $6 FROM debit
       RETURNING (SELECT balance_fen FROM debit)`,
      [d.fundId, d.amountFen, d.grantId, d.note, d.at, d.byId],
    );
    return rows[0]?.balance_fen ?? null;
  }

  /**
   * Gives a cancelled grant's debit back in one statement: the conditional credit of exactly
   * what its approval debited, to the fund it was debited from, and the fund's `adjustment`
   * movement for it (positive, the grant's id) written only when the credit is. The condition
   * is the grant's debit movement with no credit of it yet, so a grant is credited at most once
   * and never more than it took (the grant's row lock already serialises its cancellations).
   * The fund is credited even if closed since: the money came out of it. Back at or above its
   * threshold, the fund's "low" spell ends. Null: nothing was debited or it was credited before.
   */
  async creditBack(
    manager: EntityManager,
    d: { grantId: string; at: Date; byId: string; note: string },
  ): Promise<{ fundId: string; amountFen: string; balanceFen: string } | null> {
    const rows: Array<{ fundId: string; amountFen: string; balanceFen: string }> =
      await manager.query(
        `WITH debit AS (
           SELECT fund_id, -amount_fen AS amount_fen FROM relief_fund_movement
            WHERE grant_id = $1 AND kind = 'grant'
              AND NOT EXISTS (SELECT 1 FROM relief_fund_movement
                               WHERE grant_id = $1 AND kind = 'adjustment')),
         credit AS (
           UPDATE relief_fund f
              SET balance_fen = f.balance_fen + debit.amount_fen,
                  low_since = CASE WHEN f.balance_fen + debit.amount_fen >= f.threshold_fen
                                   THEN NULL ELSE f.low_since END,
                  updated_at = $2
             FROM debit WHERE f.id = debit.fund_id
           RETURNING f.id, f.balance_fen, debit.amount_fen)
         INSERT INTO relief_fund_movement (fund_id, kind, amount_fen, grant_id, note, occurred_at, recorded_by_id)
         SELECT id, 'adjustment', amount_fen, $1, $3, $2, $4 FROM credit
         RETURNING fund_id AS "fundId", amount_fen AS "amountFen",
                   (SELECT balance_fen FROM credit) AS "balanceFen"`,
        [d.grantId, d.at, d.note, d.byId],
      );
    return rows[0] ?? null;
  }

  /**
   * Marks the fund low when its balance has fallen below its threshold and it was not low
   * already: returns the fund once per crossing. The row is already locked by the debit in
   * this transaction, so two approvals cannot both see `low_since` null.
   */
  async markLow(
    manager: EntityManager,
    fundId: string,
    at: Date,
  ): Promise<{ balanceFen: string; thresholdFen: string } | null> {
    const [rows]: [Array<{ balanceFen: string; thresholdFen: string }>, number] =
      await manager.query(
        `UPDATE relief_fund SET low_since = $2
        WHERE id = $1 AND low_since IS NULL AND balance_fen < threshold_fen
        RETURNING balance_fen AS "balanceFen", threshold_fen AS "thresholdFen"`,
        [fundId, at],
      );
    return rows[0] ?? null;
  }

  /**
   * Requested grants past their deadline and not yet escalated, locked (those an approval
   * holds are skipped: it is deciding them now; the next sweep sees them if it does not).
   */
  async lockOverdue(manager: EntityManager, now: Date, limit = 500): Promise<OverdueGrant[]> {
    return manager.query(
      `WITH due AS (
         SELECT id FROM emergency_grant
          WHERE status = 'requested' AND escalated_at IS NULL AND decision_due_at < $1
          ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
       SELECT g.id, g.household_id AS "householdId", g.area_path AS path,
              g.amount_fen AS "amountFen", g.decision_due_at AS due_at,
              ${HEAD_NAME} AS "headName", c.name AS "communityName"
         FROM due JOIN emergency_grant g ON g.id = due.id
         JOIN household h ON h.id = g.household_id
         JOIN area c ON c.id = h.community_id
        ORDER BY g.id`,
      [now],
    );
  }

  async leadExists(id: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM lead WHERE id = $1`, [id]);
    return rows.length > 0;
  }
}
