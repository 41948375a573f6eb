import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Government service purchasing, part 1: service projects (tenders), sealed bids (one live
 * bid per organization and project: a partial unique index), the evaluation panel with its
 * conflict declarations, locked scores and moderations, and awards (one pending or accepted
 * per project).
 */
export class Procurement1763942900000 implements MigrationInterface {
  name = 'Procurement1763942900000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE "service_project_status" AS ENUM ('draft', 'published', 'bidding_closed', 'evaluating', 'awarded', 'failed', 'cancelled')`,
    );
    await q.query(`CREATE TYPE "bid_status" AS ENUM ('submitted', 'withdrawn', 'replaced')`);
    await q.query(
      `CREATE TYPE "bid_qualification" AS ENUM ('pending', 'qualified', 'disqualified')`,
    );
    await q.query(`CREATE TYPE "award_status" AS ENUM ('pending', 'accepted', 'declined')`);
    await q.query(`
      CREATE TABLE "service_project" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "title" text NOT NULL,
        "category_code" text NOT NULL,
        "area_id" uuid NOT NULL,
        "area_path" text NOT NULL,
        "budget_fen" bigint NOT NULL,
        "target_households" integer NOT NULL,
        "service_start" date NOT NULL,
        "service_end" date NOT NULL,
        "description" text NOT NULL,
        "requirements" jsonb NOT NULL,
        "criteria" jsonb NOT NULL,
        "status" "service_project_status" NOT NULL DEFAULT 'draft',
        "published_at" TIMESTAMP WITH TIME ZONE,
        "closes_at" TIMESTAMP WITH TIME ZONE,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "end_reason" text,
        "created_by_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "ck_service_project_period" CHECK ("service_end" >= "service_start"),
        CONSTRAINT "ck_service_project_budget" CHECK ("budget_fen" > 0),
        CONSTRAINT "pk_service_project" PRIMARY KEY ("id"),
        CONSTRAINT "fk_service_project_area" FOREIGN KEY ("area_id") REFERENCES "area" ("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_service_project_status_closes_at" ON "service_project" ("status", "closes_at")`,
    );
    // Scope filters are prefix LIKEs on the path.
    await q.query(
      `CREATE INDEX "ix_service_project_area_path" ON "service_project" ("area_path" text_pattern_ops)`,
    );
    await q.query(`
      CREATE TABLE "bid" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "project_id" uuid NOT NULL,
        "provider_id" uuid NOT NULL,
        "status" "bid_status" NOT NULL DEFAULT 'submitted',
        "price_fen" bigint NOT NULL,
        "proposal" text NOT NULL,
        "team" jsonb NOT NULL,
        "attachments" jsonb NOT NULL DEFAULT '[]',
        "replaces_id" uuid,
        "submitted_by_id" uuid NOT NULL,
        "qualification" "bid_qualification" NOT NULL DEFAULT 'pending',
        "qualification_reasons" jsonb NOT NULL DEFAULT '[]',
        "qualified_by_id" uuid,
        "price_justification" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "ck_bid_price" CHECK ("price_fen" > 0),
        CONSTRAINT "pk_bid" PRIMARY KEY ("id"),
        CONSTRAINT "fk_bid_project" FOREIGN KEY ("project_id") REFERENCES "service_project" ("id"),
        CONSTRAINT "fk_bid_provider" FOREIGN KEY ("provider_id") REFERENCES "provider" ("id")
      )`);
    await q.query(`CREATE INDEX "ix_bid_project_id" ON "bid" ("project_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_bid_live_provider" ON "bid" ("project_id", "provider_id") WHERE status = 'submitted'`,
    );
    await q.query(`
      CREATE TABLE "panel_member" (
        "project_id" uuid NOT NULL,
        "evaluator_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_panel_member" PRIMARY KEY ("project_id", "evaluator_id"),
        CONSTRAINT "fk_panel_member_project" FOREIGN KEY ("project_id") REFERENCES "service_project" ("id"),
        CONSTRAINT "fk_panel_member_user" FOREIGN KEY ("evaluator_id") REFERENCES "app_user" ("id")
      )`);
    await q.query(`
      CREATE TABLE "conflict_declaration" (
        "bid_id" uuid NOT NULL,
        "evaluator_id" uuid NOT NULL,
        "project_id" uuid NOT NULL,
        "conflict" boolean NOT NULL,
        "note" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_conflict_declaration" PRIMARY KEY ("bid_id", "evaluator_id"),
        CONSTRAINT "fk_conflict_declaration_bid" FOREIGN KEY ("bid_id") REFERENCES "bid" ("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_conflict_declaration_project_id" ON "conflict_declaration" ("project_id")`,
    );
    await q.query(`
      CREATE TABLE "bid_score" (
        "bid_id" uuid NOT NULL,
        "evaluator_id" uuid NOT NULL,
        "criterion" text NOT NULL,
        "project_id" uuid NOT NULL,
        "score" smallint NOT NULL,
        "comment" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_bid_score_range" CHECK ("score" BETWEEN 0 AND 100),
        CONSTRAINT "pk_bid_score" PRIMARY KEY ("bid_id", "evaluator_id", "criterion"),
        CONSTRAINT "fk_bid_score_bid" FOREIGN KEY ("bid_id") REFERENCES "bid" ("id")
      )`);
    await q.query(`CREATE INDEX "ix_bid_score_project_id" ON "bid_score" ("project_id")`);
    await q.query(`
      CREATE TABLE "score_moderation" (
        "bid_id" uuid NOT NULL,
        "criterion" text NOT NULL,
        "score" numeric(5, 2),
        "comment" text NOT NULL,
        "moderated_by_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_score_moderation_range" CHECK ("score" IS NULL OR "score" BETWEEN 0 AND 100),
        CONSTRAINT "pk_score_moderation" PRIMARY KEY ("bid_id", "criterion"),
        CONSTRAINT "fk_score_moderation_bid" FOREIGN KEY ("bid_id") REFERENCES "bid" ("id")
      )`);
    await q.query(`
      CREATE TABLE "award" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "project_id" uuid NOT NULL,
        "bid_id" uuid NOT NULL,
        "provider_id" uuid NOT NULL,
        "status" "award_status" NOT NULL DEFAULT 'pending',
        "rank" integer NOT NULL,
        "total_score" numeric(6, 2) NOT NULL,
        "value_fen" bigint NOT NULL,
        "justification" text NOT NULL,
        "deviation_reason" text,
        "awarded_by_id" uuid NOT NULL,
        "respond_by" TIMESTAMP WITH TIME ZONE NOT NULL,
        "responded_at" TIMESTAMP WITH TIME ZONE,
        "decline_reason" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "pk_award" PRIMARY KEY ("id"),
        CONSTRAINT "fk_award_project" FOREIGN KEY ("project_id") REFERENCES "service_project" ("id"),
        CONSTRAINT "fk_award_bid" FOREIGN KEY ("bid_id") REFERENCES "bid" ("id")
      )`);
    await q.query(`CREATE INDEX "ix_award_project_id" ON "award" ("project_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_award_live_project" ON "award" ("project_id") WHERE status IN ('pending', 'accepted')`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "award"`);
    await q.query(`DROP TABLE "score_moderation"`);
    await q.query(`DROP TABLE "bid_score"`);
    await q.query(`DROP TABLE "conflict_declaration"`);
    await q.query(`DROP TABLE "panel_member"`);
    await q.query(`DROP TABLE "bid"`);
    await q.query(`DROP TABLE "service_project"`);
    await q.query(`DROP TYPE "award_status"`);
    await q.query(`DROP TYPE "bid_qualification"`);
    await q.query(`DROP TYPE "bid_status"`);
    await q.query(`DROP TYPE "service_project_status"`);
  }
}
