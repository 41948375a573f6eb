import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organizations apply to join (issue 17): `provider_application`, pending until civil-affairs
 * staff of its home area approve or reject it. At most one pending application per USCC (a
 * partial unique index), so two sent at once cannot both wait. The contact person's name,
 * phone and e-mail are PiiCipher ciphertext. The per-address throttle of applications shares
 * the rate limiter's table `login_limit` (its own key prefix).
 */
export class ProviderApplications1764800000000 implements MigrationInterface {
  name = 'ProviderApplications1764800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE "provider_application_status" AS ENUM ('pending', 'approved', 'rejected')`,
    );
    await q.query(`
      CREATE TABLE "provider_application" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "uscc" character(18) NOT NULL,
        "name" text NOT NULL,
        "kind" "provider_kind" NOT NULL,
        "home_area_id" uuid NOT NULL,
        "address" text NOT NULL,
        "contact_name_enc" text NOT NULL,
        "contact_phone_enc" text NOT NULL,
        "contact_email_enc" text NOT NULL,
        "username" text NOT NULL,
        "status" "provider_application_status" NOT NULL DEFAULT 'pending',
        "reason" text,
        "decided_by" uuid,
        "decided_at" TIMESTAMP WITH TIME ZONE,
        "provider_id" uuid,
        "user_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "pk_provider_application" PRIMARY KEY ("id"),
        CONSTRAINT "fk_provider_application_home_area" FOREIGN KEY ("home_area_id") REFERENCES "area" ("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_provider_application_pending_uscc" ON "provider_application" ("uscc") WHERE "status" = 'pending'`,
    );
    await q.query(`CREATE INDEX "ix_provider_application_uscc" ON "provider_application" ("uscc")`);
    await q.query(
      `CREATE INDEX "ix_provider_application_home_area_id" ON "provider_application" ("home_area_id")`,
    );
    await q.query(
      `CREATE INDEX "ix_provider_application_status" ON "provider_application" ("status")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "provider_application"`);
    await q.query(`DROP TYPE "provider_application_status"`);
  }
}
