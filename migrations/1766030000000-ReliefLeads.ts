import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leads (issue 23, part leads): the `reporter` role (信息员), and the lead's reference number
 * (the only thing the public form answers), the reporter's relation to the family, how many
 * registry candidates the report found, and the area a missed triage deadline escalated to.
 */
export class ReliefLeads1766030000000 implements MigrationInterface {
  name = 'ReliefLeads1766030000000';

  public async up(q: QueryRunner): Promise<void> {
    // Appended last, as in ROLES (the schema drift check compares the values).
    await q.query(`ALTER TYPE "user_role" ADD VALUE IF NOT EXISTS 'reporter'`);
    await q.query(`
      ALTER TABLE "lead"
        ADD "reference" text NOT NULL,
        ADD "reporter_relation" text,
        ADD "candidate_count" integer NOT NULL DEFAULT 0,
        ADD "escalated_to_area_id" uuid
    `);
    await q.query(`ALTER TABLE "lead" ADD CONSTRAINT "uq_lead_reference" UNIQUE ("reference")`);
    await q.query(`
      ALTER TABLE "lead" ADD CONSTRAINT "fk_lead_escalated_to_area"
        FOREIGN KEY ("escalated_to_area_id") REFERENCES "area"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "lead" DROP CONSTRAINT "fk_lead_escalated_to_area"`);
    await q.query(`ALTER TABLE "lead" DROP CONSTRAINT "uq_lead_reference"`);
    await q.query(`
      ALTER TABLE "lead"
        DROP COLUMN "escalated_to_area_id",
        DROP COLUMN "candidate_count",
        DROP COLUMN "reporter_relation",
        DROP COLUMN "reference"
    `);
    // PostgreSQL cannot drop an enum value: the type is rebuilt without it. Reporter accounts
    // would not fit; they are people's accounts, so the revert refuses rather than delete them.
    const [{ n }] = await q.query(
      `SELECT count(*)::int AS n FROM app_user WHERE role = 'reporter'`,
    );
    if (n > 0) throw new Error(`${n} reporter accounts exist: change their role before reverting`);
    // The contracted-worker check compares the role: dropped while the column changes type.
    await q.query(`ALTER TABLE "app_user" DROP CONSTRAINT "ck_app_user_contracted"`);
    await q.query(`ALTER TYPE "user_role" RENAME TO "user_role_old"`);
    await q.query(
      `CREATE TYPE "user_role" AS ENUM ('admin', 'civil_affairs', 'assessor', 'provider', 'evaluator')`,
    );
    for (const table of ['app_user', 'assistance_lookup', 'household_read'])
      await q.query(
        `ALTER TABLE "${table}" ALTER COLUMN "role" TYPE "user_role" USING "role"::text::"user_role"`,
      );
    await q.query(`DROP TYPE "user_role_old"`);
    await q.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "ck_app_user_contracted" CHECK ("contract_id" IS NULL OR ("role" = 'assessor' AND "provider_id" IS NOT NULL AND "access_until" IS NOT NULL))`,
    );
  }
}
