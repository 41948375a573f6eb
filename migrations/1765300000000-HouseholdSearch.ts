import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Household search and keyset lists (issue 18). Names by trigram: `pg_trgm` (a trusted
 * extension since PostgreSQL 13: the database owner may create it; the embedded and docker
 * users are superusers anyway), a GIN index on member names. Phones by keyed digest
 * (`phone_hmac`, like identity numbers): a migration has no PII key to decrypt the stored
 * phones, so the API fills the digest of older rows at start (HouseholdPhoneBackfill). Lists
 * page by (created_at, id): one index, read from the cursor on.
 */
export class HouseholdSearch1765300000000 implements MigrationInterface {
  name = 'HouseholdSearch1765300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(
      `CREATE INDEX "ix_household_member_name_trgm" ON "household_member" USING gin ("name" gin_trgm_ops)`,
    );
    await q.query(`ALTER TABLE "household" ADD "phone_hmac" character(64)`);
    await q.query(`CREATE INDEX "ix_household_phone_hmac" ON "household" ("phone_hmac")`);
    await q.query(`CREATE INDEX "ix_household_created_at_id" ON "household" ("created_at", "id")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_household_created_at_id"`);
    await q.query(`DROP INDEX "ix_household_phone_hmac"`);
    await q.query(`ALTER TABLE "household" DROP COLUMN "phone_hmac"`);
    await q.query(`DROP INDEX "ix_household_member_name_trgm"`);
    // The extension stays: other objects may use it.
  }
}
