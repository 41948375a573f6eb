import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { EligibilityFacts } from '@onedoor/resources';

/** A household's eligibility facts from one completed assessment, with its community path. */
export interface HouseholdFacts {
  householdId: string;
  /** The household's community path ('/city/district/street/community/'). */
  areaPath: string;
  assessmentId: string;
  tier: string | null;
  facts: EligibilityFacts | null;
}

/**
 * Households' facts as the matcher and decisions read them. The community's path is joined in
 * (area is a lower lib), as the lib's other reads do for scope: one statement per batch.
 */
@Injectable()
export class HouseholdFactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * For each household (not exited, with a completed assessment): its latest completed
   * assessment's facts. Households without one are absent.
   */
  latest(householdIds: string[]): Promise<HouseholdFacts[]> {
    return this.dataSource.query(
      `SELECT h.id AS "householdId", a.path AS "areaPath", s.id AS "assessmentId", h.tier,
              s.facts_snapshot -> 'eligibility' AS facts
         FROM household h
         JOIN area a ON a.id = h.community_id
         JOIN LATERAL (
           SELECT id, facts_snapshot FROM assessment
            WHERE household_id = h.id AND status = 'completed'
            ORDER BY completed_at DESC LIMIT 1
         ) s ON true
        WHERE h.id = ANY($1) AND h.status <> 'exited'`,
      [householdIds],
    );
  }

  /** The household's facts at this assessment, in the caller's transaction; null if unknown. */
  async atAssessment(
    manager: EntityManager,
    householdId: string,
    assessmentId: string,
  ): Promise<HouseholdFacts | null> {
    const [row] = await manager.query(
      `SELECT h.id AS "householdId", c.path AS "areaPath", s.id AS "assessmentId", h.tier,
              s.facts_snapshot -> 'eligibility' AS facts
         FROM household h
         JOIN area c ON c.id = h.community_id
         JOIN assessment s ON s.id = $2
        WHERE h.id = $1`,
      [householdId, assessmentId],
    );
    return row ?? null;
  }
}
