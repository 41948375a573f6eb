import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { LIVE_REFERRAL_SQL } from '@onedoor/matching';
import { REFERRAL_EVIDENCE_SQL } from '@onedoor/matching';
import {
  type EligibilityRules,
  eligibilityFactsColumns,
  eligibilitySql,
  paramBinder,
} from '@onedoor/resources';
import type { ReportPeriod } from './report-period';
import {
  type ContractFigures,
  type CoverageFigures,
  fen,
  type ReferralSlaFigures,
  type ResourceFigures,
  type UnmetNeedRecord,
  type UnmetSummaryFigures,
} from './report-rows';

/**
 * The child of the scope area that a path lies in (its id), or '' for the scope area itself:
 * rows "per child area" group on this. `$1` is the scope path.
 */
const CHILD_KEY = (path: string) => `split_part(substr(${path}, length($1) + 1), '/', 1)`;

/**
 * Runs a report's queries in one read-only repeatable-read transaction (one snapshot for all
 * its figures), with room to sort and hash in memory: at PostgreSQL's default 4 MB the coverage
 * query over 250,000 needs sorted and hashed on disk (2.7 s against 2.6 s in the benchmark).
 */
export function inReportSnapshot<T>(
  dataSource: DataSource,
  work: (m: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction('REPEATABLE READ', async (m) => {
    await m.query('SET TRANSACTION READ ONLY');
    await m.query(`SET LOCAL work_mem = '64MB'`);
    return work(m);
  });
}

/**
 * Needs in the scope ($1) and category ($2, or any) that are open or matched with no proposal
 * awaiting a decision and no live referral, with their child key and reasons: the matcher's,
 * else AWAITING_MATCH (never matched) or NO_LIVE_PROPOSAL (its proposals or referrals ended).
 */
const UNMET_NEEDS_SQL = `
  SELECT n.id, n.household_id, n.category_code, n.severity, n.urgency, n.created_at,
         ${CHILD_KEY('c.path')} AS key,
         CASE WHEN n.last_matched_at IS NULL THEN ARRAY['AWAITING_MATCH']
              WHEN cardinality(n.unmet_reasons) > 0 THEN n.unmet_reasons
              ELSE ARRAY['NO_LIVE_PROPOSAL'] END AS reasons
    FROM need n
    JOIN household h ON h.id = n.household_id AND h.status <> 'exited'
    JOIN area c ON c.id = h.community_id
   WHERE c.path LIKE $1 || '%' AND n.status IN ('open', 'matched')
     AND ($2::text IS NULL OR n.category_code = $2)
     AND NOT EXISTS (SELECT 1 FROM match_proposal mp WHERE mp.need_id = n.id AND mp.status = 'proposed')
     AND NOT EXISTS (SELECT 1 FROM referral rf WHERE rf.need_id = n.id AND rf.status IN ${LIVE_REFERRAL_SQL})`;

/** A contracts report row as node-postgres reads it: bigint money as text, the ordering keys. */
type ContractFiguresAsRead = Omit<ContractFigures, 'valueFen' | 'paidFen' | 'waitingFen'> & {
  valueFen: string;
  paidFen: string;
  waitingFen: string;
  total: number;
  signed_at: Date | null;
};

/**
 * Every report's SQL: aggregates in PostgreSQL over indexed joins, never rows looped over in
 * Node. Each runs on the manager of one read-only repeatable-read transaction, so a report's
 * figures come from one snapshot.
 */
@Injectable()
export class ReportsRepository {
  /** Children of an area (id, name), or every city for the whole country (admin). */
  children(m: EntityManager, areaId: string | null): Promise<Array<{ id: string; name: string }>> {
    return m.query(
      `SELECT id, name FROM area WHERE parent_id IS NOT DISTINCT FROM $1 ORDER BY code, id`,
      [areaId],
    );
  }

  categories(
    m: EntityManager,
    only: string | null,
  ): Promise<Array<{ code: string; name: string }>> {
    return m.query(
      `SELECT code, name_zh AS name FROM category WHERE $1::text IS NULL OR code = $1 ORDER BY code`,
      [only],
    );
  }

  /**
   * The distinct rule documents of published resources that can reach the scope (covering an
   * area inside it or above it): each is compiled to SQL once.
   */
  async ruleDocuments(
    m: EntityManager,
    scopePath: string,
    category: string | null,
  ): Promise<EligibilityRules[]> {
    const rows: Array<{ eligibility: EligibilityRules }> = await m.query(
      `SELECT DISTINCT r.eligibility
         FROM resource r JOIN area cov ON cov.id = r.coverage_area_id
        WHERE r.status = 'published' AND r.eligibility IS NOT NULL
          AND ($2::text IS NULL OR r.category_code = $2)
          AND (cov.path LIKE $1 || '%' OR $1 LIKE cov.path || '%')`,
      [scopePath, category],
    );
    return rows.map((r) => r.eligibility);
  }

  /**
   * Households with a need open in the period, counted once per (household, category), and of
   * those the accessible (an eligible published resource of the category covers their
   * community) and the attained (a referral for one of those needs delivered, or closed with
   * the need resolved, before the period's end). Grouped by child area or category, with the
   * total (key null).
   */
  async coverage(
    m: EntityManager,
    scopePath: string,
    period: ReportPeriod,
    category: string | null,
    groupBy: 'area' | 'category',
    /** The scope's rule documents when the caller already read them (one read for many periods). */
    given?: EligibilityRules[],
  ): Promise<CoverageFigures[]> {
    const docs = given ?? (await this.ruleDocuments(m, scopePath, category));
    const params: unknown[] = [
      scopePath,
      period.start,
      period.end,
      category,
      period.from,
      period.to,
      docs.map((d) => JSON.stringify(d)),
    ];
    const bind = paramBinder(params);
    // Rule 0 is "no conditions"; a document not among $7 (none, in this snapshot) fails.
    const eligible = `CASE v.rule WHEN 0 THEN true ${docs
      .map((doc, i) => `WHEN ${i + 1} THEN ${eligibilitySql(doc, bind)}`)
      .join(' ')} ELSE false END`;
    const key = groupBy === 'area' ? CHILD_KEY('p.path') : 'p.category_code';
    return m.query(
      `WITH needs AS (
         SELECT n.id, n.household_id, n.category_code, h.community_id, c.path
           FROM need n
           JOIN household h ON h.id = n.household_id
           JOIN area c ON c.id = h.community_id
          WHERE c.path LIKE $1 || '%'
            AND n.created_at < $3 AND (n.ended_at IS NULL OR n.ended_at >= $2)
            AND ($4::text IS NULL OR n.category_code = $4)
       ),
       pairs AS (
         -- a household lives in one community: grouping by it too changes no group
         SELECT household_id, category_code, community_id, path
           FROM needs GROUP BY household_id, category_code, community_id, path
       ),
       -- The eligibility part is taken out once per household: every -> on the whole snapshot
       -- would read (and decompress) all of it again.
       facts AS MATERIALIZED (
         SELECT x.household_id, ${eligibilityFactsColumns('x.e')}
           FROM (SELECT DISTINCT ON (s.household_id) s.household_id, s.facts_snapshot -> 'eligibility' AS e
                   FROM assessment s
                  WHERE s.status = 'completed' AND s.facts_snapshot ? 'eligibility'
                    AND s.household_id IN (SELECT household_id FROM pairs)
                  ORDER BY s.household_id, s.completed_at DESC) x
       ),
       covering AS MATERIALIZED (
         SELECT DISTINCT pc.community_id, r.category_code,
                CASE WHEN r.eligibility IS NULL THEN 0
                     ELSE coalesce(array_position($7::jsonb[], r.eligibility), -1) END AS rule
           FROM (SELECT DISTINCT community_id FROM pairs) pc
           JOIN area c ON c.id = pc.community_id
           JOIN resource r
             ON r.coverage_area_id = ANY (string_to_array(trim(BOTH '/' FROM c.path), '/')::uuid[])
           JOIN provider pr ON pr.id = r.provider_id AND pr.verification = 'verified'
          WHERE r.status = 'published' AND ($4::text IS NULL OR r.category_code = $4)
            AND r.valid_from <= $6::date AND (r.valid_until IS NULL OR r.valid_until >= $5::date)
       ),
       attained AS (
         SELECT DISTINCT n.household_id, n.category_code
           FROM needs n JOIN referral rf ON rf.need_id = n.id
          WHERE (rf.status = 'delivered' OR (rf.status = 'closed' AND rf.need_resolved))
            AND rf.delivered_at < $3
       ),
       -- A join (hashed), not EXISTS per pair: the planner would scan the CTE once per pair.
       accessible AS (
         SELECT DISTINCT p.household_id, p.category_code
           FROM pairs p
           JOIN facts f ON f.household_id = p.household_id
           JOIN covering v ON v.community_id = p.community_id AND v.category_code = p.category_code
          WHERE ${eligible}
       ),
       flags AS (
         SELECT ${key} AS key, ac.household_id IS NOT NULL AS accessible,
                a.household_id IS NOT NULL AS attained
           FROM pairs p
           LEFT JOIN accessible ac ON ac.household_id = p.household_id AND ac.category_code = p.category_code
           LEFT JOIN attained a ON a.household_id = p.household_id AND a.category_code = p.category_code
       )
       SELECT CASE WHEN GROUPING(key) = 1 THEN NULL ELSE key END AS key,
              count(*)::int AS households,
              count(*) FILTER (WHERE accessible)::int AS accessible,
              count(*) FILTER (WHERE attained)::int AS attained
         FROM flags GROUP BY GROUPING SETS ((key), ())`,
      params,
    );
  }

  /**
   * Open needs with no proposal waiting for a decision and no live referral, with the reasons
   * the matcher recorded (or why none is recorded). One row per need.
   */
  unmetNeeds(
    m: EntityManager,
    scopePath: string,
    category: string | null,
  ): Promise<UnmetNeedRecord[]> {
    return m.query(
      `SELECT id AS "needId", household_id AS "householdId", key, category_code AS "categoryCode",
              severity, urgency, created_at AS "waitingSince", reasons
         FROM (${UNMET_NEEDS_SQL}) u
        ORDER BY created_at, id`,
      [scopePath, category],
    );
  }

  /** The unmet needs by child area × category, with reasons counted, and the total (nulls). */
  unmetSummary(
    m: EntityManager,
    scopePath: string,
    category: string | null,
  ): Promise<UnmetSummaryFigures[]> {
    return m.query(
      `WITH unmet AS (${UNMET_NEEDS_SQL}       ),
       groups AS (
         SELECT CASE WHEN GROUPING(key) = 1 THEN NULL ELSE key END AS key,
                CASE WHEN GROUPING(category_code) = 1 THEN NULL ELSE category_code END AS "categoryCode",
                count(*)::int AS needs, count(DISTINCT household_id)::int AS households,
                min(created_at) AS oldest
           FROM unmet GROUP BY GROUPING SETS ((key, category_code), ())
       ),
       reasons AS (
         SELECT key, "categoryCode", jsonb_object_agg(reason, k) AS reasons
           FROM (SELECT CASE WHEN GROUPING(key) = 1 THEN NULL ELSE key END AS key,
                        CASE WHEN GROUPING(category_code) = 1 THEN NULL ELSE category_code END AS "categoryCode",
                        reason, count(*)::int AS k
                   FROM unmet, unnest(reasons) AS reason
                  GROUP BY GROUPING SETS ((key, category_code, reason), (reason))) x
          GROUP BY key, "categoryCode"
       )
       SELECT g.*, r.reasons
         FROM groups g
         LEFT JOIN reasons r ON r.key IS NOT DISTINCT FROM g.key
                            AND r."categoryCode" IS NOT DISTINCT FROM g."categoryCode"
        ORDER BY g.key NULLS LAST, g."categoryCode"`,
      [scopePath, category],
    );
  }

  /**
   * Referrals approved in the period (the decision time in their snapshot, which the Clock
   * set): by status, deadlines kept, overdue now, escalated, median hours; per child area or
   * provider, with the total (key null).
   */
  referralSla(
    m: EntityManager,
    scopePath: string,
    period: ReportPeriod,
    now: Date,
    groupBy: 'area' | 'provider',
  ): Promise<ReferralSlaFigures[]> {
    const key = groupBy === 'area' ? CHILD_KEY('rf.area_path') : 'rf.provider_id::text';
    return m.query(
      `WITH r AS (
         SELECT ${key} AS key, rf.*, (rf.snapshot ->> 'decidedAt')::timestamptz AS approved_at
           FROM referral rf
          WHERE rf.area_path LIKE $1 || '%'
            AND (rf.snapshot ->> 'decidedAt')::timestamptz >= $2
            AND (rf.snapshot ->> 'decidedAt')::timestamptz < $3
       )
       SELECT CASE WHEN GROUPING(key) = 1 THEN NULL ELSE key END AS key,
              count(*)::int AS referrals,
              count(*) FILTER (WHERE status = 'open')::int AS open,
              count(*) FILTER (WHERE status = 'accepted')::int AS accepted,
              count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
              count(*) FILTER (WHERE status = 'closed')::int AS closed,
              count(*) FILTER (WHERE status = 'declined')::int AS declined,
              count(*) FILTER (WHERE status = 'expired')::int AS expired,
              count(*) FILTER (WHERE NOT (status = 'open' AND accept_due_at > $4))::int AS "acceptanceDue",
              count(*) FILTER (WHERE accepted_at <= accept_due_at)::int AS "acceptedWithinDeadline",
              count(*) FILTER (WHERE accepted_at IS NOT NULL
                                 AND NOT (status = 'accepted' AND deliver_due_at > $4))::int AS "deliveryDue",
              count(*) FILTER (WHERE delivered_at <= deliver_due_at)::int AS "deliveredWithinDeadline",
              count(*) FILTER (WHERE (status = 'open' AND accept_due_at <= $4)
                                  OR (status = 'accepted' AND deliver_due_at <= $4))::int AS overdue,
              count(*) FILTER (WHERE escalated_to_area_id IS NOT NULL)::int AS escalated,
              round((percentile_cont(0.5) WITHIN GROUP (
                ORDER BY extract(epoch FROM accepted_at - approved_at) / 3600))::numeric, 2)::float8
                AS "medianHoursToAccept",
              round((percentile_cont(0.5) WITHIN GROUP (
                ORDER BY extract(epoch FROM delivered_at - approved_at) / 3600))::numeric, 2)::float8
                AS "medianHoursToDeliver"
         FROM r GROUP BY GROUPING SETS ((key), ())`,
      [scopePath, period.start, period.end, now],
    );
  }

  providerNames(m: EntityManager, ids: string[]): Promise<Array<{ id: string; name: string }>> {
    return m.query(`SELECT id::text, name FROM provider WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /**
   * Published or closed resources reaching the scope (covering an area inside it or above it):
   * capacity, reserved, delivered, share used, expiring within the days given; per resource or
   * provider kind, with the total (key null).
   */
  resources(
    m: EntityManager,
    scopePath: string,
    today: string,
    expiringWithinDays: number,
    groupBy: 'resource' | 'providerKind',
  ): Promise<ResourceFigures[]> {
    const key = groupBy === 'resource' ? 'r.id::text' : 'p.kind::text';
    const detail =
      groupBy === 'resource'
        ? `min(r.title) AS name, min(p.name) AS "providerName", min(p.kind::text) AS "providerKind",
           min(r.category_code) AS "categoryCode", min(r.status::text) AS status,
           to_char(min(r.valid_until), 'YYYY-MM-DD') AS "validUntil"`
        : `min(p.kind::text) AS name, NULL AS "providerName", min(p.kind::text) AS "providerKind",
           NULL AS "categoryCode", NULL AS status, NULL AS "validUntil"`;
    return m.query(
      `SELECT CASE WHEN GROUPING(${key}) = 1 THEN NULL ELSE ${key} END AS key, ${detail},
              count(*)::int AS resources, coalesce(sum(r.capacity), 0)::int AS capacity,
              coalesce(sum(r.reserved), 0)::int AS reserved, coalesce(sum(r.delivered), 0)::int AS delivered,
              coalesce(sum(greatest(r.capacity - r.reserved - r.delivered, 0)), 0)::int AS remaining,
              count(*) FILTER (WHERE r.status = 'published' AND r.valid_until IS NOT NULL
                                 AND r.valid_until < $2::date + $3::int)::int AS "expiringSoon"
         FROM resource r
         JOIN provider p ON p.id = r.provider_id
         JOIN area cov ON cov.id = r.coverage_area_id
        WHERE r.status IN ('published', 'paused', 'closed')
          AND (cov.path LIKE $1 || '%' OR $1 LIKE cov.path || '%')
        GROUP BY GROUPING SETS ((${key}), ())
        ORDER BY GROUPING(${key}), 2, 1`,
      [scopePath, today, expiringWithinDays],
    );
  }

  /**
   * Contracts of tenders in the scope: milestones decided, money paid and waiting, the latest
   * completed evaluation, and the referral evidence of the contract's resource (the same
   * figures the evaluations record). The total row (key null) sums them.
   */
  async contracts(m: EntityManager, scopePath: string): Promise<ContractFigures[]> {
    const rows: ContractFiguresAsRead[] = await m.query(
      `WITH c AS (SELECT * FROM contract WHERE area_path LIKE $1 || '%'),
       ms AS (
         SELECT contract_id, count(*)::int AS milestones,
                count(*) FILTER (WHERE outcome = 'met')::int AS met,
                count(*) FILTER (WHERE outcome = 'partially_met')::int AS partial,
                count(*) FILTER (WHERE outcome = 'not_met')::int AS "notMet",
                coalesce(sum(payable_fen) FILTER (WHERE payment_status = 'waiting'), 0) AS waiting
           FROM contract_milestone WHERE contract_id IN (SELECT id FROM c) GROUP BY contract_id
       ),
       paid AS (
         SELECT contract_id, sum(amount_fen) AS paid
           FROM contract_payment WHERE contract_id IN (SELECT id FROM c) GROUP BY contract_id
       ),
       latest AS (
         SELECT DISTINCT ON (contract_id) contract_id, grade::text, final_score
           FROM performance_evaluation
          WHERE contract_id IN (SELECT id FROM c) AND status = 'completed'
          ORDER BY contract_id, completed_at DESC
       ),
       ev AS (
         SELECT resource_id, ${REFERRAL_EVIDENCE_SQL}
           FROM referral WHERE resource_id IN (SELECT resource_id FROM c) GROUP BY GROUPING SETS ((resource_id), ())
       ),
       rows AS (
         SELECT c.id::text AS key, c.title AS name, p.name AS "providerName", c.status::text AS status,
                c.value_fen AS "valueFen", coalesce(ms.milestones, 0) AS milestones,
                coalesce(ms.met, 0) AS "milestonesMet", coalesce(ms.partial, 0) AS "milestonesPartiallyMet",
                coalesce(ms."notMet", 0) AS "milestonesNotMet", coalesce(paid.paid, 0)::bigint AS "paidFen",
                coalesce(ms.waiting, 0)::bigint AS "waitingFen", latest.grade AS "latestGrade",
                latest.final_score::float8 AS "latestScore",
                coalesce(ev.referrals, 0) AS referrals, coalesce(ev.accepted, 0) AS "acceptedWithinDeadline",
                coalesce(ev.delivered, 0) AS "deliveredWithinDeadline", coalesce(ev.resolved, 0) AS "closedResolved",
                ev.satisfaction AS "meanSatisfaction", c.signed_at
           FROM c
           JOIN provider p ON p.id = c.provider_id
           LEFT JOIN ms ON ms.contract_id = c.id
           LEFT JOIN paid ON paid.contract_id = c.id
           LEFT JOIN latest ON latest.contract_id = c.id
           LEFT JOIN ev ON ev.resource_id = c.resource_id
       )
       SELECT key, name, "providerName", status, "valueFen", milestones, "milestonesMet",
              "milestonesPartiallyMet", "milestonesNotMet", "paidFen", "waitingFen", "latestGrade",
              "latestScore", referrals, "acceptedWithinDeadline", "deliveredWithinDeadline",
              "closedResolved", "meanSatisfaction", 0 AS total, signed_at
         FROM rows
       UNION ALL
       SELECT NULL, NULL, NULL, NULL, coalesce(sum("valueFen"), 0)::bigint, coalesce(sum(milestones), 0)::int,
              coalesce(sum("milestonesMet"), 0)::int, coalesce(sum("milestonesPartiallyMet"), 0)::int,
              coalesce(sum("milestonesNotMet"), 0)::int, coalesce(sum("paidFen"), 0)::bigint,
              coalesce(sum("waitingFen"), 0)::bigint,
              NULL, NULL,
              coalesce((SELECT referrals FROM ev WHERE resource_id IS NULL), 0),
              coalesce((SELECT accepted FROM ev WHERE resource_id IS NULL), 0),
              coalesce((SELECT delivered FROM ev WHERE resource_id IS NULL), 0),
              coalesce((SELECT resolved FROM ev WHERE resource_id IS NULL), 0),
              (SELECT satisfaction FROM ev WHERE resource_id IS NULL), 1, NULL
         FROM rows
       ORDER BY total, signed_at, key`,
      [scopePath],
    );
    // total and signed_at only order the rows; money keeps its place among the keys.
    return rows.map(({ total: _total, signed_at: _signedAt, ...row }) => ({
      ...row,
      valueFen: fen(row.valueFen),
      paidFen: fen(row.paidFen),
      waitingFen: fen(row.waitingFen),
    }));
  }
}
