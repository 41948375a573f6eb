import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referrals (one live referral per need: a partial unique index), resources parked for a
 * household after a declined or expired referral, and who decided each proposal.
 */
export class Referrals1763942800000 implements MigrationInterface {
  name = 'Referrals1763942800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE "referral_status" AS ENUM ('open', 'accepted', 'delivered', 'closed', 'declined', 'expired')`,
    );
    await q.query(
      `CREATE TYPE "decline_reason" AS ENUM ('capacity', 'outside_area', 'not_eligible', 'missing_documents', 'household_refused', 'other')`,
    );
    await q.query(`
      CREATE TABLE "referral" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "proposal_id" uuid NOT NULL,
        "need_id" uuid NOT NULL,
        "household_id" uuid NOT NULL,
        "resource_id" uuid NOT NULL,
        "provider_id" uuid NOT NULL,
        "area_path" text NOT NULL,
        "status" "referral_status" NOT NULL DEFAULT 'open',
        "urgency" "need_urgency" NOT NULL,
        "category_code" text NOT NULL,
        "accept_due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "deliver_due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "accepted_at" TIMESTAMP WITH TIME ZONE,
        "delivered_at" TIMESTAMP WITH TIME ZONE,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "ended_at" TIMESTAMP WITH TIME ZONE,
        "decline_reason" "decline_reason",
        "decline_note" text,
        "units_delivered" integer,
        "amount_delivered_fen" bigint,
        "satisfaction" smallint,
        "need_resolved" boolean,
        "feedback_note" text,
        "overdue_at" TIMESTAMP WITH TIME ZONE,
        "escalated_to_area_id" uuid,
        "snapshot" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "ck_referral_satisfaction" CHECK ("satisfaction" IS NULL OR "satisfaction" BETWEEN 1 AND 5),
        CONSTRAINT "pk_referral" PRIMARY KEY ("id"),
        CONSTRAINT "fk_referral_proposal" FOREIGN KEY ("proposal_id") REFERENCES "match_proposal" ("id"),
        CONSTRAINT "fk_referral_need" FOREIGN KEY ("need_id") REFERENCES "need" ("id"),
        CONSTRAINT "fk_referral_household" FOREIGN KEY ("household_id") REFERENCES "household" ("id"),
        CONSTRAINT "fk_referral_resource" FOREIGN KEY ("resource_id") REFERENCES "resource" ("id"),
        CONSTRAINT "fk_referral_provider" FOREIGN KEY ("provider_id") REFERENCES "provider" ("id")
      )`);
    await q.query(`CREATE UNIQUE INDEX "uq_referral_proposal" ON "referral" ("proposal_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_referral_live_need" ON "referral" ("need_id") WHERE status IN ('open', 'accepted', 'delivered')`,
    );
    await q.query(`CREATE INDEX "ix_referral_household_id" ON "referral" ("household_id")`);
    await q.query(`CREATE INDEX "ix_referral_resource_id" ON "referral" ("resource_id")`);
    await q.query(
      `CREATE INDEX "ix_referral_provider_status" ON "referral" ("provider_id", "status")`,
    );
    await q.query(
      `CREATE INDEX "ix_referral_status_due" ON "referral" ("status", "accept_due_at")`,
    );
    // Area scope is a prefix match on the path.
    await q.query(
      `CREATE INDEX "ix_referral_area_path" ON "referral" ("area_path" text_pattern_ops)`,
    );
    await q.query(`
      CREATE TABLE "parked_resource" (
        "household_id" uuid NOT NULL,
        "resource_id" uuid NOT NULL,
        "until" TIMESTAMP WITH TIME ZONE NOT NULL,
        "referral_id" uuid NOT NULL,
        CONSTRAINT "pk_parked_resource" PRIMARY KEY ("household_id", "resource_id")
      )`);
    await q.query(`ALTER TABLE "match_proposal" ADD "decided_by_id" uuid`);
    await q.query(`ALTER TABLE "match_proposal" ADD "decided_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "match_proposal" ADD "decision_reason" text`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "match_proposal" DROP COLUMN "decision_reason"`);
    await q.query(`ALTER TABLE "match_proposal" DROP COLUMN "decided_at"`);
    await q.query(`ALTER TABLE "match_proposal" DROP COLUMN "decided_by_id"`);
    await q.query(`DROP TABLE "parked_resource"`);
    await q.query(`DROP TABLE "referral"`);
    await q.query(`DROP TYPE "decline_reason"`);
    await q.query(`DROP TYPE "referral_status"`);
  }
}
