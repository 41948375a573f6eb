import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contact under consent (issue 18): the household's consent recorded at approval, on the
 * referral, and the log of every read of a household's contact (who opened whose, when).
 */
export class ReferralContact1765300100000 implements MigrationInterface {
  name = 'ReferralContact1765300100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "referral" ADD "consent" jsonb`);
    await q.query(`
      CREATE TABLE "contact_access" (
        "id" BIGSERIAL NOT NULL,
        "referral_id" uuid NOT NULL,
        "household_id" uuid NOT NULL,
        "reader_id" uuid NOT NULL,
        "reader_role" text NOT NULL,
        "provider_id" uuid,
        "area_path" text NOT NULL,
        "read_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_contact_access" PRIMARY KEY ("id"),
        CONSTRAINT "fk_contact_access_referral" FOREIGN KEY ("referral_id") REFERENCES "referral"("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_contact_access_household" ON "contact_access" ("household_id", "read_at")`,
    );
    await q.query(`CREATE INDEX "ix_contact_access_referral" ON "contact_access" ("referral_id")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "contact_access"`);
    await q.query(`ALTER TABLE "referral" DROP COLUMN "consent"`);
  }
}
