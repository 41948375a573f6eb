import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case plans (issue 21): one household, one plan, in versions (a new version is a new row,
 * the highest current; at most one draft per case), its goals per need and their actions,
 * and the family's agreement (a signed file or the adviser's attestation).
 */
export class CasePlans1765800000000 implements MigrationInterface {
  name = 'CasePlans1765800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "case_plan" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "status" text NOT NULL DEFAULT 'draft',
        "agreed_at" TIMESTAMP WITH TIME ZONE,
        "agreed_by_name" text,
        "agreement_method" text,
        "agreement_file_id" uuid,
        "attested_by" uuid,
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "revision" integer NOT NULL DEFAULT 1,
        CONSTRAINT "pk_case_plan" PRIMARY KEY ("id"),
        CONSTRAINT "ck_case_plan_status" CHECK ("status" IN ('draft', 'agreed', 'superseded')),
        CONSTRAINT "ck_case_plan_agreement_method" CHECK ("agreement_method" IS NULL OR "agreement_method" IN ('signed_file', 'attestation')),
        CONSTRAINT "fk_case_plan_case" FOREIGN KEY ("case_id") REFERENCES "household_case"("id"),
        CONSTRAINT "fk_case_plan_agreement_file" FOREIGN KEY ("agreement_file_id") REFERENCES "stored_file"("id"),
        CONSTRAINT "fk_case_plan_attested_by" FOREIGN KEY ("attested_by") REFERENCES "app_user"("id"),
        CONSTRAINT "fk_case_plan_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "ux_case_plan_case_version" ON "case_plan" ("case_id", "version")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ux_case_plan_draft" ON "case_plan" ("case_id") WHERE "status" = 'draft'`,
    );
    await q.query(`
      CREATE TABLE "case_plan_goal" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "plan_id" uuid NOT NULL,
        "need_id" uuid,
        "category" text NOT NULL,
        "title" text NOT NULL,
        "target_date" date,
        "status" text NOT NULL DEFAULT 'open',
        "flagged" boolean NOT NULL DEFAULT false,
        "flag_reason" text,
        "sort" integer NOT NULL DEFAULT 0,
        CONSTRAINT "pk_case_plan_goal" PRIMARY KEY ("id"),
        CONSTRAINT "ck_case_plan_goal_status" CHECK ("status" IN ('open', 'in_progress', 'achieved', 'dropped')),
        CONSTRAINT "ck_case_plan_goal_flag_reason" CHECK ("flag_reason" IS NULL OR "flag_reason" IN ('referral_declined', 'referral_expired')),
        CONSTRAINT "fk_case_plan_goal_plan" FOREIGN KEY ("plan_id") REFERENCES "case_plan"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_case_plan_goal_need" FOREIGN KEY ("need_id") REFERENCES "need"("id")
      )`);
    await q.query(`CREATE INDEX "ix_case_plan_goal_plan" ON "case_plan_goal" ("plan_id", "sort")`);
    await q.query(`CREATE INDEX "ix_case_plan_goal_need" ON "case_plan_goal" ("need_id")`);
    await q.query(`
      CREATE TABLE "case_plan_action" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "goal_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "referral_id" uuid,
        "proposal_id" uuid,
        "description" text NOT NULL,
        "due_date" date,
        "status" text NOT NULL DEFAULT 'todo',
        "sort" integer NOT NULL DEFAULT 0,
        CONSTRAINT "pk_case_plan_action" PRIMARY KEY ("id"),
        CONSTRAINT "ck_case_plan_action_kind" CHECK ("kind" IN ('referral', 'adviser_service', 'family_step')),
        CONSTRAINT "ck_case_plan_action_status" CHECK ("status" IN ('todo', 'done', 'cancelled')),
        CONSTRAINT "fk_case_plan_action_goal" FOREIGN KEY ("goal_id") REFERENCES "case_plan_goal"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_case_plan_action_referral" FOREIGN KEY ("referral_id") REFERENCES "referral"("id"),
        CONSTRAINT "fk_case_plan_action_proposal" FOREIGN KEY ("proposal_id") REFERENCES "match_proposal"("id")
      )`);
    await q.query(`CREATE INDEX "ix_case_plan_action_goal" ON "case_plan_action" ("goal_id")`);
    await q.query(
      `CREATE INDEX "ix_case_plan_action_referral" ON "case_plan_action" ("referral_id")`,
    );
    await q.query(
      `CREATE INDEX "ix_case_plan_action_proposal" ON "case_plan_action" ("proposal_id")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_plan_action"`);
    await q.query(`DROP TABLE "case_plan_goal"`);
    await q.query(`DROP TABLE "case_plan"`);
  }
}
