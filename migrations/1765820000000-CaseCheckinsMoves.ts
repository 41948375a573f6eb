import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 21: light check-ins of a case (typed answers, free text encrypted, what they led to)
 * and household moves between communities (the history of where the family lived).
 */
export class CaseCheckinsMoves1765820000000 implements MigrationInterface {
  name = 'CaseCheckinsMoves1765820000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "case_check_in" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "household_id" uuid NOT NULL,
        "mode" text NOT NULL,
        "income_change" text NOT NULL,
        "new_monthly_income_fen" integer,
        "new_serious_illness" boolean NOT NULL,
        "new_disability" boolean NOT NULL,
        "hospital_stay" boolean NOT NULL,
        "member_changes" text[] NOT NULL,
        "lost_housing" boolean NOT NULL,
        "housing_damage" boolean NOT NULL,
        "rent_arrears" boolean NOT NULL,
        "new_difficulties" text[] NOT NULL,
        "difficulty_note_enc" text,
        "conclusion_enc" text NOT NULL,
        "opened_needs" text[] NOT NULL,
        "assessment_id" uuid,
        "reassessment_reasons" text[] NOT NULL,
        "match_enqueued_at" TIMESTAMP WITH TIME ZONE,
        "by_user_id" uuid NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_case_check_in" PRIMARY KEY ("id"),
        CONSTRAINT "ck_case_check_in_mode" CHECK ("mode" IN ('phone', 'visit')),
        CONSTRAINT "ck_case_check_in_income_change" CHECK ("income_change" IN ('unchanged', 'lost_job', 'fell', 'rose')),
        CONSTRAINT "ck_case_check_in_member_changes" CHECK ("member_changes" <@ ARRAY['birth', 'death', 'moved_in', 'moved_out']::text[]),
        CONSTRAINT "ck_case_check_in_income" CHECK ("new_monthly_income_fen" IS NULL OR "new_monthly_income_fen" >= 0),
        CONSTRAINT "fk_case_check_in_case" FOREIGN KEY ("case_id") REFERENCES "household_case"("id"),
        CONSTRAINT "fk_case_check_in_household" FOREIGN KEY ("household_id") REFERENCES "household"("id"),
        CONSTRAINT "fk_case_check_in_assessment" FOREIGN KEY ("assessment_id") REFERENCES "assessment"("id"),
        CONSTRAINT "fk_case_check_in_by_user" FOREIGN KEY ("by_user_id") REFERENCES "app_user"("id")
      )`);
    await q.query(`CREATE INDEX "ix_case_check_in_case_at" ON "case_check_in" ("case_id", "at")`);
    await q.query(
      `CREATE INDEX "ix_case_check_in_household_id" ON "case_check_in" ("household_id")`,
    );
    // The sweep's read: check-ins whose matching job was never queued.
    await q.query(
      `CREATE INDEX "ix_case_check_in_match_pending" ON "case_check_in" ("at") WHERE "match_enqueued_at" IS NULL AND cardinality("opened_needs") > 0`,
    );
    await q.query(`
      CREATE TABLE "household_move" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "household_id" uuid NOT NULL,
        "from_community_id" uuid NOT NULL,
        "to_community_id" uuid NOT NULL,
        "case_id" uuid,
        "from_adviser_id" uuid,
        "to_adviser_id" uuid,
        "reason" text NOT NULL,
        "by_user_id" uuid NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "withdrawn_proposals" integer NOT NULL DEFAULT 0,
        "match_enqueued_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_household_move" PRIMARY KEY ("id"),
        CONSTRAINT "ck_household_move_other_community" CHECK ("from_community_id" <> "to_community_id"),
        CONSTRAINT "fk_household_move_household" FOREIGN KEY ("household_id") REFERENCES "household"("id"),
        CONSTRAINT "fk_household_move_from" FOREIGN KEY ("from_community_id") REFERENCES "area"("id"),
        CONSTRAINT "fk_household_move_to" FOREIGN KEY ("to_community_id") REFERENCES "area"("id"),
        CONSTRAINT "fk_household_move_case" FOREIGN KEY ("case_id") REFERENCES "household_case"("id"),
        CONSTRAINT "fk_household_move_by_user" FOREIGN KEY ("by_user_id") REFERENCES "app_user"("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_household_move_household_at" ON "household_move" ("household_id", "at")`,
    );
    await q.query(
      `CREATE INDEX "ix_household_move_match_pending" ON "household_move" ("at") WHERE "match_enqueued_at" IS NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "household_move"`);
    await q.query(`DROP TABLE "case_check_in"`);
  }
}
