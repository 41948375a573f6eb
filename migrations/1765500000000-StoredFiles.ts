import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Real files (issue 20): `stored_file` records each upload (its bytes are the blob named by
 * sha256 under FILES_DIR, shared by equal content); `bid_file` links files to a bid version, `milestone_file` evidence to a contract milestone.
 */
export class StoredFiles1765500000000 implements MigrationInterface {
  name = 'StoredFiles1765500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "stored_file" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "sha256" char(64) NOT NULL,
        "size" bigint NOT NULL,
        "content_type" text NOT NULL,
        "original_name" text NOT NULL,
        "uploaded_by_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_stored_file" PRIMARY KEY ("id"),
        CONSTRAINT "ck_stored_file_sha256" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
        CONSTRAINT "ck_stored_file_size" CHECK ("size" >= 0),
        CONSTRAINT "fk_stored_file_uploaded_by" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id")
      )`);
    await q.query(`CREATE INDEX "ix_stored_file_sha256" ON "stored_file" ("sha256")`);
    await q.query(`
      CREATE TABLE "bid_file" (
        "bid_id" uuid NOT NULL,
        "file_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_bid_file" PRIMARY KEY ("bid_id", "file_id"),
        CONSTRAINT "fk_bid_file_bid" FOREIGN KEY ("bid_id") REFERENCES "bid"("id"),
        CONSTRAINT "fk_bid_file_file" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id")
      )`);
    await q.query(`CREATE INDEX "ix_bid_file_file_id" ON "bid_file" ("file_id")`);
    await q.query(`
      CREATE TABLE "milestone_file" (
        "milestone_id" uuid NOT NULL,
        "file_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_milestone_file" PRIMARY KEY ("milestone_id", "file_id"),
        CONSTRAINT "fk_milestone_file_milestone" FOREIGN KEY ("milestone_id") REFERENCES "contract_milestone"("id"),
        CONSTRAINT "fk_milestone_file_file" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id")
      )`);
    await q.query(`CREATE INDEX "ix_milestone_file_file_id" ON "milestone_file" ("file_id")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "milestone_file"`);
    await q.query(`DROP TABLE "bid_file"`);
    await q.query(`DROP TABLE "stored_file"`);
  }
}
