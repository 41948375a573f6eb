import type { EntityManager } from 'typeorm';

/** The staff steps that carry a deadline (issue 18). */
export const STAFF_STEPS = [
  'proposal_approval',
  'resource_review',
  'provider_application',
] as const;
export type StaffStep = (typeof STAFF_STEPS)[number];

export interface StaffSlaFigures {
  step: StaffStep;
  /** Steps whose deadline falls in the period. */
  steps: number;
  /** Decided, or still waiting past the deadline: the deadline was put to the test. */
  due: number;
  /** Decided by the deadline. */
  onTime: number;
  /** Still waiting and past the deadline, now. */
  overdue: number;
  /** Escalated to the area above by the sweep. */
  escalated: number;
}

/**
 * One row per staff step in the scope (the household's community, the resource's coverage, the
 * organization's home area under `scopePath`) whose deadline falls in [start, end). A proposal's
 * decision time is recorded; a review's and an application's decision on time is one the sweep
 * never marked overdue (it runs every 5 minutes, so at most that late).
 */
export function staffSlaFigures(
  m: EntityManager,
  scopePath: string,
  start: Date,
  end: Date,
  now: Date,
): Promise<StaffSlaFigures[]> {
  return m.query(
    `WITH s AS (
       SELECT 'proposal_approval' AS step, mp.approval_due_at AS due_at,
              mp.status IN ('approved', 'rejected') AS decided,
              mp.status = 'proposed' AS waiting,
              mp.decided_at <= mp.approval_due_at AS on_time,
              mp.escalated_to_area_id IS NOT NULL AS escalated
         FROM match_proposal mp JOIN household h ON h.id = mp.household_id
         JOIN area a ON a.id = h.community_id
        WHERE a.path LIKE $1 || '%' AND mp.approval_due_at >= $2 AND mp.approval_due_at < $3
       UNION ALL
       SELECT 'resource_review', r.review_due_at, r.status <> 'pending_review',
              r.status = 'pending_review',
              r.status <> 'pending_review' AND r.review_overdue_at IS NULL,
              r.review_escalated_to_area_id IS NOT NULL
         FROM resource r JOIN area a ON a.id = r.coverage_area_id
        WHERE a.path LIKE $1 || '%' AND r.review_due_at >= $2 AND r.review_due_at < $3
       UNION ALL
       SELECT 'provider_application', pa.due_at, pa.status <> 'pending', pa.status = 'pending',
              pa.decided_at <= pa.due_at, pa.escalated_to_area_id IS NOT NULL
         FROM provider_application pa JOIN area a ON a.id = pa.home_area_id
        WHERE a.path LIKE $1 || '%' AND pa.due_at >= $2 AND pa.due_at < $3
     )
     SELECT step, count(*)::int AS steps,
            count(*) FILTER (WHERE decided OR (waiting AND due_at <= $4))::int AS due,
            count(*) FILTER (WHERE decided AND on_time)::int AS "onTime",
            count(*) FILTER (WHERE waiting AND due_at <= $4)::int AS overdue,
            count(*) FILTER (WHERE escalated)::int AS escalated
       FROM s GROUP BY step`,
    [scopePath, start, end, now],
  );
}
