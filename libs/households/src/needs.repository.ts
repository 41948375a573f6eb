import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { NeedStatus } from './household.types';
import { NeedEntity } from './need.entity';
import type { Urgency } from './template/template.types';

/** What the matcher needs of a need. */
export interface NeedToMatch {
  id: string;
  householdId: string;
  categoryCode: string;
  severity: number;
  urgency: Urgency;
  /** The assessed money gap (fen) of a money-gap need; null otherwise. */
  gapFen: number | null;
}

/** One need's outcome of a matching run. */
export interface NeedMatchResult {
  id: string;
  matched: boolean;
  rejections: unknown[];
  unmet: string[] | null;
}

/** A household to (re-)match: emergency when any of its open needs is. */
export interface HouseholdToMatch {
  householdId: string;
  emergency: boolean;
}

/**
 * Needs as other libs read and change them: the matcher's runs, decisions on proposals and
 * referrals. Every write takes the caller's EntityManager, so it commits in the caller's
 * transaction with the proposal or referral that causes it.
 */
@Injectable()
export class NeedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The household's needs; in the caller's transaction when given one (a snapshot read). */
  ofHousehold(householdId: string, manager?: EntityManager): Promise<NeedEntity[]> {
    return (manager ?? this.dataSource.manager)
      .getRepository(NeedEntity)
      .find({ where: { householdId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** These households' open or matched needs, by id. */
  openOrMatchedOf(householdIds: string[]): Promise<NeedToMatch[]> {
    return this.dataSource.query(
      `SELECT id, household_id AS "householdId", category_code AS "categoryCode", severity, urgency,
              gap_fen::float8 AS "gapFen"
         FROM need WHERE household_id = ANY($1) AND status IN ('open', 'matched')
        ORDER BY id`,
      [householdIds],
    );
  }

  /** Households (not exited) with open needs of this category in a community under this path. */
  householdsWithOpenNeeds(categoryCode: string, underPath: string): Promise<HouseholdToMatch[]> {
    return this.dataSource.query(
      `SELECT n.household_id AS "householdId", bool_or(n.urgency = 'emergency') AS emergency
         FROM need n
         JOIN household h ON h.id = n.household_id AND h.status <> 'exited'
         JOIN area c ON c.id = h.community_id AND c.path LIKE $2 || '%'
        WHERE n.category_code = $1 AND n.status = 'open'
        GROUP BY n.household_id`,
      [categoryCode, underPath],
    );
  }

  /**
   * Households with open needs that no run has looked at (`last_matched_at` empty), with one
   * of those needs' assessments for the job id. Bounded per sweep.
   */
  unmatchedHouseholds(limit: number): Promise<Array<HouseholdToMatch & { assessmentId: string }>> {
    return this.dataSource.query(
      `SELECT n.household_id AS "householdId", max(n.assessment_id::text)::uuid AS "assessmentId",
              bool_or(n.urgency = 'emergency') AS emergency
         FROM need n JOIN household h ON h.id = n.household_id AND h.status <> 'exited'
        WHERE n.status = 'open' AND n.last_matched_at IS NULL
        GROUP BY n.household_id
        LIMIT $1`,
      [limit],
    );
  }

  /**
   * Every household (not exited) with open needs, looked at or not, a page after `after` (by
   * id): what a Redis that lost its data may owe a run, since the fan-out jobs of new supply
   * are gone with it and nothing in the database marks them. The id part `stamp` changes with
   * the needs (their last update), so matchers recovering together queue one job each.
   */
  householdsWithOpenNeedsAfter(
    after: string | null,
    limit: number,
  ): Promise<Array<HouseholdToMatch & { stamp: string }>> {
    return this.dataSource.query(
      `SELECT n.household_id AS "householdId", bool_or(n.urgency = 'emergency') AS emergency,
              (extract(epoch FROM max(n.updated_at)) * 1000)::bigint::text AS stamp
         FROM need n JOIN household h ON h.id = n.household_id AND h.status <> 'exited'
        WHERE n.status = 'open' AND ($1::uuid IS NULL OR n.household_id > $1::uuid)
        GROUP BY n.household_id
        ORDER BY n.household_id
        LIMIT $2`,
      [after, limit],
    );
  }

  /**
   * Locks these needs in one order (by id), so concurrent lockers cannot deadlock. A need comes
   * first among the rows a matching transaction locks (`LOCK_ORDER` in libs/matching: need →
   * proposal → referral → contract → resource), so callers lock it before its proposals or
   * referrals, never after.
   */
  async lock(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(`SELECT id FROM need WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [ids]);
  }

  /**
   * Locks one need and returns what a decision on it records; null when there is none. Taken
   * before the proposal decided on (`LOCK_ORDER` in libs/matching).
   */
  async lockOne(
    manager: EntityManager,
    id: string,
  ): Promise<{
    categoryCode: string;
    severity: number;
    urgency: Urgency;
    gapFen: number | null;
  } | null> {
    const [row] = await manager.query(
      `SELECT category_code AS "categoryCode", severity, urgency, gap_fen::float8 AS "gapFen"
         FROM need WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /** An open need is matched (a proposal of it was approved). */
  async markMatched(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE need SET status = 'matched', updated_at = now() WHERE id = $1 AND status = 'open'`,
      [id],
    );
  }

  /** A matched need is open again; false when it was not matched. */
  async reopenMatched(manager: EntityManager, id: string): Promise<boolean> {
    const [rows] = await manager.query(
      `UPDATE need SET status = 'open', updated_at = now() WHERE id = $1 AND status = 'matched' RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /**
   * An open or matched need becomes `fulfilled`, or `open` again for the matcher (unmarked:
   * `last_matched_at` cleared, the reconciler's sign). Returns its status before, or null when
   * it was neither open nor matched.
   */
  async settle(
    manager: EntityManager,
    id: string,
    to: 'open' | 'fulfilled',
    at: Date,
  ): Promise<NeedStatus | null> {
    const [rows] = await manager.query(
      `WITH before AS (SELECT id, status FROM need WHERE id = $1 FOR UPDATE)
       UPDATE need n SET status = $2::need_status, updated_at = now(),
              ended_at = CASE WHEN $2::need_status = 'fulfilled' THEN $3::timestamptz END,
              last_matched_at = CASE WHEN $2::need_status = 'open' THEN NULL ELSE n.last_matched_at END
         FROM before WHERE n.id = before.id AND n.status IN ('open', 'matched')
       RETURNING before.status AS "from"`,
      [id, to, at],
    );
    return rows[0]?.from ?? null;
  }

  /**
   * Records matching runs' outcomes in one statement: each open or matched need becomes
   * `matched` (it has proposals) or `open`, with when it was matched, whom the run excluded and
   * its unmet reasons. Returns the needs whose status changed, for the audit.
   */
  async recordMatchResults(
    manager: EntityManager,
    results: NeedMatchResult[],
    at: Date,
  ): Promise<Array<{ id: string; householdId: string; from: NeedStatus; to: NeedStatus }>> {
    if (results.length === 0) return [];
    const [changed]: [
      Array<{ id: string; householdId: string; from: NeedStatus; to: NeedStatus }>,
      number,
    ] = await manager.query(
      `WITH r AS (
         SELECT * FROM unnest($1::uuid[], $2::boolean[], $3::jsonb[], $4::text[])
           AS t(id, matched, rejections, unmet)
       ), before AS (SELECT n.id, n.status FROM need n JOIN r ON r.id = n.id)
       UPDATE need n
          SET status = CASE WHEN r.matched THEN 'matched'::need_status ELSE 'open'::need_status END,
              last_matched_at = $5, match_rejections = r.rejections,
              unmet_reasons = CASE WHEN r.unmet IS NULL THEN NULL ELSE string_to_array(r.unmet, ',') END,
              updated_at = now()
         FROM r, before
        WHERE n.id = r.id AND before.id = n.id AND n.status IN ('open', 'matched')
       RETURNING n.id, n.household_id AS "householdId", before.status AS "from", n.status AS "to"`,
      [
        results.map((r) => r.id),
        results.map((r) => r.matched),
        results.map((r) => JSON.stringify(r.rejections)),
        results.map((r) => (r.unmet ? r.unmet.join(',') : null)),
        at,
      ],
    );
    return changed.filter((c) => c.from !== c.to);
  }
}
