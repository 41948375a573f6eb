import type { EntityManager } from 'typeorm';

export const CASE_OUTCOME_GROUPS = ['adviser', 'community', 'street'] as const;
export type CaseOutcomeGroup = (typeof CASE_OUTCOME_GROUPS)[number];

/** The case closing reasons that mean the family left assistance (the others do not). */
export const LEAVING_CLOSE_REASONS = ['exited', 'no_longer_in_difficulty'] as const;

/**
 * The households of the scope ($1) with the group each counts in ($2): its community, that
 * community's street, or the adviser of its current case (the open one, else the latest; ''
 * when none or unassigned). Figures follow the household to where it is now: a household that
 * moved counts in its new community, a handed-over case with its new adviser.
 */
const HOUSEHOLDS_SQL = `
  hh AS (
    SELECT h.id,
           CASE $2::text
             WHEN 'community' THEN c.id::text
             WHEN 'street' THEN c.parent_id::text
             ELSE coalesce((SELECT hc.adviser_id::text FROM household_case hc
                             WHERE hc.household_id = h.id
                             ORDER BY hc.status = 'open' DESC, hc.opened_at DESC LIMIT 1), '')
           END AS key
      FROM household h JOIN area c ON c.id = h.community_id
     WHERE c.path LIKE $1 || '%'
  )`;

/**
 * When a household left assistance: its case closed as exited or no longer in difficulty, or
 * the household itself exiting at the end of its grace period. Read from the audit log, the only
 * record of a close that a reopening cleared from the case.
 */
const LEAVES_SQL = `
  leave AS (
    SELECT hc.household_id, al.at
      FROM audit_log al JOIN household_case hc ON hc.id::text = al.entity_id
     WHERE al.entity_type = 'case' AND al.action = 'close'
       AND al.reason IN (${LEAVING_CLOSE_REASONS.map((r) => `'${r}'`).join(', ')})
    UNION ALL
    SELECT h.id, al.at
      FROM audit_log al JOIN household h ON h.id::text = al.entity_id
     WHERE al.entity_type = 'household' AND al.action = 'exit'
  )`;

export interface CaseOutcomeFigures {
  /** Null on the total row. */
  key: string | null;
  caseload: number;
  visitsDue: number;
  visitsOnTime: number;
  plansAgreed: number;
  goals: number;
  goalsAchieved: number;
  reassessments: number;
  scoreImproved: number;
  meanScoreChange: number | null;
  tierImproved: number;
  needsFulfilled: number;
  left: number;
  leftBefore: number;
  cameBack: number;
}

export const NO_CASE_OUTCOMES: Omit<CaseOutcomeFigures, 'key'> = {
  caseload: 0,
  visitsDue: 0,
  visitsOnTime: 0,
  plansAgreed: 0,
  goals: 0,
  goalsAchieved: 0,
  reassessments: 0,
  scoreImproved: 0,
  meanScoreChange: null,
  tierImproved: 0,
  needsFulfilled: 0,
  left: 0,
  leftBefore: 0,
  cameBack: 0,
};

type Keyed<T> = T & { key: string | null };

/**
 * The outcome figures per group and in total (the GROUPING SETS `()` row, key null), for the
 * period [start, end):
 * - caseload: cases open at the period's end (opened before it, not closed before it), and of
 *   those plansAgreed: with a plan the family agreed before the period's end; goals and
 *   goalsAchieved: the goals (not dropped) of the current agreed plan, if agreed before the
 *   period's end, of each case open at some time in the period, and those achieved (as of now:
 *   goals keep no date); all counted with the case's own adviser;
 * - visitsDue: visits due in the period (not cancelled) that are done or whose due time has
 *   passed, and visitsOnTime: those done by their due date (China calendar day), also with the
 *   case's own adviser (due visits follow the case);
 * - reassessments completed in the period (`case_outcome` rows), those whose total score went
 *   down, their mean total change, those whose circle moved outward, needs fulfilled before them;
 * - left: households that left assistance in the period;
 * - leftBefore: households that left in the 12 months before the period's start, and of those
 *   cameBack: a case opened or reopened, or a need recorded for the household, after it left,
 *   within 12 months of leaving and before the period's end (防止返贫: returns to poverty).
 */
export async function caseOutcomeFigures(
  m: EntityManager,
  scopePath: string,
  groupBy: CaseOutcomeGroup,
  start: Date,
  end: Date,
  now: Date,
): Promise<CaseOutcomeFigures[]> {
  const params = [scopePath, groupBy, start, end];
  const cases: Array<
    Keyed<Pick<CaseOutcomeFigures, 'caseload' | 'plansAgreed' | 'goals' | 'goalsAchieved'>>
  > = await m.query(
    `WITH ${HOUSEHOLDS_SQL},
     active AS (
       SELECT hc.id, hc.closed_at IS NULL OR hc.closed_at >= $4 AS open_at_end,
              CASE $2::text WHEN 'adviser' THEN coalesce(hc.adviser_id::text, '') ELSE hh.key END AS key
         FROM household_case hc JOIN hh ON hh.id = hc.household_id
        WHERE hc.opened_at < $4 AND (hc.closed_at IS NULL OR hc.closed_at >= $3)
     )
     SELECT a.key,
            count(*) FILTER (WHERE a.open_at_end)::int AS caseload,
            count(*) FILTER (WHERE a.open_at_end AND EXISTS (
              SELECT 1 FROM case_plan p WHERE p.case_id = a.id AND p.agreed_at < $4))::int AS "plansAgreed",
            coalesce(sum(g.goals), 0)::int AS goals,
            coalesce(sum(g.achieved), 0)::int AS "goalsAchieved"
       FROM active a
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE goal.status <> 'dropped') AS goals,
                count(*) FILTER (WHERE goal.status = 'achieved') AS achieved
           FROM case_plan p JOIN case_plan_goal goal ON goal.plan_id = p.id
          WHERE p.case_id = a.id AND p.status = 'agreed' AND p.agreed_at < $4
       ) g ON true
      GROUP BY GROUPING SETS ((a.key), ())`,
    params,
  );
  const visits: Array<Keyed<Pick<CaseOutcomeFigures, 'visitsDue' | 'visitsOnTime'>>> =
    await m.query(
      `WITH ${HOUSEHOLDS_SQL},
       due AS (
         SELECT CASE $2::text WHEN 'adviser' THEN coalesce(hc.adviser_id::text, '') ELSE hh.key END AS key,
                v.status, v.due_at, v.occurred_at
           FROM case_visit v
           JOIN household_case hc ON hc.id = v.case_id
           JOIN hh ON hh.id = hc.household_id
          WHERE v.due_at >= $3 AND v.due_at < $4 AND v.status <> 'cancelled'
            AND (v.status = 'done' OR v.due_at < $5)
       )
       SELECT key,
              count(*)::int AS "visitsDue",
              count(*) FILTER (WHERE status = 'done'
                AND (occurred_at AT TIME ZONE 'Asia/Shanghai')::date
                    <= (due_at AT TIME ZONE 'Asia/Shanghai')::date)::int AS "visitsOnTime"
         FROM due GROUP BY GROUPING SETS ((key), ())`,
      [...params, now],
    );
  const reassessed: Array<
    Keyed<
      Pick<
        CaseOutcomeFigures,
        'reassessments' | 'scoreImproved' | 'meanScoreChange' | 'tierImproved' | 'needsFulfilled'
      >
    >
  > = await m.query(
    `WITH ${HOUSEHOLDS_SQL}
       SELECT hh.key,
              count(*)::int AS reassessments,
              count(*) FILTER (WHERE o.score_improved)::int AS "scoreImproved",
              round(avg(o.total_change), 1)::float8 AS "meanScoreChange",
              count(*) FILTER (WHERE o.tier_improved)::int AS "tierImproved",
              coalesce(sum(o.needs_fulfilled), 0)::int AS "needsFulfilled"
         FROM case_outcome o JOIN hh ON hh.id = o.household_id
        WHERE o.completed_at >= $3 AND o.completed_at < $4
        GROUP BY GROUPING SETS ((hh.key), ())`,
    params,
  );
  const returns: Array<Keyed<{ left: number; leftBefore: number; cameBack: number }>> =
    await m.query(
      `WITH ${HOUSEHOLDS_SQL}, ${LEAVES_SQL},
       lv AS (
         SELECT household_id,
                bool_or(at >= $3 AND at < $4) AS left_in_period,
                min(at) FILTER (WHERE at >= $3::timestamptz - interval '12 months' AND at < $3) AS left_before_at
           FROM leave GROUP BY household_id
       )
       SELECT hh.key,
              count(*) FILTER (WHERE lv.left_in_period)::int AS left,
              count(lv.left_before_at)::int AS "leftBefore",
              count(*) FILTER (WHERE lv.left_before_at IS NOT NULL AND (
                EXISTS (SELECT 1 FROM household_case hc
                         WHERE hc.household_id = hh.id AND hc.opened_at > lv.left_before_at
                           AND hc.opened_at <= lv.left_before_at + interval '12 months' AND hc.opened_at < $4)
                OR EXISTS (SELECT 1 FROM audit_log al JOIN household_case hc ON hc.id::text = al.entity_id
                            WHERE hc.household_id = hh.id AND al.entity_type = 'case' AND al.action = 'reopen'
                              AND al.at > lv.left_before_at
                              AND al.at <= lv.left_before_at + interval '12 months' AND al.at < $4)
                OR EXISTS (SELECT 1 FROM need n
                            WHERE n.household_id = hh.id AND n.created_at > lv.left_before_at
                              AND n.created_at <= lv.left_before_at + interval '12 months' AND n.created_at < $4)
              ))::int AS "cameBack"
         FROM hh JOIN lv ON lv.household_id = hh.id
        GROUP BY GROUPING SETS ((hh.key), ())`,
      params,
    );
  const byKey = new Map<string | null, CaseOutcomeFigures>();
  const at = (key: string | null) => {
    let f = byKey.get(key);
    if (!f) byKey.set(key, (f = { key, ...NO_CASE_OUTCOMES }));
    return f;
  };
  for (const r of [...cases, ...visits]) Object.assign(at(r.key), r, { key: r.key });
  for (const r of reassessed) Object.assign(at(r.key), r, { key: r.key });
  for (const r of returns) Object.assign(at(r.key), r, { key: r.key });
  return [...byKey.values()];
}

/**
 * The groups a report lists even with nothing to count: the scope's communities, their streets,
 * or the active assessors whose area lies in the scope and every adviser with figures.
 */
export function caseOutcomeGroups(
  m: EntityManager,
  scopePath: string,
  groupBy: CaseOutcomeGroup,
  adviserIds: string[],
): Promise<Array<{ key: string; name: string }>> {
  if (groupBy === 'community') {
    return m.query(
      `SELECT id::text AS key, name FROM area
        WHERE level = 'community' AND path LIKE $1 || '%' ORDER BY code, id`,
      [scopePath],
    );
  }
  if (groupBy === 'street') {
    return m.query(
      `SELECT s.id::text AS key, s.name FROM area s
        WHERE s.id IN (SELECT c.parent_id FROM area c WHERE c.level = 'community' AND c.path LIKE $1 || '%')
        ORDER BY s.code, s.id`,
      [scopePath],
    );
  }
  return m.query(
    `SELECT u.id::text AS key, u.display_name AS name
       FROM app_user u LEFT JOIN area a ON a.id = u.area_id
      WHERE u.id = ANY($2::uuid[]) OR (u.role = 'assessor' AND u.active AND a.path LIKE $1 || '%')
      ORDER BY u.display_name, u.id`,
    [scopePath, adviserIds],
  );
}
