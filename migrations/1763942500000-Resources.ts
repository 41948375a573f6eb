import type { MigrationInterface, QueryRunner } from 'typeorm';

/** [code, 中文, English, purpose]: the shared taxonomy of needs and resources (DESIGN.md). */
const CATEGORIES: Array<[string, string, string, string]> = [
  ['basic_living', '基本生活', 'Basic living', 'survival'],
  ['medical', '医疗救助', 'Medical care', 'survival'],
  ['education', '教育救助', 'Education', 'development'],
  ['housing', '住房救助', 'Housing', 'survival'],
  ['employment', '就业帮扶', 'Employment', 'opportunity'],
  ['care', '照护服务', 'Care (daily care, respite)', 'development'],
  ['rehabilitation', '康复服务', 'Rehabilitation', 'development'],
  ['psychological', '心理支持', 'Psychological support', 'development'],
  ['social_integration', '社会融入', 'Social integration', 'opportunity'],
  ['legal_aid', '法律援助', 'Legal aid', 'opportunity'],
  ['emergency', '急难救助', 'Emergency relief', 'survival'],
  ['elderly_smart_care', '智慧养老', 'Smart elderly care', 'development'],
];

/**
 * Providers, the category taxonomy (seeded) and resources. Generated from the entities,
 * then reviewed: pg_trgm with trigram indexes for text search, CHECKs on capacity
 * accounting, and the users' provider link were added by hand.
 */
export class Resources1763942500000 implements MigrationInterface {
  name = 'Resources1763942500000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(
      `CREATE TYPE "provider_kind" AS ENUM ('government', 'charity', 'enterprise', 'social_work_org')`,
    );
    await q.query(`CREATE TYPE "verification_status" AS ENUM ('pending', 'verified', 'suspended')`);
    await q.query(`
      CREATE TABLE "provider" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" "provider_kind" NOT NULL,
        "name" text NOT NULL,
        "uscc" character(18) NOT NULL,
        "home_area_id" uuid NOT NULL,
        "contact_name" text,
        "contact_phone" text,
        "address" text,
        "verification" "verification_status" NOT NULL DEFAULT 'pending',
        "rating" numeric(5, 2),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "pk_provider" PRIMARY KEY ("id"),
        CONSTRAINT "fk_provider_home_area" FOREIGN KEY ("home_area_id") REFERENCES "area" ("id"),
        CONSTRAINT "ck_provider_rating" CHECK ("rating" BETWEEN 0 AND 100)
      )`);
    await q.query(`CREATE UNIQUE INDEX "uq_provider_uscc" ON "provider" ("uscc")`);
    await q.query(`CREATE INDEX "ix_provider_home_area_id" ON "provider" ("home_area_id")`);
    await q.query(`CREATE INDEX "ix_app_user_provider_id" ON "app_user" ("provider_id")`);
    await q.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_provider" FOREIGN KEY ("provider_id") REFERENCES "provider" ("id")`,
    );

    await q.query(
      `CREATE TYPE "category_purpose" AS ENUM ('survival', 'development', 'opportunity')`,
    );
    await q.query(`
      CREATE TABLE "category" (
        "code" text NOT NULL,
        "name_zh" text NOT NULL,
        "name_en" text NOT NULL,
        "purpose" "category_purpose" NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_category" PRIMARY KEY ("code")
      )`);
    for (const [code, zh, en, purpose] of CATEGORIES) {
      await q.query(
        `INSERT INTO "category" ("code", "name_zh", "name_en", "purpose") VALUES ($1, $2, $3, $4)`,
        [code, zh, en, purpose],
      );
    }

    await q.query(`CREATE TYPE "resource_form" AS ENUM ('cash', 'in_kind', 'service')`);
    await q.query(`CREATE TYPE "service_level" AS ENUM ('community', 'street', 'district')`);
    await q.query(
      `CREATE TYPE "resource_status" AS ENUM ('draft', 'pending_review', 'published', 'paused', 'closed')`,
    );
    await q.query(`
      CREATE TABLE "resource" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "provider_id" uuid NOT NULL,
        "title" text NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "category_code" text NOT NULL,
        "form" "resource_form" NOT NULL,
        "service_level" "service_level" NOT NULL,
        "coverage_area_id" uuid NOT NULL,
        "capacity" integer NOT NULL,
        "reserved" integer NOT NULL DEFAULT 0,
        "delivered" integer NOT NULL DEFAULT 0,
        "value_per_unit_fen" integer,
        "valid_from" date NOT NULL,
        "valid_until" date,
        "contact_notes" text,
        "eligibility" jsonb,
        "status" "resource_status" NOT NULL DEFAULT 'draft',
        "status_reason" text,
        "published_at" TIMESTAMP WITH TIME ZONE,
        "paused_by_reviewer" boolean NOT NULL DEFAULT false,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "pk_resource" PRIMARY KEY ("id"),
        CONSTRAINT "fk_resource_provider" FOREIGN KEY ("provider_id") REFERENCES "provider" ("id"),
        CONSTRAINT "fk_resource_category" FOREIGN KEY ("category_code") REFERENCES "category" ("code"),
        CONSTRAINT "fk_resource_coverage_area" FOREIGN KEY ("coverage_area_id") REFERENCES "area" ("id"),
        -- Capacity is never over-committed, whatever runs concurrently.
        CONSTRAINT "ck_resource_units" CHECK (
          "capacity" >= 0 AND "reserved" >= 0 AND "delivered" >= 0 AND "reserved" + "delivered" <= "capacity"
        ),
        CONSTRAINT "ck_resource_validity" CHECK ("valid_until" IS NULL OR "valid_until" >= "valid_from"),
        CONSTRAINT "ck_resource_value" CHECK ("value_per_unit_fen" IS NULL OR "value_per_unit_fen" >= 0)
      )`);
    await q.query(`CREATE INDEX "ix_resource_provider_id" ON "resource" ("provider_id")`);
    await q.query(`CREATE INDEX "ix_resource_coverage_area_id" ON "resource" ("coverage_area_id")`);
    await q.query(
      `CREATE INDEX "ix_resource_status_category" ON "resource" ("status", "category_code")`,
    );
    // `q` searches title and description with ILIKE '%…%', which these serve.
    await q.query(
      `CREATE INDEX "ix_resource_title_trgm" ON "resource" USING gin ("title" gin_trgm_ops)`,
    );
    await q.query(
      `CREATE INDEX "ix_resource_description_trgm" ON "resource" USING gin ("description" gin_trgm_ops)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "resource"`);
    await q.query(`DROP TYPE "resource_status"`);
    await q.query(`DROP TYPE "service_level"`);
    await q.query(`DROP TYPE "resource_form"`);
    await q.query(`DROP TABLE "category"`);
    await q.query(`DROP TYPE "category_purpose"`);
    await q.query(`ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_provider"`);
    await q.query(`DROP INDEX "ix_app_user_provider_id"`);
    await q.query(`DROP TABLE "provider"`);
    await q.query(`DROP TYPE "verification_status"`);
    await q.query(`DROP TYPE "provider_kind"`);
    await q.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
