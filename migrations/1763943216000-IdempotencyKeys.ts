import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored answers to POSTs sent with an `Idempotency-Key`, per user and key, for 24 hours
 * (libs/platform/src/http/idempotency). Written by hand; no foreign key to app_user, as users
 * are deactivated, never deleted, and the row outlives nothing.
 */
export class IdempotencyKeys1763943216000 implements MigrationInterface {
  name = 'IdempotencyKeys1763943216000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "idempotency_key" (
        "user_id" uuid NOT NULL,
        "key" text NOT NULL,
        "request_hash" text NOT NULL,
        "method" text NOT NULL,
        "path" text NOT NULL,
        "response_status" integer,
        "response_headers" jsonb,
        "response_body" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_idempotency_key" PRIMARY KEY ("user_id", "key")
      )`);
    // The prune job deletes by expiry.
    await q.query(
      `CREATE INDEX "ix_idempotency_key_expires_at" ON "idempotency_key" ("expires_at")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "idempotency_key"`);
  }
}
