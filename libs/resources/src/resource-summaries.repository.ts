import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ResourceForm, ServiceLevel } from './resource.types';

/** What another lib shows or weighs of a resource it refers to. */
export interface ResourceSummary {
  title: string;
  form: ResourceForm;
  categoryCode: string;
  serviceLevel: ServiceLevel;
  providerId: string;
  providerName: string;
  /** Fen per unit (what a referral to it counts for against a need's money gap). */
  valuePerUnitFen: number | null;
}

/**
 * Resources by id for the records that point at them (proposals, referrals, a household's
 * history): one statement for a page or a batch, never one per row.
 */
@Injectable()
export class ResourceSummariesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * These resources, whatever their status; unknown ids are absent. In the caller's transaction
   * when given one (an approval must not wait for a second connection while holding its first).
   */
  async byIds(ids: string[], manager?: EntityManager): Promise<Map<string, ResourceSummary>> {
    if (ids.length === 0) return new Map();
    const rows: Array<ResourceSummary & { id: string }> = await (
      manager ?? this.dataSource.manager
    ).query(
      `SELECT r.id, r.title, r.form, r.category_code AS "categoryCode",
              r.service_level AS "serviceLevel", r.provider_id AS "providerId", p.name AS "providerName",
              r.value_per_unit_fen AS "valuePerUnitFen"
         FROM resource r JOIN provider p ON p.id = r.provider_id
        WHERE r.id = ANY($1)`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map(({ id, ...summary }) => [id, summary]));
  }
}
