import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts (issue 17): users get an organization-admin flag, an evaluator type, a phone and an
 * e-mail (AES-GCM ciphertext, PiiCipher) and may have no password yet (an account created by
 * someone else waits for its owner to set one through a one-time token). Sessions carry a
 * rotating refresh token stored as a SHA-256 digest; every login, refresh, logout and password
 * change is recorded in `login_event`.
 */
export class Accounts1764700000000 implements MigrationInterface {
  name = 'Accounts1764700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await q.query(`ALTER TABLE "app_user" ADD "is_org_admin" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "app_user" ADD "evaluator_type" "evaluator_type"`);
    await q.query(`ALTER TABLE "app_user" ADD "phone_enc" text`);
    await q.query(`ALTER TABLE "app_user" ADD "email_enc" text`);
    await q.query(`CREATE INDEX "ix_app_user_role" ON "app_user" ("role")`);

    await q.query(`
      CREATE TABLE "user_session" (
        "id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "refresh_hash" text NOT NULL,
        "rotation" integer NOT NULL DEFAULT 0,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "revoked_reason" text,
        "user_agent" text,
        "client_address" text,
        CONSTRAINT "pk_user_session" PRIMARY KEY ("id"),
        CONSTRAINT "fk_user_session_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "ix_user_session_user_id" ON "user_session" ("user_id")`);

    await q.query(`
      CREATE TABLE "set_password_token" (
        "id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "token_hash" text NOT NULL,
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_set_password_token" PRIMARY KEY ("id"),
        CONSTRAINT "fk_set_password_token_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_set_password_token_hash" ON "set_password_token" ("token_hash")`,
    );
    await q.query(
      `CREATE INDEX "ix_set_password_token_user_id" ON "set_password_token" ("user_id")`,
    );

    await q.query(`
      CREATE TABLE "login_event" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "user_id" uuid,
        "username" text NOT NULL,
        "kind" text NOT NULL,
        "outcome" text NOT NULL,
        "client_address" text,
        "user_agent" text,
        CONSTRAINT "pk_login_event" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "ix_login_event_user_id_at" ON "login_event" ("user_id", "at")`);
    await q.query(`CREATE INDEX "ix_login_event_at" ON "login_event" ("at")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "login_event"`);
    await q.query(`DROP TABLE "set_password_token"`);
    await q.query(`DROP TABLE "user_session"`);
    await q.query(`DROP INDEX "ix_app_user_role"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "email_enc"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "phone_enc"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "evaluator_type"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "is_org_admin"`);
    // Accounts still waiting for their first password cannot log in either way: an unusable
    // marker keeps the column NOT NULL again (argon2 never produces it).
    await q.query(`UPDATE "app_user" SET "password_hash" = '!unset' WHERE "password_hash" IS NULL`);
    await q.query(`ALTER TABLE "app_user" ALTER COLUMN "password_hash" SET NOT NULL`);
  }
}
