import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login throttling moves to `rate-limiter-flexible` (RateLimiterPostgres): its counter table,
 * in the library's shape and column order (key, points, expire in epoch ms), created here so the
 * library never creates tables itself (`tableCreated: true`). The per-attempt `login_failure`
 * rows go; their counts lapse within 15 minutes anyway, so none are carried over.
 */
export class LoginLimits1763943216100 implements MigrationInterface {
  name = 'LoginLimits1763943216100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "login_limit" (
        "key" text NOT NULL,
        "points" integer NOT NULL DEFAULT 0,
        "expire" bigint,
        CONSTRAINT "pk_login_limit" PRIMARY KEY ("key")
      )`);
    await q.query(`CREATE INDEX "ix_login_limit_expire" ON "login_limit" ("expire")`);
    await q.query(`DROP TABLE "login_failure"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "login_failure" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "username" text NOT NULL,
        "client_ip" inet NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_login_failure" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_login_failure_username_at" ON "login_failure" ("username", "at")`,
    );
    await q.query(
      `CREATE INDEX "ix_login_failure_client_ip_at" ON "login_failure" ("client_ip", "at")`,
    );
    await q.query(`DROP TABLE "login_limit"`);
  }
}
