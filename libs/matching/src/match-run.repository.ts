import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { EligibilityFacts } from '@onedoor/resources';
import { LIVE_REFERRAL_SQL } from './referrals/referral.entity';
import type {
  MatchHousehold,
  MatchNeed,
  MatchResource,
  NeedResult,
  ServiceHistory,
} from './engine/match-engine';

export interface MatchInput {
  household: MatchHousehold;
  assessmentId: string;
  needs: MatchNeed[];
}

/** Every query the matcher runs: loading an instance, and writing results in bulk. */
@Injectable()
export class MatchRunRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * For each household (not exited, with a completed assessment): its latest completed
   * assessment's facts and its open or matched needs without a live referral. Households without either are absent.
   */
  async loadInputs(householdIds: string[]): Promise<Map<string, MatchInput>> {
    const rows: Array<{
      id: string;
      areaPath: string;
      assessmentId: string;
      facts: EligibilityFacts | null;
    }> = await this.dataSource.query(
      `SELECT h.id, a.path AS "areaPath", s.id AS "assessmentId", s.facts_snapshot -> 'eligibility' AS facts
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
    const inputs = new Map<string, MatchInput>();
    for (const row of rows) {
      if (!row.facts) continue;
      inputs.set(row.id, {
        household: { id: row.id, areaPath: row.areaPath, facts: row.facts },
        assessmentId: row.assessmentId,
        needs: [],
      });
    }
    const needs: Array<MatchNeed & { householdId: string }> = await this.dataSource.query(
      `SELECT id, household_id AS "householdId", category_code AS "categoryCode", severity, urgency
         FROM need n WHERE household_id = ANY($1) AND status IN ('open', 'matched')
          -- a need with a live referral is being served: re-matching it would undo that
          AND NOT EXISTS (SELECT 1 FROM referral f WHERE f.need_id = n.id AND f.status IN ${LIVE_REFERRAL_SQL})
        ORDER BY id`,
      [[...inputs.keys()]],
    );
    for (const { householdId, ...need } of needs) inputs.get(householdId)!.needs.push(need);
    return inputs;
  }

  /**
   * Published resources of verified providers in these categories whose coverage area is one
   * of these areas (the ids on the households' paths: index-backed), with what is left of them.
   */
  candidates(categories: string[], coverageAreaIds: string[]): Promise<MatchResource[]> {
    if (categories.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT r.id, r.category_code AS "categoryCode", r.form, r.service_level AS "serviceLevel",
              cov.path AS "coveragePath", to_char(r.valid_from, 'YYYY-MM-DD') AS "validFrom",
              to_char(r.valid_until, 'YYYY-MM-DD') AS "validUntil",
              r.capacity - r.reserved - r.delivered AS remaining,
              r.value_per_unit_fen AS "valuePerUnitFen", r.eligibility,
              p.rating::float8 AS "providerRating"
         FROM resource r
         JOIN provider p ON p.id = r.provider_id AND p.verification = 'verified'
         JOIN area cov ON cov.id = r.coverage_area_id
        WHERE r.status = 'published' AND r.category_code = ANY($1) AND r.coverage_area_id = ANY($2::uuid[])
        ORDER BY r.id`,
      [categories, coverageAreaIds],
    );
  }

  /** Households with open needs this resource may serve: its category, inside its coverage. */
  householdsForResource(
    resourceId: string,
  ): Promise<Array<{ householdId: string; assessmentId: string; emergency: boolean }>> {
    return this.dataSource.query(
      `SELECT n.household_id AS "householdId", max(n.assessment_id::text)::uuid AS "assessmentId",
              bool_or(n.urgency = 'emergency') AS emergency
         FROM resource r
         JOIN area cov ON cov.id = r.coverage_area_id
         JOIN need n ON n.category_code = r.category_code AND n.status = 'open'
         JOIN household h ON h.id = n.household_id AND h.status <> 'exited'
         JOIN area c ON c.id = h.community_id AND c.path LIKE cov.path || '%'
        WHERE r.id = $1 AND r.status = 'published'
        GROUP BY n.household_id`,
      [resourceId],
    );
  }

  /**
   * Households with open needs that no run has looked at: their job was lost (Redis flushed
   * or down) or never made. Bounded per sweep.
   */
  unmatchedHouseholds(
    limit = 10_000,
  ): Promise<Array<{ householdId: string; assessmentId: string; emergency: boolean }>> {
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

  /** Which of these categories have published resources anywhere at all. */
  async suppliedCategories(categories: string[]): Promise<Set<string>> {
    const rows: Array<{ c: string }> = await this.dataSource.query(
      `SELECT DISTINCT r.category_code AS c
         FROM resource r JOIN provider p ON p.id = r.provider_id AND p.verification = 'verified'
        WHERE r.status = 'published' AND r.category_code = ANY($1)`,
      [categories],
    );
    return new Set(rows.map((r) => r.c));
  }

  /**
   * What each household already receives, from its referrals: live ones (open, accepted,
   * delivered) serve their need; any not declined or expired count as served by that resource
   * and, for cash, in that category. Plus the resources parked for it.
   */
  async histories(householdIds: string[], now: Date): Promise<Map<string, ServiceHistory>> {
    const rows: Array<{
      householdId: string;
      needId: string;
      resourceId: string;
      form: string;
      categoryCode: string;
      live: boolean;
    }> = await this.dataSource.query(
      `SELECT f.household_id AS "householdId", f.need_id AS "needId", f.resource_id AS "resourceId",
              r.form, r.category_code AS "categoryCode", f.status IN ${LIVE_REFERRAL_SQL} AS live
         FROM referral f JOIN resource r ON r.id = f.resource_id
        WHERE f.household_id = ANY($1) AND f.status NOT IN ('declined', 'expired')`,
      [householdIds],
    );
    const parked: Array<{ householdId: string; resourceId: string }> = await this.dataSource.query(
      `SELECT household_id AS "householdId", resource_id AS "resourceId"
         FROM parked_resource WHERE household_id = ANY($1) AND until > $2`,
      [householdIds, now],
    );
    const histories = new Map<string, { [K in keyof ServiceHistory]-?: Set<string> }>();
    for (const id of householdIds) {
      histories.set(id, {
        servedNeedIds: new Set(),
        cashCategories: new Set(),
        servedResourceIds: new Set(),
        parkedResourceIds: new Set(),
      });
    }
    for (const r of rows) {
      const h = histories.get(r.householdId)!;
      if (r.live) h.servedNeedIds.add(r.needId);
      h.servedResourceIds.add(r.resourceId);
      if (r.form === 'cash') h.cashCategories.add(r.categoryCode);
    }
    for (const p of parked) histories.get(p.householdId)!.parkedResourceIds.add(p.resourceId);
    return histories;
  }

  /**
   * Writes the results of several households' runs in the caller's transaction: proposals in
   * one multi-row insert (a retried run inserts nothing twice; a proposal superseded when
   * another was approved comes back when the need is re-matched after a decline; approved,
   * rejected and expired ones stay as decided), older open proposals of these
   * needs that the run did not propose again superseded, the needs' status and explanations
   * updated in bulk. Returns the needs whose status changed, for the audit.
   */
  async persist(
    manager: EntityManager,
    runs: Array<{ input: MatchInput; results: NeedResult[] }>,
  ): Promise<Array<{ id: string; householdId: string; from: string; to: string }>> {
    const results = runs.flatMap((run) => run.results);
    const needIds = results.map((r) => r.needId);
    if (needIds.length === 0) return [];
    // Serialises runs for the same household (a re-match racing the first match); one lock
    // order (by id) for every batch, so concurrent batches cannot deadlock.
    await manager.query(`SELECT id FROM need WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [needIds]);
    const ofNeed = new Map(
      runs.flatMap(({ input }) => input.needs.map((need) => [need.id, { need, input }] as const)),
    );
    const proposals = results.flatMap((r) => r.proposals);
    if (proposals.length > 0) {
      await manager.query(
        `INSERT INTO match_proposal (need_id, household_id, resource_id, assessment_id, score, rank, urgency, category_code, explanation)
         SELECT t.need_id, t.household_id, t.resource_id, t.assessment_id, t.score, t.rank, t.urgency::need_urgency, t.category_code, t.explanation
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::numeric[], $6::smallint[], $7::text[], $8::text[], $9::jsonb[])
             AS t(household_id, assessment_id, need_id, resource_id, score, rank, urgency, category_code, explanation)
         ON CONFLICT (need_id, resource_id, assessment_id) DO UPDATE
            SET status = 'proposed', score = EXCLUDED.score, rank = EXCLUDED.rank,
                explanation = EXCLUDED.explanation, updated_at = now(), version = match_proposal.version + 1
          WHERE match_proposal.status = 'superseded'`,
        [
          proposals.map((p) => ofNeed.get(p.needId)!.input.household.id),
          proposals.map((p) => ofNeed.get(p.needId)!.input.assessmentId),
          proposals.map((p) => p.needId),
          proposals.map((p) => p.resourceId),
          proposals.map((p) => p.score),
          proposals.map((p) => p.rank),
          proposals.map((p) => ofNeed.get(p.needId)!.need.urgency),
          proposals.map((p) => ofNeed.get(p.needId)!.need.categoryCode),
          proposals.map((p) => JSON.stringify(p.explanation)),
        ],
      );
    }
    await manager.query(
      `UPDATE match_proposal m SET status = 'superseded', updated_at = now(), version = m.version + 1
        WHERE m.need_id = ANY($1) AND m.status = 'proposed'
          AND (m.need_id, m.resource_id) NOT IN (SELECT * FROM unnest($2::uuid[], $3::uuid[]))`,
      [needIds, proposals.map((p) => p.needId), proposals.map((p) => p.resourceId)],
    );
    const [changed]: [
      Array<{ id: string; householdId: string; from: string; to: string }>,
      number,
    ] = await manager.query(
      `WITH r AS (
         SELECT * FROM unnest($1::uuid[], $2::boolean[], $3::jsonb[], $4::text[])
           AS t(id, matched, rejections, unmet)
       ), before AS (SELECT n.id, n.status FROM need n JOIN r ON r.id = n.id)
       UPDATE need n
          SET status = CASE WHEN r.matched THEN 'matched'::need_status ELSE 'open'::need_status END,
              last_matched_at = now(), match_rejections = r.rejections,
              unmet_reasons = CASE WHEN r.unmet IS NULL THEN NULL ELSE string_to_array(r.unmet, ',') END,
              updated_at = now()
         FROM r, before
        WHERE n.id = r.id AND before.id = n.id AND n.status IN ('open', 'matched')
       RETURNING n.id, n.household_id AS "householdId", before.status AS "from", n.status AS "to"`,
      [
        needIds,
        results.map((r) => r.proposals.length > 0),
        results.map((r) => JSON.stringify(r.rejected)),
        results.map((r) => (r.unmet ? r.unmet.join(',') : null)),
      ],
    );
    return changed.filter((c) => c.from !== c.to);
  }
}
