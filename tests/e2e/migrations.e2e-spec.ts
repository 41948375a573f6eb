import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { revertAllMigrations, runMigrationsWithLock } from '@onedoor/platform';
import { expandRejections, type RejectionGroup } from '@onedoor/matching';
import { createCliDataSource } from '../../migrations/data-source';
import { MIGRATIONS } from '../../migrations';
import { GroupedRejections1766100000000 } from '../../migrations/1766100000000-GroupedRejections';

const adminUrl = () => process.env.TEST_ADMIN_DATABASE_URL!;

async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `onedoor_mig_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

const userTables = (ds: { query: (sql: string) => Promise<Array<{ table_name: string }>> }) =>
  ds
    .query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    )
    .then((rows) => rows.map((r) => r.table_name));

describe('Migrations (e2e)', () => {
  it('apply to an empty database and revert cleanly', async () => {
    await withDatabase(async (url) => {
      const sut = createCliDataSource(url);
      await sut.initialize();
      try {
        const applied = await runMigrationsWithLock(sut);
        expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));
        expect(await userTables(sut)).toEqual(
          expect.arrayContaining([
            'app_user',
            'area',
            'audit_log',
            'bid_file',
            'case_assignment',
            'case_check_in',
            'case_outcome',
            'case_supervision',
            'case_plan',
            'case_plan_action',
            'case_plan_file',
            'case_plan_goal',

            'case_note_read',
            'case_visit',
            'contact_access',
            'household_case',
            'household_import',
            'household_move',
            'idempotency_key',
            'login_event',
            'login_limit',
            'milestone_file',
            'notification',
            'notification_preference',
            'outbox_event',
            'provider_application',
            'set_password_token',
            'stored_file',
            'user_session',
            'webhook_delivery',
            'webhook_subscription',
          ]),
        );
        // Applying again finds nothing to do…
        expect(await runMigrationsWithLock(sut)).toEqual([]);
        // …and the migrated schema is what the entities describe: no drift to generate.
        const drift = await sut.driver.createSchemaBuilder().log();
        expect(drift.upQueries.map((q) => q.query)).toEqual([]);

        expect(await revertAllMigrations(sut)).toBe(MIGRATIONS.length);
        expect(await userTables(sut)).toEqual(['typeorm_migrations']);
        const types = await sut.query(
          `SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'`,
        );
        expect(types).toEqual([]);
        // …and the round trip can be made again.
        expect((await runMigrationsWithLock(sut)).length).toBe(MIGRATIONS.length);
      } finally {
        await sut.destroy();
      }
    });
  });

  it('regroups the rejections stored one per candidate, and expands them back on revert', async () => {
    await withDatabase(async (url) => {
      const sut = createCliDataSource(url);
      await sut.initialize();
      const runner = sut.createQueryRunner();
      try {
        // Only the column the migration reads and writes.
        await runner.query(`CREATE TABLE need (id int PRIMARY KEY, match_rejections jsonb)`);
        const failed = [{ field: 'hukou', op: 'eq', expected: 'local' }];
        const flat = [
          { resourceId: 'r3', reason: 'ELIGIBILITY', failed },
          { resourceId: 'r1', reason: 'OUTSIDE_COVERAGE' },
          { resourceId: 'r2', reason: 'ELIGIBILITY', failed },
          { resourceId: 'r4', reason: 'PARKED', detail: 'until 2026-12-31' },
          { resourceId: 'r5', reason: 'ELIGIBILITY', failed: [{ field: 'age', op: 'gte' }] },
        ];
        await runner.query(`INSERT INTO need VALUES (1, $1), (2, '[]'), (3, NULL)`, [
          JSON.stringify(flat),
        ]);
        const stored = async () =>
          (await runner.query(`SELECT match_rejections AS r FROM need ORDER BY id`)).map(
            (row: { r: unknown }) => row.r,
          );
        const migration = new GroupedRejections1766100000000();

        await migration.up(runner);
        const [grouped, empty, none] = await stored();
        expect(grouped).toEqual([
          { reason: 'ELIGIBILITY', failed, resourceIds: ['r3', 'r2'] },
          { reason: 'OUTSIDE_COVERAGE', resourceIds: ['r1'] },
          { reason: 'PARKED', detail: 'until 2026-12-31', resourceIds: ['r4'] },
          { reason: 'ELIGIBILITY', failed: [{ field: 'age', op: 'gte' }], resourceIds: ['r5'] },
        ]);
        expect([empty, none]).toEqual([[], null]);
        // The why-not view's expansion gives back every candidate as it was.
        const byId = (a: { resourceId: string }, b: { resourceId: string }) =>
          a.resourceId.localeCompare(b.resourceId);
        expect(expandRejections(grouped as RejectionGroup[])).toEqual([...flat].sort(byId));
        // Applying it twice changes nothing (rows already grouped are left alone).
        await migration.up(runner);
        expect((await stored())[0]).toEqual(grouped);

        await migration.down(runner);
        expect((await stored())[0]).toEqual([...flat].sort(byId));
      } finally {
        await runner.release();
        await sut.destroy();
      }
    });
  });

  it('lets two processes start together: the second waits on the lock and applies nothing', async () => {
    await withDatabase(async (url) => {
      const a = createCliDataSource(url);
      const b = createCliDataSource(url);
      await Promise.all([a.initialize(), b.initialize()]);
      try {
        const [ra, rb] = await Promise.all([runMigrationsWithLock(a), runMigrationsWithLock(b)]);
        expect(ra.length + rb.length).toBe(MIGRATIONS.length);
        const [{ n }] = await a.query(`SELECT count(*)::int AS n FROM typeorm_migrations`);
        expect(n).toBe(MIGRATIONS.length);
      } finally {
        await Promise.all([a.destroy(), b.destroy()]);
      }
    });
  });
});
