import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A plan the sync changed, with what its audit rows and notices need. */
export interface SyncedPlan {
  planId: string;
  caseId: string;
  householdId: string;
  adviserId: string | null;
  communityPath: string;
  headName: string | null;
}

/** A goal the sync flagged, and the referral whose end flagged it. */
export interface FlaggedGoal {
  planId: string;
  goalId: string;
  needId: string | null;
  category: string;
  referralId: string;
  flagReason: string;
}

/** Plans still followed: drafts and the agreed version (superseded ones are history). */
const LIVE_PLAN = `p.status IN ('draft', 'agreed')`;
const DELIVERED = `(r.status = 'delivered' OR (r.status = 'closed' AND r.delivered_at IS NOT NULL))`;

/**
 * The plan sync's statements: each rule is one set-based UPDATE joining the plan's rows to the
 * referral's or need's state now, and changes only what is not yet in line, so running it
 * twice changes nothing the second time. The referral and need tables are read across the
 * lib line (see PlansRepository).
 */
@Injectable()
export class PlanSyncRepository {
  /**
   * Locks (in id order, as an edit locks its plan before its rows) the live plans some rule
   * would change: of one case, or of all.
   */
  async lockPending(manager: EntityManager, caseId: string | null): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT p.id FROM case_plan p
        WHERE ${LIVE_PLAN} AND ($1::uuid IS NULL OR p.case_id = $1)
          AND (EXISTS (
                SELECT 1 FROM case_plan_goal g
                  JOIN case_plan_action a ON a.goal_id = g.id
                  JOIN referral r
                    ON r.id = a.referral_id
                    OR (a.referral_id IS NULL AND r.proposal_id = a.proposal_id)
                 WHERE g.plan_id = p.id AND a.status = 'todo'
                   AND (a.referral_id IS NULL OR ${DELIVERED}
                        OR r.status IN ('declined', 'expired')))
            OR EXISTS (
                SELECT 1 FROM case_plan_goal g JOIN need n ON n.id = g.need_id
                 WHERE g.plan_id = p.id AND g.status IN ('open', 'in_progress')
                   AND n.status = 'fulfilled'))
        ORDER BY p.id
        FOR UPDATE OF p`,
      [caseId],
    );
    return rows.map((r) => r.id);
  }

  /** An action made for a proposal learns its referral once the approval sent one. */
  async linkReferrals(manager: EntityManager, planIds: string[]): Promise<void> {
    await manager.query(
      `UPDATE case_plan_action a SET referral_id = r.id
         FROM case_plan_goal g, referral r
        WHERE g.id = a.goal_id AND g.plan_id = ANY($1) AND a.status = 'todo'
          AND a.referral_id IS NULL AND r.proposal_id = a.proposal_id`,
      [planIds],
    );
  }

  /** Rule 1: a referral delivered (or closed after delivery) → its action done. */
  markDelivered(
    manager: EntityManager,
    planIds: string[],
  ): Promise<Array<{ planId: string; actionId: string; referralId: string }>> {
    return manager
      .query(
        `UPDATE case_plan_action a SET status = 'done'
           FROM case_plan_goal g, referral r
          WHERE g.id = a.goal_id AND g.plan_id = ANY($1) AND a.status = 'todo'
            AND r.id = a.referral_id AND ${DELIVERED}
          RETURNING g.plan_id AS "planId", a.id AS "actionId", r.id AS "referralId"`,
        [planIds],
      )
      .then(([rows]: [Array<{ planId: string; actionId: string; referralId: string }>]) => rows);
  }

  /**
   * Rule 2: a referral declined or expired → its action cancelled (it will not happen) and its
   * goal, if still pursued, flagged for the adviser with the reason. Cancelling the action is
   * what makes the rule fire once: a flag the adviser cleared stays cleared.
   */
  flagEnded(manager: EntityManager, planIds: string[]): Promise<FlaggedGoal[]> {
    return manager
      .query(
        `WITH ended AS (
           UPDATE case_plan_action a SET status = 'cancelled'
             FROM case_plan_goal g, referral r
            WHERE g.id = a.goal_id AND g.plan_id = ANY($1) AND a.status = 'todo'
              AND r.id = a.referral_id AND r.status IN ('declined', 'expired')
            RETURNING a.goal_id, r.id AS referral_id, 'referral_' || r.status::text AS reason)
         UPDATE case_plan_goal g SET flagged = true, flag_reason = e.reason
           FROM (SELECT DISTINCT ON (goal_id) goal_id, referral_id, reason FROM ended
                  ORDER BY goal_id, reason, referral_id) e
          WHERE g.id = e.goal_id AND g.status IN ('open', 'in_progress')
          RETURNING g.plan_id AS "planId", g.id AS "goalId", g.need_id AS "needId",
                    g.category, e.referral_id AS "referralId", g.flag_reason AS "flagReason"`,
        [planIds],
      )
      .then(([rows]: [FlaggedGoal[]]) => rows);
  }

  /** Rule 3: the goal's need fulfilled → the goal achieved. */
  markAchieved(
    manager: EntityManager,
    planIds: string[],
  ): Promise<Array<{ planId: string; goalId: string; needId: string }>> {
    return manager
      .query(
        `UPDATE case_plan_goal g SET status = 'achieved'
           FROM need n
          WHERE n.id = g.need_id AND g.plan_id = ANY($1)
            AND g.status IN ('open', 'in_progress') AND n.status = 'fulfilled'
          RETURNING g.plan_id AS "planId", g.id AS "goalId", n.id AS "needId"`,
        [planIds],
      )
      .then(([rows]: [Array<{ planId: string; goalId: string; needId: string }>]) => rows);
  }

  /** The changed plans' revision moves on (an edit read before the sync is then stale). */
  async bump(manager: EntityManager, planIds: string[]): Promise<SyncedPlan[]> {
    if (planIds.length === 0) return [];
    return manager
      .query(
        `UPDATE case_plan p SET revision = p.revision + 1
           FROM household_case c, household h, area community
          WHERE p.id = ANY($1) AND c.id = p.case_id AND h.id = c.household_id
            AND community.id = h.community_id
          RETURNING p.id AS "planId", p.case_id AS "caseId", c.household_id AS "householdId",
                    c.adviser_id AS "adviserId", community.path AS "communityPath",
                    (SELECT hm.name FROM household_member hm
                      WHERE hm.household_id = h.id AND hm.is_head LIMIT 1) AS "headName"`,
        [planIds],
      )
      .then(([rows]: [SyncedPlan[]]) => rows);
  }
}
