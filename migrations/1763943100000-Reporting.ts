import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coverage reporting: when each need stopped being open, so a report counts the needs open at
 * any time in its period; and the indexes its aggregate queries join on.
 */
export class Reporting1763943100000 implements MigrationInterface {
  name = 'Reporting1763943100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "need" ADD "ended_at" TIMESTAMP WITH TIME ZONE`);
    // Ended needs are not written again after they end, so their last update is their end.
    await q.query(
      `UPDATE "need" SET "ended_at" = "updated_at" WHERE "status" IN ('fulfilled', 'closed_unmet', 'withdrawn')`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "need" DROP COLUMN "ended_at"`);
  }
}
