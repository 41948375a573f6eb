import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_TEMPLATE_V1 } from './default-assessment-template';

/**
 * Households, members (identity numbers as HMAC + ciphertext only), assessment templates
 * (the default comprehensive one seeded as version 1), assessments and needs. Generated
 * from the entities, then reviewed: the partial unique index on heads' identities and the
 * CHECKs were added by hand.
 */
export class Households1763942600000 implements MigrationInterface {
  name = 'Households1763942600000';

  public async up(q: QueryRunner): Promise<void> {
    const enums: Array<[string, string[]]> = [
      [
        'member_relation',
        ['self', 'spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'other'],
      ],
      ['gender', ['male', 'female']],
      [
        'employment_status',
        ['employed', 'unemployed', 'retired', 'student', 'unable_to_work', 'other'],
      ],
      [
        'education_stage',
        ['none', 'preschool', 'primary', 'junior', 'senior', 'vocational', 'college', 'finished'],
      ],
      ['residency', ['local', 'non_local']],
      ['housing_kind', ['owned', 'rented', 'public_rental', 'none', 'other']],
      ['household_status', ['active', 'exiting', 'exited']],
      [
        'household_tier',
        ['extreme_poverty', 'subsistence', 'low_income', 'expenditure_poverty', 'emergency'],
      ],
      ['assessment_status', ['draft', 'completed', 'superseded']],
      ['need_urgency', ['normal', 'urgent', 'emergency']],
      ['need_status', ['open', 'matched', 'fulfilled', 'closed_unmet', 'withdrawn']],
    ];
    for (const [name, values] of enums) {
      await q.query(`CREATE TYPE "${name}" AS ENUM (${values.map((v) => `'${v}'`).join(', ')})`);
    }
    await q.query(`
      CREATE TABLE "household" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "community_id" uuid NOT NULL,
        "residency" "residency" NOT NULL,
        "phone_enc" text,
        "address" text,
        "tags" text array NOT NULL DEFAULT '{}',
        "savings_fen" bigint NOT NULL DEFAULT 0,
        "vehicles" integer NOT NULL DEFAULT 0,
        "housing" "housing_kind" NOT NULL DEFAULT 'owned',
        "medical_expense_fen" integer NOT NULL DEFAULT 0,
        "education_expense_fen" integer NOT NULL DEFAULT 0,
        "status" "household_status" NOT NULL DEFAULT 'active',
        "tier" "household_tier",
        "circle" smallint,
        "grace_ends_at" TIMESTAMP WITH TIME ZONE,
        "last_assessed_at" TIMESTAMP WITH TIME ZONE,
        "next_revisit_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "pk_household" PRIMARY KEY ("id"),
        CONSTRAINT "fk_household_community" FOREIGN KEY ("community_id") REFERENCES "area" ("id"),
        CONSTRAINT "ck_household_amounts" CHECK (
          "savings_fen" >= 0 AND "vehicles" >= 0 AND "medical_expense_fen" >= 0 AND "education_expense_fen" >= 0
        )
      )`);
    await q.query(`CREATE INDEX "ix_household_community_id" ON "household" ("community_id")`);
    await q.query(
      `CREATE INDEX "ix_household_status_revisit" ON "household" ("status", "next_revisit_at")`,
    );

    await q.query(`
      CREATE TABLE "household_member" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "household_id" uuid NOT NULL,
        "name" text NOT NULL,
        "relation" "member_relation" NOT NULL,
        "is_head" boolean NOT NULL DEFAULT false,
        "id_hmac" character(64) NOT NULL,
        "id_enc" text NOT NULL,
        "id_masked" text NOT NULL,
        "birth_date" date NOT NULL,
        "gender" "gender" NOT NULL,
        "disability_grade" smallint NOT NULL DEFAULT 0,
        "chronic_illness" boolean NOT NULL DEFAULT false,
        "employment" "employment_status" NOT NULL,
        "education_stage" "education_stage" NOT NULL DEFAULT 'none',
        "monthly_income_fen" integer NOT NULL DEFAULT 0,
        CONSTRAINT "pk_household_member" PRIMARY KEY ("id"),
        CONSTRAINT "fk_household_member_household" FOREIGN KEY ("household_id") REFERENCES "household" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_household_member_values" CHECK ("disability_grade" BETWEEN 0 AND 4 AND "monthly_income_fen" >= 0)
      )`);
    await q.query(
      `CREATE INDEX "ix_household_member_household_id" ON "household_member" ("household_id")`,
    );
    await q.query(`CREATE INDEX "ix_household_member_id_hmac" ON "household_member" ("id_hmac")`);
    // One household per head identity, under any concurrency.
    await q.query(
      `CREATE UNIQUE INDEX "uq_household_member_head" ON "household_member" ("id_hmac") WHERE "is_head"`,
    );

    await q.query(`
      CREATE TABLE "assessment_template" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" text NOT NULL,
        "version" integer NOT NULL,
        "name" text NOT NULL,
        "definition" jsonb NOT NULL,
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_assessment_template" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_assessment_template_code_version" ON "assessment_template" ("code", "version")`,
    );
    await q.query(
      `INSERT INTO "assessment_template" ("code", "version", "name", "definition") VALUES ('comprehensive', 1, '困难家庭综合评估', $1)`,
      [JSON.stringify(DEFAULT_TEMPLATE_V1)],
    );

    await q.query(`
      CREATE TABLE "assessment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "household_id" uuid NOT NULL,
        "template_id" uuid NOT NULL,
        "status" "assessment_status" NOT NULL DEFAULT 'draft',
        "answers" jsonb NOT NULL DEFAULT '{}',
        "assessor_id" uuid NOT NULL,
        "dimension_scores" jsonb,
        "total_score" numeric(5, 1),
        "tier" "household_tier",
        "circle" smallint,
        "tier_reason" text,
        "facts_snapshot" jsonb,
        "completed_at" TIMESTAMP WITH TIME ZONE,
        "match_enqueued_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "pk_assessment" PRIMARY KEY ("id"),
        CONSTRAINT "fk_assessment_household" FOREIGN KEY ("household_id") REFERENCES "household" ("id"),
        CONSTRAINT "fk_assessment_template" FOREIGN KEY ("template_id") REFERENCES "assessment_template" ("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_assessment_household_status" ON "assessment" ("household_id", "status")`,
    );

    await q.query(`
      CREATE TABLE "need" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "household_id" uuid NOT NULL,
        "assessment_id" uuid NOT NULL,
        "category_code" text NOT NULL,
        "severity" smallint NOT NULL,
        "urgency" "need_urgency" NOT NULL,
        "status" "need_status" NOT NULL DEFAULT 'open',
        "source" text NOT NULL,
        "note" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_need" PRIMARY KEY ("id"),
        CONSTRAINT "fk_need_household" FOREIGN KEY ("household_id") REFERENCES "household" ("id"),
        CONSTRAINT "fk_need_assessment" FOREIGN KEY ("assessment_id") REFERENCES "assessment" ("id"),
        CONSTRAINT "fk_need_category" FOREIGN KEY ("category_code") REFERENCES "category" ("code"),
        CONSTRAINT "ck_need_severity" CHECK ("severity" BETWEEN 1 AND 5)
      )`);
    await q.query(`CREATE INDEX "ix_need_household_status" ON "need" ("household_id", "status")`);
    await q.query(`CREATE INDEX "ix_need_category_status" ON "need" ("category_code", "status")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'need',
      'assessment',
      'assessment_template',
      'household_member',
      'household',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
    for (const type of [
      'need_status',
      'need_urgency',
      'assessment_status',
      'household_tier',
      'household_status',
      'housing_kind',
      'residency',
      'education_stage',
      'employment_status',
      'gender',
      'member_relation',
    ]) {
      await q.query(`DROP TYPE "${type}"`);
    }
  }
}
