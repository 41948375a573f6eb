import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lookup departments and providers ask with a declared purpose (`assistance_lookup`: every
 * question logged, the identity number only as its keyed digest) and the access log of staff
 * reads of household records (`household_read`), both reviewed by the household's area staff.
 */
export class LookupsAndReads1765920000000 implements MigrationInterface {
  name = 'LookupsAndReads1765920000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE "lookup_purpose" AS ENUM ('eligibility_review', 'duplicate_check', 'referral_service', 'other')`,
    );
    await q.query(`CREATE TYPE "lookup_question" AS ENUM ('receives', 'tier')`);
    await q.query(`
      CREATE TABLE "assistance_lookup" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "user_id" uuid NOT NULL,
        "role" "user_role" NOT NULL,
        "provider_id" uuid,
        "user_area_path" text,
        "purpose" "lookup_purpose" NOT NULL,
        "purpose_note" text,
        "question" "lookup_question" NOT NULL,
        "category_code" text,
        "tier" "household_tier",
        "id_hmac" character(64) NOT NULL,
        "household_id" uuid,
        "household_area_path" text,
        "answer" boolean NOT NULL,
        "since" date,
        "until" date,
        CONSTRAINT "pk_assistance_lookup" PRIMARY KEY ("id"),
        CONSTRAINT "ck_assistance_lookup_subject" CHECK (("question" = 'receives') = ("category_code" IS NOT NULL) AND ("question" = 'tier') = ("tier" IS NOT NULL)),
        CONSTRAINT "ck_assistance_lookup_note" CHECK ("purpose" <> 'other' OR "purpose_note" IS NOT NULL),
        CONSTRAINT "fk_assistance_lookup_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id"),
        CONSTRAINT "fk_assistance_lookup_provider" FOREIGN KEY ("provider_id") REFERENCES "provider"("id"),
        CONSTRAINT "fk_assistance_lookup_category" FOREIGN KEY ("category_code") REFERENCES "category"("code"),
        CONSTRAINT "fk_assistance_lookup_household" FOREIGN KEY ("household_id") REFERENCES "household"("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_assistance_lookup_household_at" ON "assistance_lookup" ("household_id", "at")`,
    );
    await q.query(`CREATE INDEX "ix_assistance_lookup_at" ON "assistance_lookup" ("at")`);
    await q.query(
      `CREATE INDEX "ix_assistance_lookup_user_at" ON "assistance_lookup" ("user_id", "at")`,
    );
    await q.query(
      `CREATE INDEX "ix_assistance_lookup_provider_at" ON "assistance_lookup" ("provider_id", "at")`,
    );
    await q.query(
      `CREATE INDEX "ix_assistance_lookup_household_area" ON "assistance_lookup" ("household_area_path" text_pattern_ops)`,
    );
    await q.query(
      `CREATE INDEX "ix_assistance_lookup_user_area" ON "assistance_lookup" ("user_area_path" text_pattern_ops)`,
    );
    await q.query(`
      CREATE TABLE "household_read" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "user_id" uuid NOT NULL,
        "role" "user_role" NOT NULL,
        "household_id" uuid NOT NULL,
        "page" text NOT NULL,
        CONSTRAINT "pk_household_read" PRIMARY KEY ("id"),
        CONSTRAINT "fk_household_read_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id"),
        CONSTRAINT "fk_household_read_household" FOREIGN KEY ("household_id") REFERENCES "household"("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_household_read_household_at" ON "household_read" ("household_id", "at")`,
    );
    await q.query(`CREATE INDEX "ix_household_read_at" ON "household_read" ("at")`);
    await q.query(`CREATE INDEX "ix_household_read_user_at" ON "household_read" ("user_id", "at")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "household_read"`);
    await q.query(`DROP TABLE "assistance_lookup"`);
    await q.query(`DROP TYPE "lookup_question"`);
    await q.query(`DROP TYPE "lookup_purpose"`);
  }
}
