import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { EligibilityRules } from './eligibility/eligibility.types';
import type { ResourceForm, ServiceLevel } from './resource.types';

/** A published resource of a verified provider, as the matcher weighs it. */
export interface ResourceCandidate {
  id: string;
  categoryCode: string;
  form: ResourceForm;
  serviceLevel: ServiceLevel;
  coveragePath: string;
  validFrom: string;
  validUntil: string | null;
  remaining: number;
  valuePerUnitFen: number | null;
  eligibility: EligibilityRules | null;
  /** 0–100, null before any contract evaluation. */
  providerRating: number | null;
}

/** What the matcher reads of the resource pool, set-based: one statement per batch, never per row. */
@Injectable()
export class ResourceCandidatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Published resources of verified providers in these categories whose coverage area is one
   * of these areas (the ids on the households' paths: index-backed), with what is left of them.
   * Resource, provider and coverage area are joined in this one statement: it is the matcher's
   * set-based candidate search, and a read per resource would cost a round trip each.
   */
  async candidates(categories: string[], coverageAreaIds: string[]): Promise<ResourceCandidate[]> {
    if (categories.length === 0) return [];
    const rows: Array<Omit<ResourceCandidate, 'eligibility'> & { eligibility: string | null }> =
      await this.dataSource.query(
        `SELECT r.id, r.category_code AS "categoryCode", r.form, r.service_level AS "serviceLevel",
              cov.path AS "coveragePath", to_char(r.valid_from, 'YYYY-MM-DD') AS "validFrom",
              to_char(r.valid_until, 'YYYY-MM-DD') AS "validUntil",
              r.capacity - r.reserved - r.delivered AS remaining,
              r.value_per_unit_fen AS "valuePerUnitFen", r.eligibility::text AS eligibility,
              p.rating::float8 AS "providerRating"
         FROM resource r
         JOIN provider p ON p.id = r.provider_id AND p.verification = 'verified'
         JOIN area cov ON cov.id = r.coverage_area_id
        WHERE r.status = 'published' AND r.category_code = ANY($1) AND r.coverage_area_id = ANY($2::uuid[])
        ORDER BY r.id`,
        [categories, coverageAreaIds],
      );
    // One object per distinct rule document (a pool has few: policies share their rules), so
    // the engine evaluates each once per household and groups the rejections by it.
    const documents = new Map<string, EligibilityRules | null>();
    return rows.map((row) => {
      const text = row.eligibility;
      if (text === null) return { ...row, eligibility: null };
      let rules = documents.get(text);
      if (rules === undefined) {
        rules = JSON.parse(text) as EligibilityRules | null;
        documents.set(text, rules);
      }
      return { ...row, eligibility: rules };
    });
  }

  /** Which of these categories have published resources of verified providers anywhere. */
  async suppliedCategories(categories: string[]): Promise<Set<string>> {
    const rows: Array<{ c: string }> = await this.dataSource.query(
      `SELECT DISTINCT r.category_code AS c
         FROM resource r JOIN provider p ON p.id = r.provider_id AND p.verification = 'verified'
        WHERE r.status = 'published' AND r.category_code = ANY($1)`,
      [categories],
    );
    return new Set(rows.map((r) => r.c));
  }

  /** A published resource's category and coverage path; null when it is not published. */
  async publishedCoverage(
    resourceId: string,
  ): Promise<{ categoryCode: string; coveragePath: string } | null> {
    const [row] = await this.dataSource.query(
      `SELECT r.category_code AS "categoryCode", cov.path AS "coveragePath"
         FROM resource r JOIN area cov ON cov.id = r.coverage_area_id
        WHERE r.id = $1 AND r.status = 'published'`,
      [resourceId],
    );
    return row ?? null;
  }
}
