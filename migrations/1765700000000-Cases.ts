import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases (issue 21): a household's file and its adviser, at most one open per household, and
 * the history of hand-overs. Households registered before this migration get their case here:
 * open (the adviser being the active assessor who completed their latest assessment, if any)
 * or, for a household that has exited, closed with the reason `exited`.
 */
export class Cases1765700000000 implements MigrationInterface {
  name = 'Cases1765700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "household_case" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "household_id" uuid NOT NULL,
        "status" text NOT NULL DEFAULT 'open',
        "adviser_id" uuid,
        "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "opened_by" uuid,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "close_reason" text,
        "close_note" text,
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "pk_household_case" PRIMARY KEY ("id"),
        CONSTRAINT "ck_household_case_status" CHECK ("status" IN ('open', 'closed')),
        CONSTRAINT "ck_household_case_close_reason" CHECK ("close_reason" IS NULL OR "close_reason" IN ('exited', 'moved_away', 'deceased', 'no_longer_in_difficulty', 'refused')),
        CONSTRAINT "fk_household_case_household" FOREIGN KEY ("household_id") REFERENCES "household"("id"),
        CONSTRAINT "fk_household_case_adviser" FOREIGN KEY ("adviser_id") REFERENCES "app_user"("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "ux_household_case_open" ON "household_case" ("household_id") WHERE "status" = 'open'`,
    );
    await q.query(
      `CREATE INDEX "ix_household_case_household_id" ON "household_case" ("household_id")`,
    );
    await q.query(
      `CREATE INDEX "ix_household_case_adviser_status" ON "household_case" ("adviser_id", "status")`,
    );
    await q.query(`
      CREATE TABLE "case_assignment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "from_adviser_id" uuid,
        "to_adviser_id" uuid,
        "reason" text NOT NULL,
        "by_user_id" uuid NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_case_assignment" PRIMARY KEY ("id"),
        CONSTRAINT "fk_case_assignment_case" FOREIGN KEY ("case_id") REFERENCES "household_case"("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_case_assignment_case_at" ON "case_assignment" ("case_id", "at")`,
    );
    await q.query(`
      INSERT INTO "household_case"
        ("household_id", "status", "adviser_id", "opened_at")
      SELECT h."id",
             'open',
             (SELECT u."id" FROM "assessment" s JOIN "app_user" u ON u."id" = s."assessor_id"
               WHERE s."household_id" = h."id" AND s."completed_at" IS NOT NULL
                 AND u."active" AND u."role" = 'assessor'
               ORDER BY s."completed_at" DESC LIMIT 1),
             h."created_at"
        FROM "household" h`);
    await q.query(`
      UPDATE "household_case" c
         SET "status" = 'closed', "closed_at" = h."updated_at", "close_reason" = 'exited'
        FROM "household" h
       WHERE h."id" = c."household_id" AND h."status" = 'exited'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_assignment"`);
    await q.query(`DROP TABLE "household_case"`);
  }
}
