import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case visits and notes (issue 21): visits made and recorded on a case, or due from the
 * household's revisit date (one per case and date), the note only as AES-256-GCM ciphertext;
 * and a row per decryption of a note (who read which note, when, where).
 */
export class CaseVisits1765810000000 implements MigrationInterface {
  name = 'CaseVisits1765810000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "case_visit" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "status" text NOT NULL,
        "due_at" TIMESTAMP WITH TIME ZONE,
        "occurred_at" TIMESTAMP WITH TIME ZONE,
        "recorded_by" uuid,
        "recorded_at" TIMESTAMP WITH TIME ZONE,
        "note_enc" bytea,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_case_visit" PRIMARY KEY ("id"),
        CONSTRAINT "ck_case_visit_kind" CHECK ("kind" IN ('home_visit', 'phone_call', 'office_meeting', 'other')),
        CONSTRAINT "ck_case_visit_status" CHECK ("status" IN ('due', 'done', 'missed', 'cancelled')),
        CONSTRAINT "fk_case_visit_case" FOREIGN KEY ("case_id") REFERENCES "household_case"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_case_visit_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "app_user"("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "ux_case_visit_case_due_at" ON "case_visit" ("case_id", "due_at") WHERE "due_at" IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "ix_case_visit_case_id" ON "case_visit" ("case_id")`);
    await q.query(
      `CREATE INDEX "ix_case_visit_status_due_at" ON "case_visit" ("status", "due_at")`,
    );
    await q.query(`
      CREATE TABLE "case_note_read" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "visit_id" uuid NOT NULL,
        "reader_id" uuid NOT NULL,
        "purpose" text NOT NULL,
        "read_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_case_note_read" PRIMARY KEY ("id"),
        CONSTRAINT "ck_case_note_read_purpose" CHECK ("purpose" IN ('list', 'record', 'correct')),
        CONSTRAINT "fk_case_note_read_visit" FOREIGN KEY ("visit_id") REFERENCES "case_visit"("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "ix_case_note_read_case_at" ON "case_note_read" ("case_id", "read_at")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_note_read"`);
    await q.query(`DROP TABLE "case_visit"`);
  }
}
