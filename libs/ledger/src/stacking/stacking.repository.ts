import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { LedgerBenefitRow, StackingRule } from './stacking';

/**
 * The ledger's side of a stacking decision: households' entries and the rules table, one
 * statement each for a whole batch of households (the matcher) or one household in the
 * caller's transaction (an approval, after its household lock).
 */
@Injectable()
export class StackingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Serialises the decisions that add to one household's benefits (approvals across its needs):
   * a transaction-scoped advisory lock on the household id, taken before any row lock
   * (`LOCK_ORDER` in libs/matching). Whoever holds it sees every benefit committed before it.
   */
  async lockHousehold(manager: EntityManager, householdId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`household:${householdId}`]);
  }

  /**
   * These households' ledger entries, voided ones included (they still say which referrals the
   * ledger holds; `householdBenefits` keeps only active ones), by household.
   */
  async entriesOf(
    householdIds: string[],
    manager?: EntityManager,
  ): Promise<Map<string, LedgerBenefitRow[]>> {
    const byHousehold = new Map<string, LedgerBenefitRow[]>(householdIds.map((id) => [id, []]));
    if (householdIds.length === 0) return byHousehold;
    const rows: Array<LedgerBenefitRow & { householdId: string; amountFen: string | null }> =
      await (manager ?? this.dataSource.manager).query(
        `SELECT household_id AS "householdId", source, referral_id AS "referralId", status,
                resource_id AS "resourceId", need_id AS "needId", granted_by AS "grantedBy", title,
                category_code AS "categoryCode", to_char(starts_on, 'YYYY-MM-DD') AS "startsOn",
                to_char(ends_on, 'YYYY-MM-DD') AS "endsOn", amount_fen AS "amountFen"
           FROM assistance_entry WHERE household_id = ANY($1)`,
        [householdIds],
      );
    for (const { householdId, amountFen, ...row } of rows) {
      byHousehold
        .get(householdId)!
        .push({ ...row, amountFen: amountFen === null ? null : Number(amountFen) });
    }
    return byHousehold;
  }

  /** The whole rules table (a district's few dozen rows). */
  rules(manager?: EntityManager): Promise<StackingRule[]> {
    return (manager ?? this.dataSource.manager).query(
      `SELECT id, kind, category_code AS "categoryCode", resource_a_id AS "resourceAId",
              resource_b_id AS "resourceBId", period_months AS "periodMonths"
         FROM stacking_rule`,
    );
  }
}
