import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook subscriptions (per organization or per area) and their delivery log (issue 18). The
 * secret is stored encrypted (PiiCipher), not hashed: the sender needs it to sign. One delivery
 * row per (subscription, event), so an event handed to the channel twice is delivered once.
 */
export class Webhooks1765100000000 implements MigrationInterface {
  name = 'Webhooks1765100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "webhook_subscription" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "provider_id" uuid,
        "area_id" uuid,
        "area_path" text,
        "url" text NOT NULL,
        "secret_enc" text,
        "event_types" text array NOT NULL,
        "format" text NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "allow_private_network" boolean NOT NULL DEFAULT false,
        "consecutive_failures" integer NOT NULL DEFAULT 0,
        "disabled_at" TIMESTAMP WITH TIME ZONE,
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_webhook_subscription" PRIMARY KEY ("id"),
        CONSTRAINT "ck_webhook_subscription_owner" CHECK (("provider_id" IS NULL) <> ("area_id" IS NULL)),
        CONSTRAINT "ck_webhook_subscription_format" CHECK ("format" IN ('json', 'wecom', 'dingtalk')),
        CONSTRAINT "fk_webhook_subscription_provider" FOREIGN KEY ("provider_id") REFERENCES "provider"("id"),
        CONSTRAINT "fk_webhook_subscription_area" FOREIGN KEY ("area_id") REFERENCES "area"("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_webhook_subscription_provider_id" ON "webhook_subscription" ("provider_id")`,
    );
    await q.query(`
      CREATE TABLE "webhook_delivery" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "subscription_id" uuid NOT NULL,
        "event_id" bigint NOT NULL,
        "status" text NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "last_status_code" integer,
        "last_error" text,
        "next_attempt_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_webhook_delivery" PRIMARY KEY ("id"),
        CONSTRAINT "ck_webhook_delivery_status" CHECK ("status" IN ('pending', 'succeeded', 'failed')),
        CONSTRAINT "fk_webhook_delivery_subscription" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscription"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_webhook_delivery_event" FOREIGN KEY ("event_id") REFERENCES "outbox_event"("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "ux_webhook_delivery_subscription_event" ON "webhook_delivery" ("subscription_id", "event_id")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "webhook_delivery"`);
    await q.query(`DROP TABLE "webhook_subscription"`);
  }
}
