import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The in-app inbox and per-user notification preferences (issue 18). A notice is unique per
 * (event, user), so a dispatch that runs twice writes it once; its bigserial id orders a
 * user's notices and is the SSE event id a reconnecting client resumes from.
 */
export class Notifications1765000000000 implements MigrationInterface {
  name = 'Notifications1765000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "notification" (
        "id" BIGSERIAL NOT NULL,
        "user_id" uuid NOT NULL,
        "event_id" bigint NOT NULL,
        "type" text NOT NULL,
        "title" text NOT NULL,
        "body" text NOT NULL,
        "entity_type" text NOT NULL,
        "entity_id" uuid NOT NULL,
        "read_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_notification" PRIMARY KEY ("id"),
        CONSTRAINT "fk_notification_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_notification_event" FOREIGN KEY ("event_id") REFERENCES "outbox_event" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "ux_notification_event_user" ON "notification" ("event_id", "user_id")`,
    );
    await q.query(`CREATE INDEX "ix_notification_user" ON "notification" ("user_id", "id")`);
    await q.query(
      `CREATE INDEX "ix_notification_user_unread" ON "notification" ("user_id") WHERE "read_at" IS NULL`,
    );
    await q.query(`
      CREATE TABLE "notification_preference" (
        "user_id" uuid NOT NULL,
        "event_type" text NOT NULL,
        "inbox" boolean NOT NULL DEFAULT true,
        "email" boolean NOT NULL DEFAULT true,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_notification_preference" PRIMARY KEY ("user_id", "event_type"),
        CONSTRAINT "fk_notification_preference_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "notification_preference"`);
    await q.query(`DROP TABLE "notification"`);
  }
}
