import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Emergency relief (救急难): reserve and donation funds whose balance never goes below zero
 * (the CHECK plus the grant's one conditional debit), their movements (the statements' source),
 * the delegated grant limits per area, emergency grants (requested → approved → paid |
 * rejected; the payment's ledger entry is referenced from the grant), leads, and the ledger's
 * new source `grant`.
 */

export class ReliefFunds1766000000000 implements MigrationInterface {
  name = 'ReliefFunds1766000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // A paid grant is a ledger entry of its own source (not used in this transaction).
    await queryRunner.query(`ALTER TYPE "assistance_source" ADD VALUE IF NOT EXISTS 'grant'`);
    await queryRunner.query(`
            CREATE TYPE "public"."relief_fund_kind" AS ENUM('reserve', 'donation')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."relief_fund_status" AS ENUM('active', 'closed')
        `);
    await queryRunner.query(`
            CREATE TABLE "relief_fund" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" "public"."relief_fund_kind" NOT NULL,
                "name" text NOT NULL,
                "area_id" uuid NOT NULL,
                "area_path" text NOT NULL,
                "managing_office" text NOT NULL,
                "budget_fen" bigint NOT NULL,
                "balance_fen" bigint NOT NULL,
                "threshold_fen" bigint NOT NULL DEFAULT '0',
                "period_start" date NOT NULL,
                "period_end" date NOT NULL,
                "restricted_category_code" text,
                "status" "public"."relief_fund_status" NOT NULL DEFAULT 'active',
                "low_since" TIMESTAMP WITH TIME ZONE,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "ck_relief_fund_period" CHECK ("period_end" >= "period_start"),
                CONSTRAINT "ck_relief_fund_threshold" CHECK ("threshold_fen" >= 0),
                CONSTRAINT "ck_relief_fund_budget" CHECK ("budget_fen" >= 0),
                CONSTRAINT "ck_relief_fund_balance" CHECK ("balance_fen" >= 0),
                CONSTRAINT "PK_a314a8ff26a9a4fa26cc7ab7f55" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_relief_fund_area" ON "relief_fund" ("area_id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."relief_fund_movement_kind" AS ENUM(
                'opening',
                'allocation',
                'donation',
                'grant',
                'adjustment'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "relief_fund_movement" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "fund_id" uuid NOT NULL,
                "kind" "public"."relief_fund_movement_kind" NOT NULL,
                "amount_fen" bigint NOT NULL,
                "grant_id" uuid,
                "donation_id" uuid,
                "note" text,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "recorded_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b24ebfc2964bc601a8484c116b1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_relief_fund_movement_fund_at" ON "relief_fund_movement" ("fund_id", "occurred_at")
        `);
    // One grant debits its fund once, whatever the application does.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_relief_fund_movement_grant" ON "relief_fund_movement" ("grant_id") WHERE kind = 'grant'`,
    );
    await queryRunner.query(`
            CREATE TYPE "public"."lead_status" AS ENUM(
                'reported',
                'triaged',
                'linked',
                'registered',
                'closed'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."lead_source" AS ENUM(
                'reporter',
                'staff',
                'assessor',
                'provider',
                'public'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "lead" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "status" "public"."lead_status" NOT NULL DEFAULT 'reported',
                "source" "public"."lead_source" NOT NULL,
                "reported_by_id" uuid,
                "reporter_name" text NOT NULL,
                "reporter_phone_enc" text,
                "subject_name" text NOT NULL,
                "id_hmac" character(64),
                "id_enc" text,
                "id_masked" text,
                "phone_hmac" character(64),
                "phone_enc" text,
                "community_id" uuid NOT NULL,
                "area_path" text NOT NULL,
                "address" text,
                "situation_enc" text NOT NULL,
                "triage_due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "escalated_at" TIMESTAMP WITH TIME ZONE,
                "triaged_by_id" uuid,
                "triaged_at" TIMESTAMP WITH TIME ZONE,
                "household_id" uuid,
                "close_reason" text,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_ca96c1888f7dcfccab72b72fffa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_lead_reported_by" ON "lead" ("reported_by_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_lead_status_due" ON "lead" ("status", "triage_due_at")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."emergency_grant_status" AS ENUM('requested', 'approved', 'paid', 'rejected')
        `);
    await queryRunner.query(`
            CREATE TABLE "emergency_grant" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "household_id" uuid NOT NULL,
                "area_path" text NOT NULL,
                "fund_id" uuid NOT NULL,
                "lead_id" uuid,
                "need_id" uuid,
                "category_code" text NOT NULL DEFAULT 'emergency',
                "amount_fen" bigint NOT NULL,
                "reason" text NOT NULL,
                "status" "public"."emergency_grant_status" NOT NULL DEFAULT 'requested',
                "requested_by_id" uuid,
                "decision_due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "escalated_at" TIMESTAMP WITH TIME ZONE,
                "escalated_to_area_id" uuid,
                "decided_by_id" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "decision_note" text,
                "paid_at" TIMESTAMP WITH TIME ZONE,
                "paid_by_id" uuid,
                "payment_note" text,
                "entry_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "ck_emergency_grant_paid" CHECK (("status" = 'paid') = ("paid_at" IS NOT NULL)),
                CONSTRAINT "ck_emergency_grant_amount" CHECK ("amount_fen" > 0),
                CONSTRAINT "PK_39a7b43143e759a4ec8e4e21bec" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_emergency_grant_entry" ON "emergency_grant" ("entry_id")
            WHERE "entry_id" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_emergency_grant_due" ON "emergency_grant" ("decision_due_at")
            WHERE "status" = 'requested'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_emergency_grant_fund" ON "emergency_grant" ("fund_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_emergency_grant_household" ON "emergency_grant" ("household_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "relief_grant_limit" (
                "area_id" uuid NOT NULL,
                "max_fen" bigint,
                "updated_by_id" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e29b213f17d75ca2fbb3dbba989" PRIMARY KEY ("area_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "relief_fund"
            ADD CONSTRAINT "fk_relief_fund_area" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "relief_fund"
            ADD CONSTRAINT "fk_relief_fund_created_by" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "relief_fund_movement"
            ADD CONSTRAINT "fk_relief_fund_movement_fund" FOREIGN KEY ("fund_id") REFERENCES "relief_fund"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "relief_fund_movement"
            ADD CONSTRAINT "fk_relief_fund_movement_recorded_by" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "lead"
            ADD CONSTRAINT "fk_lead_reported_by" FOREIGN KEY ("reported_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "lead"
            ADD CONSTRAINT "fk_lead_community" FOREIGN KEY ("community_id") REFERENCES "area"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "lead"
            ADD CONSTRAINT "fk_lead_triaged_by" FOREIGN KEY ("triaged_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "lead"
            ADD CONSTRAINT "fk_lead_household" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant"
            ADD CONSTRAINT "fk_emergency_grant_household" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant"
            ADD CONSTRAINT "fk_emergency_grant_fund" FOREIGN KEY ("fund_id") REFERENCES "relief_fund"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant"
            ADD CONSTRAINT "fk_emergency_grant_lead" FOREIGN KEY ("lead_id") REFERENCES "lead"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant"
            ADD CONSTRAINT "fk_emergency_grant_need" FOREIGN KEY ("need_id") REFERENCES "need"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant"
            ADD CONSTRAINT "fk_emergency_grant_category" FOREIGN KEY ("category_code") REFERENCES "category"("code") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant"
            ADD CONSTRAINT "fk_emergency_grant_requested_by" FOREIGN KEY ("requested_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant"
            ADD CONSTRAINT "fk_emergency_grant_decided_by" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant"
            ADD CONSTRAINT "fk_emergency_grant_paid_by" FOREIGN KEY ("paid_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant"
            ADD CONSTRAINT "fk_emergency_grant_escalated_to_area" FOREIGN KEY ("escalated_to_area_id") REFERENCES "area"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant"
            ADD CONSTRAINT "fk_emergency_grant_entry" FOREIGN KEY ("entry_id") REFERENCES "assistance_entry"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "relief_grant_limit"
            ADD CONSTRAINT "fk_relief_grant_limit_area" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "relief_grant_limit"
            ADD CONSTRAINT "fk_relief_grant_limit_updated_by" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    // "Inside an area" is a prefix test on the copied path.
    for (const table of ['relief_fund', 'lead', 'emergency_grant'])
      await queryRunner.query(
        `CREATE INDEX "ix_${table}_area_path" ON "${table}" ("area_path" text_pattern_ops)`,
      );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "relief_grant_limit" DROP CONSTRAINT "fk_relief_grant_limit_updated_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "relief_grant_limit" DROP CONSTRAINT "fk_relief_grant_limit_area"
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant" DROP CONSTRAINT "fk_emergency_grant_entry"
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant" DROP CONSTRAINT "fk_emergency_grant_escalated_to_area"
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant" DROP CONSTRAINT "fk_emergency_grant_paid_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant" DROP CONSTRAINT "fk_emergency_grant_decided_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant" DROP CONSTRAINT "fk_emergency_grant_requested_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant" DROP CONSTRAINT "fk_emergency_grant_category"
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant" DROP CONSTRAINT "fk_emergency_grant_need"
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant" DROP CONSTRAINT "fk_emergency_grant_lead"
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant" DROP CONSTRAINT "fk_emergency_grant_fund"
        `);
    await queryRunner.query(`
            ALTER TABLE "emergency_grant" DROP CONSTRAINT "fk_emergency_grant_household"
        `);
    await queryRunner.query(`
            ALTER TABLE "lead" DROP CONSTRAINT "fk_lead_household"
        `);
    await queryRunner.query(`
            ALTER TABLE "lead" DROP CONSTRAINT "fk_lead_triaged_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "lead" DROP CONSTRAINT "fk_lead_community"
        `);
    await queryRunner.query(`
            ALTER TABLE "lead" DROP CONSTRAINT "fk_lead_reported_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "relief_fund_movement" DROP CONSTRAINT "fk_relief_fund_movement_recorded_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "relief_fund_movement" DROP CONSTRAINT "fk_relief_fund_movement_fund"
        `);
    await queryRunner.query(`
            ALTER TABLE "relief_fund" DROP CONSTRAINT "fk_relief_fund_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "relief_fund" DROP CONSTRAINT "fk_relief_fund_area"
        `);
    await queryRunner.query(`
            DROP TABLE "relief_grant_limit"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_emergency_grant_household"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_emergency_grant_fund"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_emergency_grant_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_emergency_grant_entry"
        `);
    await queryRunner.query(`
            DROP TABLE "emergency_grant"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."emergency_grant_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_lead_status_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_lead_reported_by"
        `);
    await queryRunner.query(`
            DROP TABLE "lead"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."lead_source"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."lead_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_relief_fund_movement_grant"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_relief_fund_movement_fund_at"
        `);
    await queryRunner.query(`
            DROP TABLE "relief_fund_movement"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."relief_fund_movement_kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_relief_fund_area"
        `);
    await queryRunner.query(`
            DROP TABLE "relief_fund"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."relief_fund_status"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."relief_fund_kind"
        `);
  }
}
