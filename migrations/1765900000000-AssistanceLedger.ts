import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The assistance ledger (one record per benefit, from every source) and the stacking rules that
 * replace "one live referral per need, one cash benefit per category". Needs of money-gap
 * categories get an assessed amount; areas say whether they are rural (the bulletin tables
 * count urban and rural apart). Referrals already delivered enter the ledger.
 */
export class AssistanceLedger1765900000000 implements MigrationInterface {
  name = 'AssistanceLedger1765900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "assistance_source" AS ENUM ('referral', 'entry', 'import')`);
    await q.query(`CREATE TYPE "assistance_frequency" AS ENUM ('one_off', 'monthly')`);
    await q.query(`CREATE TYPE "assistance_entry_status" AS ENUM ('active', 'voided')`);
    await q.query(
      `CREATE TYPE "stacking_kind" AS ENUM ('complementary', 'exclusive', 'once_per_period')`,
    );
    await q.query(`ALTER TABLE "area" ADD "rural" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "category" ADD "money_gap" boolean NOT NULL DEFAULT false`);
    await q.query(
      `UPDATE "category" SET "money_gap" = true WHERE "code" IN ('medical', 'education', 'housing')`,
    );
    await q.query(`ALTER TABLE "need" ADD "gap_fen" bigint`);
    await q.query(
      `ALTER TABLE "need" ADD CONSTRAINT "ck_need_gap" CHECK ("gap_fen" IS NULL OR "gap_fen" > 0)`,
    );
    await q.query(`
      CREATE TABLE "assistance_entry" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "household_id" uuid NOT NULL,
        "member_id" uuid,
        "need_id" uuid,
        "source" "assistance_source" NOT NULL,
        "referral_id" uuid,
        "import_id" uuid,
        "provider_id" uuid,
        "granted_by" text NOT NULL,
        "resource_id" uuid,
        "category_code" text NOT NULL,
        "title" text NOT NULL,
        "form" "resource_form" NOT NULL,
        "frequency" "assistance_frequency" NOT NULL,
        "amount_fen" bigint,
        "units" integer,
        "starts_on" date NOT NULL,
        "ends_on" date,
        "area_path" text NOT NULL,
        "tier" "household_tier",
        "residency" "residency" NOT NULL,
        "note" text,
        "status" "assistance_entry_status" NOT NULL DEFAULT 'active',
        "void_reason" text,
        "voided_by_id" uuid,
        "voided_at" TIMESTAMP WITH TIME ZONE,
        "recorded_by_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "pk_assistance_entry" PRIMARY KEY ("id"),
        CONSTRAINT "ck_assistance_entry_amount" CHECK ("amount_fen" IS NULL OR "amount_fen" >= 0),
        CONSTRAINT "ck_assistance_entry_units" CHECK ("units" IS NULL OR "units" > 0),
        CONSTRAINT "ck_assistance_entry_period" CHECK ("ends_on" IS NULL OR "ends_on" >= "starts_on"),
        CONSTRAINT "ck_assistance_entry_one_off" CHECK ("frequency" <> 'one_off' OR "ends_on" = "starts_on"),
        CONSTRAINT "ck_assistance_entry_source" CHECK (("source" = 'referral') = ("referral_id" IS NOT NULL) AND ("source" = 'import') = ("import_id" IS NOT NULL)),
        CONSTRAINT "fk_assistance_entry_household" FOREIGN KEY ("household_id") REFERENCES "household"("id"),
        CONSTRAINT "fk_assistance_entry_member" FOREIGN KEY ("member_id") REFERENCES "household_member"("id") ON DELETE SET NULL,
        CONSTRAINT "fk_assistance_entry_need" FOREIGN KEY ("need_id") REFERENCES "need"("id"),
        CONSTRAINT "fk_assistance_entry_referral" FOREIGN KEY ("referral_id") REFERENCES "referral"("id"),
        CONSTRAINT "fk_assistance_entry_provider" FOREIGN KEY ("provider_id") REFERENCES "provider"("id"),
        CONSTRAINT "fk_assistance_entry_resource" FOREIGN KEY ("resource_id") REFERENCES "resource"("id"),
        CONSTRAINT "fk_assistance_entry_category" FOREIGN KEY ("category_code") REFERENCES "category"("code"),
        CONSTRAINT "fk_assistance_entry_voided_by" FOREIGN KEY ("voided_by_id") REFERENCES "app_user"("id"),
        CONSTRAINT "fk_assistance_entry_recorded_by" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "ux_assistance_entry_referral" ON "assistance_entry" ("referral_id") WHERE "referral_id" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "ix_assistance_entry_household" ON "assistance_entry" ("household_id", "category_code")`,
    );
    await q.query(
      `CREATE INDEX "ix_assistance_entry_category_start" ON "assistance_entry" ("category_code", "starts_on")`,
    );
    await q.query(
      `CREATE INDEX "ix_assistance_entry_area_path" ON "assistance_entry" ("area_path" text_pattern_ops)`,
    );
    await q.query(`
      CREATE TABLE "stacking_rule" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" "stacking_kind" NOT NULL,
        "category_code" text,
        "resource_a_id" uuid,
        "resource_b_id" uuid,
        "period_months" smallint,
        "note" text,
        "created_by_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "pk_stacking_rule" PRIMARY KEY ("id"),
        CONSTRAINT "ck_stacking_rule_subject" CHECK (("category_code" IS NULL) = ("resource_a_id" IS NOT NULL) AND ("resource_a_id" IS NULL) = ("resource_b_id" IS NULL)),
        CONSTRAINT "ck_stacking_rule_pair_order" CHECK ("resource_a_id" IS NULL OR "resource_a_id" <= "resource_b_id"),
        CONSTRAINT "ck_stacking_rule_period" CHECK (("kind" = 'once_per_period') = ("period_months" IS NOT NULL)),
        CONSTRAINT "ck_stacking_rule_period_range" CHECK ("period_months" IS NULL OR "period_months" BETWEEN 1 AND 120),
        CONSTRAINT "fk_stacking_rule_category" FOREIGN KEY ("category_code") REFERENCES "category"("code"),
        CONSTRAINT "fk_stacking_rule_resource_a" FOREIGN KEY ("resource_a_id") REFERENCES "resource"("id"),
        CONSTRAINT "fk_stacking_rule_resource_b" FOREIGN KEY ("resource_b_id") REFERENCES "resource"("id"),
        CONSTRAINT "fk_stacking_rule_created_by" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "ux_stacking_rule_category" ON "stacking_rule" ("category_code") WHERE "category_code" IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ux_stacking_rule_pair" ON "stacking_rule" ("resource_a_id", "resource_b_id") WHERE "resource_a_id" IS NOT NULL`,
    );
    // The defaults a district starts from: subsistence benefits one at a time (the old "one cash
    // benefit per category" where it matters), costs shared up to the gap, one emergency grant a year.
    await q.query(`
      INSERT INTO "stacking_rule" ("kind", "category_code", "period_months", "note", "version")
      SELECT v.kind::stacking_kind, v.code, v.months, v.note, 1
        FROM (VALUES ('exclusive', 'basic_living', NULL::smallint, '基本生活类救助不重复享受'),
                     ('complementary', 'medical', NULL, '医疗费用可由多方救助叠加至自付缺口'),
                     ('complementary', 'education', NULL, '教育费用可由多方救助叠加至缺口'),
                     ('complementary', 'housing', NULL, '住房修缮费用可由多方救助叠加至缺口'),
                     ('once_per_period', 'emergency', 12, '急难救助12个月内限一次')) AS v(kind, code, months, note)
        JOIN "category" c ON c."code" = v.code`);
    // Deliveries made before the ledger existed: one entry each, as the delivery would write it.
    await q.query(`
      INSERT INTO "assistance_entry" ("household_id", "need_id", "source", "referral_id", "provider_id",
             "granted_by", "resource_id", "category_code", "title", "form", "frequency", "amount_fen",
             "units", "starts_on", "ends_on", "area_path", "tier", "residency", "version")
      SELECT r."household_id", r."need_id", 'referral', r."id", r."provider_id", p."name", r."resource_id",
             r."category_code", res."title", res."form", 'one_off',
             COALESCE(r."amount_delivered_fen", res."value_per_unit_fen"), 1,
             (r."delivered_at" AT TIME ZONE 'Asia/Shanghai')::date, (r."delivered_at" AT TIME ZONE 'Asia/Shanghai')::date,
             r."area_path", h."tier", h."residency", 1
        FROM "referral" r
        JOIN "provider" p ON p."id" = r."provider_id"
        JOIN "resource" res ON res."id" = r."resource_id"
        JOIN "household" h ON h."id" = r."household_id"
       WHERE r."delivered_at" IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "stacking_rule"`);
    await q.query(`DROP TABLE "assistance_entry"`);
    await q.query(`ALTER TABLE "need" DROP CONSTRAINT "ck_need_gap"`);
    await q.query(`ALTER TABLE "need" DROP COLUMN "gap_fen"`);
    await q.query(`ALTER TABLE "category" DROP COLUMN "money_gap"`);
    await q.query(`ALTER TABLE "area" DROP COLUMN "rural"`);
    await q.query(`DROP TYPE "stacking_kind"`);
    await q.query(`DROP TYPE "assistance_entry_status"`);
    await q.query(`DROP TYPE "assistance_frequency"`);
    await q.query(`DROP TYPE "assistance_source"`);
  }
}
