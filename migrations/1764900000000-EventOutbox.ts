import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event outbox (issue 18): an event somebody must act on, written in the same transaction
 * as its state change, fanned out by the matcher. `dedup_key` makes a sweep's "due soon"
 * notice idempotent; the partial index finds what is still to dispatch.
 */
export class EventOutbox1764900000000 implements MigrationInterface {
  name = 'EventOutbox1764900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "outbox_event" (
        "id" BIGSERIAL NOT NULL,
        "type" text NOT NULL,
        "entity_type" text NOT NULL,
        "entity_id" uuid NOT NULL,
        "area_path" text,
        "provider_id" uuid,
        "audience" jsonb NOT NULL,
        "data" jsonb NOT NULL,
        "dedup_key" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "dispatched_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_outbox_event" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "ux_outbox_event_dedup" ON "outbox_event" ("dedup_key") WHERE "dedup_key" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "ix_outbox_event_undispatched" ON "outbox_event" ("id") WHERE "dispatched_at" IS NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "outbox_event"`);
  }
}
