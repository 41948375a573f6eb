import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A need with a money gap may be served by several live referrals (complementary benefits
 * stacking up to the gap), so "one live referral per need" is no longer a constraint of the
 * table: the approval keeps it for needs without a gap, under the need's lock (and the
 * household's, which serialises every decision adding to its benefits). The partial index stays,
 * not unique, for the lookups of a need's live referrals.
 */
export class StackingReferrals1765910000000 implements MigrationInterface {
  name = 'StackingReferrals1765910000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "uq_referral_live_need"`);
    await q.query(
      `CREATE INDEX "ix_referral_live_need" ON "referral" ("need_id") WHERE status IN ('open', 'accepted', 'delivered')`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_referral_live_need"`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_referral_live_need" ON "referral" ("need_id") WHERE status IN ('open', 'accepted', 'delivered')`,
    );
  }
}
