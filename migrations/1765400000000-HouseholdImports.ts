import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background household imports (issue 19): the uploaded xlsx or CSV is kept with its job until
 * the matcher's `imports` worker has run it; progress counters, a sample of refused rows and
 * the error sheet are written on the same row.
 */
export class HouseholdImports1765400000000 implements MigrationInterface {
  name = 'HouseholdImports1765400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "household_import" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "area_id" uuid,
        "actor" jsonb NOT NULL,
        "filename" text,
        "format" text NOT NULL,
        "encoding" text,
        "content" bytea,
        "status" text NOT NULL DEFAULT 'queued',
        "total_rows" integer NOT NULL DEFAULT 0,
        "processed_rows" integer NOT NULL DEFAULT 0,
        "imported_rows" integer NOT NULL DEFAULT 0,
        "refused_rows" integer NOT NULL DEFAULT 0,
        "imported_households" integer NOT NULL DEFAULT 0,
        "refused_households" integer NOT NULL DEFAULT 0,
        "refused_sample" jsonb,
        "error_sheet" bytea,
        "failure" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "started_at" TIMESTAMP WITH TIME ZONE,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_household_import" PRIMARY KEY ("id"),
        CONSTRAINT "ck_household_import_status" CHECK ("status" IN ('queued', 'running', 'done', 'failed')),
        CONSTRAINT "ck_household_import_format" CHECK ("format" IN ('xlsx', 'csv')),
        CONSTRAINT "fk_household_import_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id"),
        CONSTRAINT "fk_household_import_area" FOREIGN KEY ("area_id") REFERENCES "area"("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_household_import_user_created" ON "household_import" ("user_id", "created_at")`,
    );
    await q.query(
      `CREATE INDEX "ix_household_import_status_created" ON "household_import" ("status", "created_at")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "household_import"`);
  }
}
