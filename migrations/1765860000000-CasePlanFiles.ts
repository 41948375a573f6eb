import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A signed agreement belongs to the case it was uploaded to: agreeing a plan and downloading
 * its page both require the file bound here, so one case's page cannot be named in another's.
 * Files already on a plan are bound to its case.
 */
export class CasePlanFiles1765860000000 implements MigrationInterface {
  name = 'CasePlanFiles1765860000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "case_plan_file" (
        "case_id" uuid NOT NULL,
        "file_id" uuid NOT NULL,
        CONSTRAINT "pk_case_plan_file" PRIMARY KEY ("case_id", "file_id"),
        CONSTRAINT "fk_case_plan_file_case" FOREIGN KEY ("case_id") REFERENCES "household_case"("id"),
        CONSTRAINT "fk_case_plan_file_file" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id")
      )`);
    await q.query(
      `INSERT INTO "case_plan_file" ("case_id", "file_id")
       SELECT DISTINCT "case_id", "agreement_file_id" FROM "case_plan"
        WHERE "agreement_file_id" IS NOT NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_plan_file"`);
  }
}
