import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supervision and contracted workers (issue 21). A contracted social-work worker is an assessor
 * account affiliated to their organization (`provider_id`), under a contract (`contract_id`, no
 * foreign key: the contract is procurement's, the user the platform's) until `access_until`.
 * `case_supervision`: a supervisor's comments and required actions on a case, the adviser's
 * answers; both texts encrypted (PiiCipher).
 */
export class SupervisionContractedWorkers1765830000000 implements MigrationInterface {
  name = 'SupervisionContractedWorkers1765830000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ADD "contract_id" uuid`);
    await q.query(`ALTER TABLE "app_user" ADD "access_until" TIMESTAMP WITH TIME ZONE`);
    await q.query(`CREATE INDEX "ix_app_user_contract_id" ON "app_user" ("contract_id")`);
    await q.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "ck_app_user_contracted" CHECK ("contract_id" IS NULL OR ("role" = 'assessor' AND "provider_id" IS NOT NULL AND "access_until" IS NOT NULL))`,
    );
    await q.query(`
      CREATE TABLE "case_supervision" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "household_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "text_enc" text NOT NULL,
        "due_date" date,
        "status" text NOT NULL DEFAULT 'open',
        "author_id" uuid NOT NULL,
        "answer_enc" text,
        "answered_by" uuid,
        "answered_at" TIMESTAMP WITH TIME ZONE,
        "resolved_by" uuid,
        "resolved_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "pk_case_supervision" PRIMARY KEY ("id"),
        CONSTRAINT "ck_case_supervision_kind" CHECK ("kind" IN ('comment', 'required_action')),
        CONSTRAINT "ck_case_supervision_status" CHECK ("status" IN ('open', 'answered', 'resolved')),
        CONSTRAINT "ck_case_supervision_due" CHECK ("due_date" IS NULL OR "kind" = 'required_action'),
        CONSTRAINT "fk_case_supervision_case" FOREIGN KEY ("case_id") REFERENCES "household_case"("id"),
        CONSTRAINT "fk_case_supervision_household" FOREIGN KEY ("household_id") REFERENCES "household"("id"),
        CONSTRAINT "fk_case_supervision_author" FOREIGN KEY ("author_id") REFERENCES "app_user"("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_case_supervision_case_created" ON "case_supervision" ("case_id", "created_at")`,
    );
    await q.query(`CREATE INDEX "ix_case_supervision_status" ON "case_supervision" ("status")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_supervision"`);
    await q.query(`ALTER TABLE "app_user" DROP CONSTRAINT "ck_app_user_contracted"`);
    await q.query(`DROP INDEX "ix_app_user_contract_id"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "access_until"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "contract_id"`);
  }
}
