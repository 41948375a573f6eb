import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Emergency intake (急难登记): the intake record (household, lead, situation encrypted, amount
 * requested, its provisional assessment and needs), its supporting files, and the follow-up
 * that owes the full assessment within RELIEF_FOLLOW_UP_DAYS (due → done | overdue).
 */
export class ReliefIntake1766040000000 implements MigrationInterface {
  name = 'ReliefIntake1766040000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "relief_intake" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "household_id" uuid NOT NULL,
        "community_id" uuid NOT NULL,
        "registered_household" boolean NOT NULL,
        "lead_id" uuid,
        "situation_enc" text NOT NULL,
        "amount_requested_fen" bigint,
        "grant_id" uuid,
        "assessment_id" uuid NOT NULL,
        "needs" jsonb NOT NULL,
        "registered_by_id" uuid NOT NULL,
        "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_relief_intake_amount" CHECK ("amount_requested_fen" IS NULL OR "amount_requested_fen" >= 0),
        CONSTRAINT "pk_relief_intake" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_relief_intake_registered_at" ON "relief_intake" ("registered_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_relief_intake_household" ON "relief_intake" ("household_id")`,
    );
    // One provisional assessment per intake; the follow-up check asks whether one is.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_relief_intake_assessment" ON "relief_intake" ("assessment_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "relief_intake_file" (
        "intake_id" uuid NOT NULL,
        "file_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_relief_intake_file" PRIMARY KEY ("intake_id", "file_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_relief_intake_file_file" ON "relief_intake_file" ("file_id")`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."relief_follow_up_status" AS ENUM('due', 'overdue', 'done')`,
    );
    await queryRunner.query(`
      CREATE TABLE "relief_follow_up" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "intake_id" uuid NOT NULL,
        "household_id" uuid NOT NULL,
        "community_id" uuid NOT NULL,
        "status" "public"."relief_follow_up_status" NOT NULL DEFAULT 'due',
        "intake_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "done_at" TIMESTAMP WITH TIME ZONE,
        "assessment_id" uuid,
        "escalated_at" TIMESTAMP WITH TIME ZONE,
        "escalated_to_area_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT '1',
        CONSTRAINT "pk_relief_follow_up" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_relief_follow_up_intake" ON "relief_follow_up" ("intake_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_relief_follow_up_household" ON "relief_follow_up" ("household_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_relief_follow_up_status_due" ON "relief_follow_up" ("status", "due_at")`,
    );
    for (const [table, name, column, target] of FKS) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name] of [...FKS].reverse()) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${name}"`);
    }
    await queryRunner.query(`DROP TABLE "relief_follow_up"`);
    await queryRunner.query(`DROP TYPE "public"."relief_follow_up_status"`);
    await queryRunner.query(`DROP TABLE "relief_intake_file"`);
    await queryRunner.query(`DROP TABLE "relief_intake"`);
  }
}

/** [table, constraint, column, referenced table]: constants, never input. */
const FKS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['relief_intake', 'fk_relief_intake_household', 'household_id', 'household'],
  ['relief_intake', 'fk_relief_intake_community', 'community_id', 'area'],
  ['relief_intake', 'fk_relief_intake_lead', 'lead_id', 'lead'],
  ['relief_intake', 'fk_relief_intake_grant', 'grant_id', 'emergency_grant'],
  ['relief_intake', 'fk_relief_intake_assessment', 'assessment_id', 'assessment'],
  ['relief_intake', 'fk_relief_intake_user', 'registered_by_id', 'app_user'],
  ['relief_intake_file', 'fk_relief_intake_file_intake', 'intake_id', 'relief_intake'],
  ['relief_intake_file', 'fk_relief_intake_file_file', 'file_id', 'stored_file'],
  ['relief_follow_up', 'fk_relief_follow_up_intake', 'intake_id', 'relief_intake'],
  ['relief_follow_up', 'fk_relief_follow_up_household', 'household_id', 'household'],
  ['relief_follow_up', 'fk_relief_follow_up_community', 'community_id', 'area'],
  ['relief_follow_up', 'fk_relief_follow_up_assessment', 'assessment_id', 'assessment'],
  ['relief_follow_up', 'fk_relief_follow_up_escalated_to', 'escalated_to_area_id', 'area'],
];
