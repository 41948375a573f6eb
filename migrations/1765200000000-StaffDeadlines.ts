import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadlines on staff steps (issue 18): a proposal waiting for approval, a resource waiting for
 * review and an organization's application each get a due time, and the sweep records when it
 * found them overdue and to which area it escalated them (so it notifies once). Rows already
 * waiting are backfilled from when they started waiting, with the default hours.
 */
export class StaffDeadlines1765200000000 implements MigrationInterface {
  name = 'StaffDeadlines1765200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "match_proposal"
        ADD "approval_due_at" TIMESTAMP WITH TIME ZONE,
        ADD "overdue_at" TIMESTAMP WITH TIME ZONE,
        ADD "escalated_to_area_id" uuid`);
    await q.query(`
      UPDATE "match_proposal"
         SET "approval_due_at" = "created_at" + CASE WHEN "urgency" = 'emergency'
               THEN interval '24 hours' ELSE interval '72 hours' END
       WHERE "status" = 'proposed'`);
    await q.query(`
      ALTER TABLE "resource"
        ADD "review_due_at" TIMESTAMP WITH TIME ZONE,
        ADD "review_overdue_at" TIMESTAMP WITH TIME ZONE,
        ADD "review_escalated_to_area_id" uuid`);
    await q.query(`
      UPDATE "resource" SET "review_due_at" = "updated_at" + interval '72 hours'
       WHERE "status" = 'pending_review'`);
    await q.query(`
      ALTER TABLE "provider_application"
        ADD "due_at" TIMESTAMP WITH TIME ZONE,
        ADD "overdue_at" TIMESTAMP WITH TIME ZONE,
        ADD "escalated_to_area_id" uuid`);
    await q.query(`
      UPDATE "provider_application" SET "due_at" = "created_at" + interval '120 hours'
       WHERE "status" = 'pending'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "provider_application"
        DROP COLUMN "escalated_to_area_id", DROP COLUMN "overdue_at", DROP COLUMN "due_at"`);
    await q.query(`
      ALTER TABLE "resource" DROP COLUMN "review_escalated_to_area_id",
        DROP COLUMN "review_overdue_at", DROP COLUMN "review_due_at"`);
    await q.query(`
      ALTER TABLE "match_proposal" DROP COLUMN "escalated_to_area_id",
        DROP COLUMN "overdue_at", DROP COLUMN "approval_due_at"`);
  }
}
