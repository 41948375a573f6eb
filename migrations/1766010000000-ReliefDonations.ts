import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Donations into relief funds, from pledge to receipt (DRIMS-like): the donor (kind, name, a
 * contact phone kept as keyed digest + ciphertext + mask), the amount in fen, an optional
 * restriction to a category and/or an area, and the state. Receiving credits the fund and
 * writes a 'donation' movement in the same transaction; the unique index on the movement's
 * donation is the database's own guarantee that one donation is credited once.
 */
export class ReliefDonations1766010000000 implements MigrationInterface {
  name = 'ReliefDonations1766010000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE "public"."donor_kind" AS ENUM('individual', 'organization', 'enterprise')`,
    );
    await q.query(
      `CREATE TYPE "public"."donation_status" AS ENUM('pledged', 'received', 'cancelled')`,
    );
    await q.query(`
            CREATE TABLE "donation" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "fund_id" uuid NOT NULL,
                "area_path" text NOT NULL,
                "donor_kind" "public"."donor_kind" NOT NULL,
                "donor_name" text NOT NULL,
                "donor_phone_hmac" character(64),
                "donor_phone_enc" text,
                "donor_phone_masked" text,
                "amount_fen" bigint NOT NULL,
                "restricted_category_code" text,
                "restricted_area_id" uuid,
                "status" "public"."donation_status" NOT NULL DEFAULT 'pledged',
                "pledged_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE,
                "receipt_number" text,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "cancel_reason" text,
                "note" text,
                "recorded_by_id" uuid,
                "received_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "ck_donation_amount" CHECK ("amount_fen" > 0),
                CONSTRAINT "pk_donation" PRIMARY KEY ("id")
            )
        `);
    await q.query(`CREATE INDEX "ix_donation_fund" ON "donation" ("fund_id", "pledged_at")`);
    await q.query(
      `CREATE INDEX "ix_donation_area_path" ON "donation" ("area_path" text_pattern_ops)`,
    );
    for (const [name, column, table] of [
      ['fk_donation_fund', 'fund_id', 'relief_fund'],
      ['fk_donation_restricted_area', 'restricted_area_id', 'area'],
      ['fk_donation_recorded_by', 'recorded_by_id', 'app_user'],
      ['fk_donation_received_by', 'received_by_id', 'app_user'],
    ])
      await q.query(
        `ALTER TABLE "donation" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
      );
    await q.query(
      `CREATE UNIQUE INDEX "ux_relief_fund_movement_donation" ON "relief_fund_movement" ("donation_id") WHERE donation_id IS NOT NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."ux_relief_fund_movement_donation"`);
    await q.query(`DROP TABLE "donation"`);
    await q.query(`DROP TYPE "public"."donation_status"`);
    await q.query(`DROP TYPE "public"."donor_kind"`);
  }
}
