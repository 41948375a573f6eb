import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface TimelineRow {
  id: string;
  at: Date;
  entityType: string;
  entityId: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  actorName: string | null;
  actorRole: string | null;
  categoryCode: string | null;
  resourceTitle: string | null;
}

/**
 * The audit rows that concern one household: those of the household itself, of its
 * assessments, needs, proposals, referrals and cases (found by the entity index), and every row
 * whose `data.householdId` names it (casework's plans, visits, check-ins… — found by the
 * expression index the CaseTimeline migration adds). Resource-level rows (a unit reserved or
 * released) are the resource's history, not the family's, so they are not included.
 */
const ENTRIES = `
  WITH ids(entity_type, entity_id) AS (
    SELECT 'household', $1::text
    UNION ALL SELECT 'assessment', id::text FROM assessment WHERE household_id = $1::uuid
    UNION ALL SELECT 'need', id::text FROM need WHERE household_id = $1::uuid
    UNION ALL SELECT 'match_proposal', id::text FROM match_proposal WHERE household_id = $1::uuid
    UNION ALL SELECT 'referral', id::text FROM referral WHERE household_id = $1::uuid
    UNION ALL SELECT 'case', id::text FROM household_case WHERE household_id = $1::uuid
  ), rows AS (
    SELECT l.* FROM audit_log l JOIN ids USING (entity_type, entity_id)
    UNION
    SELECT l.* FROM audit_log l
     WHERE l.data ? 'householdId' AND l.data ->> 'householdId' = $1::text
  )`;

@Injectable()
export class TimelineRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(
    householdId: string,
    limit: number,
    offset: number,
  ): Promise<{ rows: TimelineRow[]; total: number }> {
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<TimelineRow[]>(
        `${ENTRIES}
         SELECT r.id::text AS id, r.at, r.entity_type AS "entityType", r.entity_id AS "entityId",
                r.action, r.from_state AS "fromState", r.to_state AS "toState", r.reason,
                u.display_name AS "actorName", r.actor_role AS "actorRole",
                COALESCE(n.category_code, p.category_code, f.category_code) AS "categoryCode",
                res.title AS "resourceTitle"
           FROM rows r
           LEFT JOIN app_user u ON u.id = r.actor_id
           LEFT JOIN need n ON r.entity_type = 'need' AND n.id::text = r.entity_id
           LEFT JOIN match_proposal p ON r.entity_type = 'match_proposal' AND p.id::text = r.entity_id
           LEFT JOIN referral f ON r.entity_type = 'referral' AND f.id::text = r.entity_id
           LEFT JOIN resource res ON res.id = COALESCE(p.resource_id, f.resource_id)
          ORDER BY r.at DESC, r.id DESC
          LIMIT $2 OFFSET $3`,
        [householdId, limit, offset],
      ),
      this.dataSource.query<Array<{ total: number }>>(
        `${ENTRIES} SELECT count(*)::int AS total FROM rows`,
        [householdId],
      ),
    ]);
    return { rows, total };
  }
}
