import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Match proposals (unique per need, resource and assessment, so retried jobs write nothing
 * twice) and the matcher's per-need results on `need`.
 */
export class Matching1763942700000 implements MigrationInterface {
  name = 'Matching1763942700000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE "proposal_status" AS ENUM ('proposed', 'approved', 'rejected', 'superseded', 'expired')`,
    );
    await q.query(`
      CREATE TABLE "match_proposal" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "need_id" uuid NOT NULL,
        "household_id" uuid NOT NULL,
        "resource_id" uuid NOT NULL,
        "assessment_id" uuid NOT NULL,
        "status" "proposal_status" NOT NULL DEFAULT 'proposed',
        "score" numeric(6, 4) NOT NULL,
        "rank" smallint NOT NULL,
        "urgency" "need_urgency" NOT NULL,
        "category_code" text NOT NULL,
        "explanation" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "pk_match_proposal" PRIMARY KEY ("id"),
        CONSTRAINT "fk_match_proposal_need" FOREIGN KEY ("need_id") REFERENCES "need" ("id"),
        CONSTRAINT "fk_match_proposal_household" FOREIGN KEY ("household_id") REFERENCES "household" ("id"),
        CONSTRAINT "fk_match_proposal_resource" FOREIGN KEY ("resource_id") REFERENCES "resource" ("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_match_proposal_need_resource_assessment" ON "match_proposal" ("need_id", "resource_id", "assessment_id")`,
    );
    await q.query(
      `CREATE INDEX "ix_match_proposal_status_urgency" ON "match_proposal" ("status", "urgency", "created_at")`,
    );
    await q.query(
      `CREATE INDEX "ix_match_proposal_household_id" ON "match_proposal" ("household_id")`,
    );
    await q.query(
      `CREATE INDEX "ix_match_proposal_resource_id" ON "match_proposal" ("resource_id")`,
    );
    await q.query(`ALTER TABLE "need" ADD "last_matched_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "need" ADD "match_rejections" jsonb`);
    await q.query(`ALTER TABLE "need" ADD "unmet_reasons" text array`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "need" DROP COLUMN "unmet_reasons"`);
    await q.query(`ALTER TABLE "need" DROP COLUMN "match_rejections"`);
    await q.query(`ALTER TABLE "need" DROP COLUMN "last_matched_at"`);
    await q.query(`DROP TABLE "match_proposal"`);
    await q.query(`DROP TYPE "proposal_status"`);
  }
}
