import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Areas, users, login failures and the audit log. Generated from the entities, then
 * reviewed: foreign keys, the expression and prefix indexes, and the append-only trigger
 * on audit_log were added by hand (TypeORM does not model them).
 */
export class Platform1763942400000 implements MigrationInterface {
  name = 'Platform1763942400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "area_level" AS ENUM ('city', 'district', 'street', 'community')`);
    await q.query(`
      CREATE TABLE "area" (
        "id" uuid NOT NULL,
        "parent_id" uuid,
        "level" "area_level" NOT NULL,
        "code" text NOT NULL,
        "name" text NOT NULL,
        "path" text NOT NULL,
        "minimum_living_standard_fen" integer,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "pk_area" PRIMARY KEY ("id"),
        CONSTRAINT "fk_area_parent" FOREIGN KEY ("parent_id") REFERENCES "area" ("id")
      )`);
    await q.query(`CREATE INDEX "ix_area_parent_id" ON "area" ("parent_id")`);
    await q.query(`CREATE UNIQUE INDEX "uq_area_code" ON "area" ("code")`);
    // "Inside an area" is `path LIKE '<prefix>%'`; text_pattern_ops lets the btree serve it.
    await q.query(`CREATE INDEX "ix_area_path" ON "area" ("path" text_pattern_ops)`);

    await q.query(
      `CREATE TYPE "user_role" AS ENUM ('admin', 'civil_affairs', 'assessor', 'provider', 'evaluator')`,
    );
    await q.query(`
      CREATE TABLE "app_user" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "username" text NOT NULL,
        "display_name" text NOT NULL,
        "password_hash" text NOT NULL,
        "role" "user_role" NOT NULL,
        "area_id" uuid,
        "provider_id" uuid,
        "active" boolean NOT NULL DEFAULT true,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "pk_app_user" PRIMARY KEY ("id"),
        CONSTRAINT "fk_app_user_area" FOREIGN KEY ("area_id") REFERENCES "area" ("id")
      )`);
    await q.query(`CREATE INDEX "ix_app_user_area_id" ON "app_user" ("area_id")`);
    await q.query(`CREATE UNIQUE INDEX "uq_app_user_username" ON "app_user" (lower("username"))`);

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

    await q.query(`
      CREATE TABLE "audit_log" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "entity_type" text NOT NULL,
        "entity_id" text NOT NULL,
        "action" text NOT NULL,
        "actor_id" uuid,
        "actor_role" text,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "from_state" text,
        "to_state" text,
        "reason" text,
        "data" jsonb,
        "area_path" text,
        CONSTRAINT "pk_audit_log" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_audit_log_entity" ON "audit_log" ("entity_type", "entity_id", "at")`,
    );
    await q.query(
      `CREATE INDEX "ix_audit_log_area_path" ON "audit_log" ("area_path" text_pattern_ops)`,
    );
    // History is append-only for everyone, including the application's own role.
    await q.query(`
      CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER "tr_audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log"
      FOR EACH ROW EXECUTE FUNCTION "audit_log_refuse_change"()`);
    await q.query(`
      CREATE TRIGGER "tr_audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
      FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_refuse_change"()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_log"`);
    await q.query(`DROP FUNCTION "audit_log_refuse_change"()`);
    await q.query(`DROP TABLE "login_failure"`);
    await q.query(`DROP TABLE "app_user"`);
    await q.query(`DROP TYPE "user_role"`);
    await q.query(`DROP TABLE "area"`);
    await q.query(`DROP TYPE "area_level"`);
  }
}
