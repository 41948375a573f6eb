import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Government service purchasing, part 2: the tender's payment plan and evaluation weights,
 * contracts (one per accepted award, linked to the resource that puts the service in the
 * pool), milestones and their payments, performance evaluations with their evaluators, and
 * bidding suspensions after a failed evaluation.
 */
export class Contracts1763943000000 implements MigrationInterface {
  name = 'Contracts1763943000000';

  public async up(q: QueryRunner): Promise<void> {
    // Existing tenders get the defaults a new one would (100% at the end; 20/40/20/20).
    await q.query(`ALTER TABLE "service_project" ADD "milestones" jsonb`);
    await q.query(`ALTER TABLE "service_project" ADD "evaluation_weights" jsonb`);
    await q.query(`
      UPDATE "service_project" SET
        "milestones" = jsonb_build_array(jsonb_build_object(
          'deliverable', '服务完成并通过终期评估', 'dueDate', "service_end", 'sharePercent', 100)),
        "evaluation_weights" = '{"administrativeSupervision": 20, "serviceOutcomes": 40, "projectManagement": 20, "socialImpact": 20}'`);
    await q.query(`ALTER TABLE "service_project" ALTER COLUMN "milestones" SET NOT NULL`);
    await q.query(`ALTER TABLE "service_project" ALTER COLUMN "evaluation_weights" SET NOT NULL`);

    await q.query(`CREATE TYPE "contract_status" AS ENUM ('active', 'completed', 'terminated')`);
    await q.query(
      `CREATE TYPE "milestone_outcome" AS ENUM ('scheduled', 'met', 'partially_met', 'not_met')`,
    );
    await q.query(`CREATE TYPE "milestone_payment_status" AS ENUM ('none', 'waiting', 'paid')`);
    await q.query(`CREATE TYPE "evaluation_kind" AS ENUM ('mid_term', 'final')`);
    await q.query(`CREATE TYPE "evaluation_status" AS ENUM ('open', 'completed')`);
    await q.query(`CREATE TYPE "evaluation_grade" AS ENUM ('excellent', 'good', 'pass', 'fail')`);
    await q.query(
      `CREATE TYPE "evaluator_type" AS ENUM ('government', 'third_party', 'recipient_representative')`,
    );
    await q.query(`
      CREATE TABLE "contract" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "project_id" uuid NOT NULL,
        "award_id" uuid NOT NULL,
        "provider_id" uuid NOT NULL,
        "resource_id" uuid NOT NULL,
        "title" text NOT NULL,
        "area_path" text NOT NULL,
        "value_fen" bigint NOT NULL,
        "period_start" date NOT NULL,
        "period_end" date NOT NULL,
        "status" "contract_status" NOT NULL DEFAULT 'active',
        "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ended_at" TIMESTAMP WITH TIME ZONE,
        "termination_reason" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "ck_contract_value" CHECK ("value_fen" > 0),
        CONSTRAINT "pk_contract" PRIMARY KEY ("id"),
        CONSTRAINT "fk_contract_project" FOREIGN KEY ("project_id") REFERENCES "service_project" ("id"),
        CONSTRAINT "fk_contract_award" FOREIGN KEY ("award_id") REFERENCES "award" ("id"),
        CONSTRAINT "fk_contract_provider" FOREIGN KEY ("provider_id") REFERENCES "provider" ("id"),
        CONSTRAINT "fk_contract_resource" FOREIGN KEY ("resource_id") REFERENCES "resource" ("id")
      )`);
    await q.query(`CREATE INDEX "ix_contract_project_id" ON "contract" ("project_id")`);
    await q.query(`CREATE UNIQUE INDEX "uq_contract_award" ON "contract" ("award_id")`);
    await q.query(`CREATE INDEX "ix_contract_provider_id" ON "contract" ("provider_id")`);
    await q.query(`CREATE UNIQUE INDEX "uq_contract_resource" ON "contract" ("resource_id")`);
    await q.query(
      `CREATE INDEX "ix_contract_area_path" ON "contract" ("area_path" text_pattern_ops)`,
    );
    await q.query(`
      CREATE TABLE "contract_milestone" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "contract_id" uuid NOT NULL,
        "seq" smallint NOT NULL,
        "deliverable" text NOT NULL,
        "due_date" date NOT NULL,
        "share_percent" smallint NOT NULL,
        "amount_fen" bigint NOT NULL,
        "outcome" "milestone_outcome" NOT NULL DEFAULT 'scheduled',
        "delivered_percent" smallint,
        "evidence" text,
        "decided_by_id" uuid,
        "decided_at" TIMESTAMP WITH TIME ZONE,
        "payable_fen" bigint,
        "payment_status" "milestone_payment_status" NOT NULL DEFAULT 'none',
        CONSTRAINT "ck_contract_milestone_delivered" CHECK ("delivered_percent" IS NULL OR "delivered_percent" BETWEEN 0 AND 100),
        CONSTRAINT "ck_contract_milestone_share" CHECK ("share_percent" BETWEEN 1 AND 100),
        CONSTRAINT "pk_contract_milestone" PRIMARY KEY ("id"),
        CONSTRAINT "fk_contract_milestone_contract" FOREIGN KEY ("contract_id") REFERENCES "contract" ("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_contract_milestone_contract_id" ON "contract_milestone" ("contract_id")`,
    );
    await q.query(`
      CREATE TABLE "performance_evaluation" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "contract_id" uuid NOT NULL,
        "kind" "evaluation_kind" NOT NULL,
        "status" "evaluation_status" NOT NULL DEFAULT 'open',
        "weights" jsonb NOT NULL,
        "final_score" numeric(5, 2),
        "grade" "evaluation_grade",
        "evidence" jsonb,
        "opened_by_id" uuid NOT NULL,
        "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "completed_at" TIMESTAMP WITH TIME ZONE,
        "provider_comment" text,
        "provider_commented_at" TIMESTAMP WITH TIME ZONE,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "pk_performance_evaluation" PRIMARY KEY ("id"),
        CONSTRAINT "fk_performance_evaluation_contract" FOREIGN KEY ("contract_id") REFERENCES "contract" ("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_performance_evaluation_contract_id" ON "performance_evaluation" ("contract_id")`,
    );
    // One open evaluation per contract.
    await q.query(
      `CREATE UNIQUE INDEX "uq_performance_evaluation_open" ON "performance_evaluation" ("contract_id") WHERE status = 'open'`,
    );
    await q.query(`
      CREATE TABLE "contract_payment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "contract_id" uuid NOT NULL,
        "milestone_id" uuid NOT NULL,
        "amount_fen" bigint NOT NULL,
        "evaluation_id" uuid NOT NULL,
        "paid_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_contract_payment" PRIMARY KEY ("id"),
        CONSTRAINT "fk_contract_payment_contract" FOREIGN KEY ("contract_id") REFERENCES "contract" ("id"),
        CONSTRAINT "fk_contract_payment_milestone" FOREIGN KEY ("milestone_id") REFERENCES "contract_milestone" ("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_contract_payment_contract_id" ON "contract_payment" ("contract_id")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_contract_payment_milestone" ON "contract_payment" ("milestone_id")`,
    );
    await q.query(`
      CREATE TABLE "evaluation_assignment" (
        "evaluation_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "type" "evaluator_type" NOT NULL,
        "scores" jsonb,
        "comment" text,
        "submitted_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_evaluation_assignment" PRIMARY KEY ("evaluation_id", "user_id"),
        CONSTRAINT "fk_evaluation_assignment_evaluation" FOREIGN KEY ("evaluation_id") REFERENCES "performance_evaluation" ("id")
      )`);
    await q.query(`
      CREATE TABLE "bidding_suspension" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "provider_id" uuid NOT NULL,
        "evaluation_id" uuid NOT NULL,
        "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "until" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_bidding_suspension" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_bidding_suspension_provider_id" ON "bidding_suspension" ("provider_id")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_bidding_suspension_evaluation" ON "bidding_suspension" ("evaluation_id")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "bidding_suspension"`);
    await q.query(`DROP TABLE "evaluation_assignment"`);
    await q.query(`DROP TABLE "contract_payment"`);
    await q.query(`DROP TABLE "performance_evaluation"`);
    await q.query(`DROP TABLE "contract_milestone"`);
    await q.query(`DROP TABLE "contract"`);
    await q.query(`DROP TYPE "evaluator_type"`);
    await q.query(`DROP TYPE "evaluation_grade"`);
    await q.query(`DROP TYPE "evaluation_status"`);
    await q.query(`DROP TYPE "evaluation_kind"`);
    await q.query(`DROP TYPE "milestone_payment_status"`);
    await q.query(`DROP TYPE "milestone_outcome"`);
    await q.query(`DROP TYPE "contract_status"`);
    await q.query(`ALTER TABLE "service_project" DROP COLUMN "evaluation_weights"`);
    await q.query(`ALTER TABLE "service_project" DROP COLUMN "milestones"`);
  }
}
