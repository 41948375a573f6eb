import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcomes at each reassessment (issue 21), as a view: one row per completed assessment that
 * has an earlier completed one for the same household — the scores and tier before and after,
 * the needs fulfilled between the two, and the days from a need's creation to its first
 * delivered referral for the needs first helped between them.
 *
 * A view and not a table written when a reassessment completes: assessments, needs and referrals
 * already hold every figure, households (where an assessment completes) may not call casework,
 * and a sweep writing rows would lag and could disagree with the assessments it copied. A view
 * is never out of date, needs no backfill for households assessed before it, and is idempotent
 * by construction. Higher scores mean more difficulty, so a negative `total_change` is an
 * improvement; the circle (1 core … 4 outermost, none above every threshold) orders the tiers.
 */
export class CaseOutcomes1765840000000 implements MigrationInterface {
  name = 'CaseOutcomes1765840000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW "case_outcome" AS
      WITH done AS (
        SELECT a.id, a.household_id, a.completed_at, a.total_score, a.dimension_scores, a.tier, a.circle,
               lag(a.id) OVER w AS previous_id,
               lag(a.completed_at) OVER w AS previous_completed_at,
               lag(a.total_score) OVER w AS previous_total,
               lag(a.dimension_scores) OVER w AS previous_dimensions,
               lag(a.tier) OVER w AS previous_tier,
               lag(a.circle) OVER w AS previous_circle
          FROM "assessment" a
         WHERE a.status IN ('completed', 'superseded') AND a.completed_at IS NOT NULL
        WINDOW w AS (PARTITION BY a.household_id ORDER BY a.completed_at, a.id)
      )
      SELECT d.id AS assessment_id,
             d.household_id,
             d.previous_id AS previous_assessment_id,
             d.previous_completed_at,
             d.completed_at,
             d.previous_total AS total_before,
             d.total_score AS total_after,
             d.total_score - d.previous_total AS total_change,
             d.previous_dimensions AS dimension_scores_before,
             d.dimension_scores AS dimension_scores_after,
             d.previous_tier AS tier_before,
             d.tier AS tier_after,
             d.previous_circle AS circle_before,
             d.circle AS circle_after,
             d.total_score < d.previous_total AS score_improved,
             coalesce(d.circle, 5) > coalesce(d.previous_circle, 5) AS tier_improved,
             fulfilled.needs_fulfilled,
             helped.needs_helped,
             helped.median_days_to_help,
             helped.mean_days_to_help
        FROM done d
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS needs_fulfilled
            FROM "need" n
           WHERE n.household_id = d.household_id AND n.status = 'fulfilled'
             AND n.ended_at > d.previous_completed_at AND n.ended_at <= d.completed_at
        ) fulfilled
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS needs_helped,
                 round((percentile_cont(0.5) WITHIN GROUP (ORDER BY x.days))::numeric, 1) AS median_days_to_help,
                 round(avg(x.days)::numeric, 1) AS mean_days_to_help
            FROM (
              SELECT extract(epoch FROM min(r.delivered_at) - n.created_at) / 86400 AS days
                FROM "need" n
                JOIN "referral" r ON r.need_id = n.id AND r.delivered_at IS NOT NULL
               WHERE n.household_id = d.household_id
               GROUP BY n.id, n.created_at
              HAVING min(r.delivered_at) > d.previous_completed_at AND min(r.delivered_at) <= d.completed_at
            ) x
        ) helped
       WHERE d.previous_id IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW "case_outcome"`);
  }
}
