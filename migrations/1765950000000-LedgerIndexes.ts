import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two reads of the ledger that scanned the whole table: a roll batch's duplicate check (the
 * imported entries of the batch's members) and a provider's lists (its organization's entries
 * by start date).
 */
export class LedgerIndexes1765950000000 implements MigrationInterface {
  name = 'LedgerIndexes1765950000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "ix_assistance_entry_imported_member" ON "assistance_entry" ("member_id") WHERE "source" = 'import'`,
    );
    await q.query(
      `CREATE INDEX "ix_assistance_entry_provider_start" ON "assistance_entry" ("provider_id", "starts_on")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_assistance_entry_provider_start"`);
    await q.query(`DROP INDEX "ix_assistance_entry_imported_member"`);
  }
}
