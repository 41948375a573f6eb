import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a referral approved for a money-gap need covers of the gap (fen): the resource's value
 * up to what was left at the approval. The gap's arithmetic counts it while the referral is
 * pending and the ledger records it when the delivery names no amount, so a resource worth more
 * than what was left does not count (nor enter the ledger) at its full value. Null for needs
 * without a gap and for referrals approved before it existed (their resource's value stands).
 */
export class ReferralCoversFen1765960000000 implements MigrationInterface {
  name = 'ReferralCoversFen1765960000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "referral" ADD "covers_fen" bigint`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "referral" DROP COLUMN "covers_fen"`);
  }
}
