import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rolls imported into the assistance ledger (other departments' 低保名册, a charity's
 * distribution list) as background jobs, like household imports; each imported entry names
 * its import.
 */
export class AssistanceImports1765930000000 implements MigrationInterface {
  name = 'AssistanceImports1765930000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "assistance_import" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "actor" jsonb NOT NULL,
        "provider_id" uuid,
        "granted_by" text NOT NULL,
        "defaults" jsonb NOT NULL,
        "scope_path" text,
        "filename" text,
        "format" text NOT NULL,
        "encoding" text,
        "content" bytea,
        "status" text NOT NULL DEFAULT 'queued',
        "total_rows" integer NOT NULL DEFAULT 0,
        "processed_rows" integer NOT NULL DEFAULT 0,
        "imported_rows" integer NOT NULL DEFAULT 0,
        "unmatched_rows" integer NOT NULL DEFAULT 0,
        "refused_rows" integer NOT NULL DEFAULT 0,
        "duplicate_rows" integer NOT NULL DEFAULT 0,
        "refused_sample" jsonb,
        "error_sheet" bytea,
        "failure" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "started_at" TIMESTAMP WITH TIME ZONE,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_assistance_import" PRIMARY KEY ("id"),
        CONSTRAINT "ck_assistance_import_status" CHECK ("status" IN ('queued', 'running', 'done', 'failed')),
        CONSTRAINT "ck_assistance_import_format" CHECK ("format" IN ('xlsx', 'csv')),
        CONSTRAINT "fk_assistance_import_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id"),
        CONSTRAINT "fk_assistance_import_provider" FOREIGN KEY ("provider_id") REFERENCES "provider"("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_assistance_import_user_created" ON "assistance_import" ("user_id", "created_at")`,
    );
    await q.query(
      `CREATE INDEX "ix_assistance_import_status_created" ON "assistance_import" ("status", "created_at")`,
    );
    await q.query(
      `CREATE INDEX "ix_assistance_import_provider" ON "assistance_import" ("provider_id")`,
    );
    await q.query(
      `ALTER TABLE "assistance_entry" ADD CONSTRAINT "fk_assistance_entry_import" FOREIGN KEY ("import_id") REFERENCES "assistance_import"("id")`,
    );
    await q.query(`CREATE INDEX "ix_assistance_entry_import" ON "assistance_entry" ("import_id")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_assistance_entry_import"`);
    await q.query(`ALTER TABLE "assistance_entry" DROP CONSTRAINT "fk_assistance_entry_import"`);
    await q.query(`DROP TABLE "assistance_import"`);
  }
}
