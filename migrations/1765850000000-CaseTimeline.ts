import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case timeline finds casework's audit rows (plans, visits, check-ins…) by the household
 * they name in `data.householdId`: an expression index, partial so that the many rows without
 * one (resources, tenders, users) cost nothing.
 */
export class CaseTimeline1765850000000 implements MigrationInterface {
  name = 'CaseTimeline1765850000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "ix_audit_log_household" ON "audit_log" ((data ->> 'householdId'))
        WHERE data ? 'householdId'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_audit_log_household"`);
  }
}
