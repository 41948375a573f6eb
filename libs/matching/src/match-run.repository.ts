import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  HouseholdFactsRepository,
  type HouseholdToMatch,
  NeedsRepository,
} from '@onedoor/households';
import { type StackingRule, StackingRepository } from '@onedoor/ledger';
import { ResourceCandidatesRepository } from '@onedoor/resources';
import { HouseholdBenefitsRepository } from './household-benefits.repository';
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

/**
 * Every read and write of a matching run: loading a batch's instance, and writing its results
 * in bulk. Proposals, referrals and parked resources are this lib's; households, needs and
 * resources come through their libs' repositories, each one statement per batch.
 */
/** The first integer of the matching locks' two-integer advisory keys (nothing else uses it). */
export const MATCH_LOCK_SPACE = 24_001;

@Injectable()
export class MatchRunRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly householdFacts: HouseholdFactsRepository,
    private readonly needs: NeedsRepository,
    private readonly resources: ResourceCandidatesRepository,
    private readonly benefits: HouseholdBenefitsRepository,
    private readonly stacking: StackingRepository,
  ) {}

  /**
   * Each household's matching lock, in the caller's transaction until it ends: a
   * transaction-scoped advisory lock on the two-integer key (MATCH_LOCK_SPACE, hashtext(id)),
   * taken for a batch in one statement in the order of the keys, so two batches sharing
   * households take them in the same order and cannot deadlock. Two-integer keys are a key space
   * of their own (PostgreSQL never confuses them with the one-bigint keys of the household's
   * decision lock, `household:<id>`, LOCK_ORDER): approvals never wait for a matching run, and
   * a run holds it before any row lock. Two households whose ids hash alike share a lock: they
   * are matched one after the other, nothing worse.
   */
  async lockForMatching(manager: EntityManager, householdIds: string[]): Promise<void> {
    await manager.query(
      `SELECT pg_advisory_xact_lock(${MATCH_LOCK_SPACE}, k.key)
         FROM (SELECT DISTINCT hashtext(id) AS key FROM unnest($1::text[]) AS id ORDER BY 1) AS k`,
      [householdIds],
    );
  }

  /**
   * For each household (not exited, with a completed assessment): its latest completed
   * assessment's facts and its open or matched needs, less those a live referral serves that
   * have no money gap (a gap need is matched again until its gap is covered, and then shows
   * why nothing more is proposed). Households without either are absent.
   */
  async loadInputs(householdIds: string[]): Promise<Map<string, MatchInput>> {
    // Three reads side by side: a batch waits for one round trip, not three.
    const [facts, needs, served] = await Promise.all([
      this.householdFacts.latest(householdIds),
      this.needs.openOrMatchedOf(householdIds),
      this.liveReferralNeedIds(householdIds),
    ]);
    const inputs = new Map<string, MatchInput>();
    for (const row of facts) {
      if (!row.facts) continue;
      inputs.set(row.householdId, {
        household: { id: row.householdId, areaPath: row.areaPath, facts: row.facts },
        assessmentId: row.assessmentId,
        needs: [],
      });
    }
    for (const { householdId, ...need } of needs) {
      if (need.gapFen !== null || !served.has(need.id)) inputs.get(householdId)?.needs.push(need);
    }
    return inputs;
  }

  /** The needs of these households that a live referral serves. */
  private async liveReferralNeedIds(householdIds: string[]): Promise<Set<string>> {
    const rows: Array<{ needId: string }> = await this.dataSource.query(
      `SELECT need_id AS "needId" FROM referral
        WHERE household_id = ANY($1) AND status IN ${LIVE_REFERRAL_SQL}`,
      [householdIds],
    );
    return new Set(rows.map((r) => r.needId));
  }

  /**
   * Published resources of verified providers in these categories covering one of these
   * areas, with what is left of them.
   */
  candidates(categories: string[], coverageAreaIds: string[]): Promise<MatchResource[]> {
    return this.resources.candidates(categories, coverageAreaIds);
  }

  /** Households with open needs this resource may serve: its category, inside its coverage. */
  async householdsForResource(resourceId: string): Promise<HouseholdToMatch[]> {
    const coverage = await this.resources.publishedCoverage(resourceId);
    if (!coverage) return [];
    return this.needs.householdsWithOpenNeeds(coverage.categoryCode, coverage.coveragePath);
  }

  /**
   * Households with open needs that no run has looked at: their job was lost (Redis flushed
   * or down) or never made. Bounded per sweep.
   */
  unmatchedHouseholds(limit = 10_000): Promise<Array<HouseholdToMatch & { assessmentId: string }>> {
    return this.needs.unmatchedHouseholds(limit);
  }

  /** A page of every household with open needs (see NeedsRepository). */
  householdsWithOpenNeedsAfter(after: string | null, limit: number) {
    return this.needs.householdsWithOpenNeedsAfter(after, limit);
  }

  /** Which of these categories have published resources anywhere at all. */
  suppliedCategories(categories: string[]): Promise<Set<string>> {
    return this.resources.suppliedCategories(categories);
  }

  /**
   * What each household already receives, from every source (the ledger's active entries and
   * the referrals not in it yet: `HouseholdBenefitsRepository`), the needs its live referrals
   * serve, and the resources parked for it. Set-based: the same few statements for a batch.
   */
  async histories(householdIds: string[], now: Date): Promise<Map<string, ServiceHistory>> {
    const [received, parked]: [
      Awaited<ReturnType<HouseholdBenefitsRepository['of']>>,
      Array<{ householdId: string; resourceId: string }>,
    ] = await Promise.all([
      this.benefits.of(householdIds),
      this.dataSource.query(
        `SELECT household_id AS "householdId", resource_id AS "resourceId"
           FROM parked_resource WHERE household_id = ANY($1) AND until > $2`,
        [householdIds, now],
      ),
    ]);
    const histories = new Map<
      string,
      Required<ServiceHistory> & { parkedResourceIds: Set<string> }
    >();
    for (const id of householdIds) {
      const { benefits, servedNeedIds } = received.get(id)!;
      histories.set(id, { benefits, servedNeedIds, parkedResourceIds: new Set() });
    }
    for (const p of parked) histories.get(p.householdId)!.parkedResourceIds.add(p.resourceId);
    return histories;
  }

  /** The stacking rules table, once per batch. */
  stackingRules(): Promise<StackingRule[]> {
    return this.stacking.rules();
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
    at: Date,
    approvalHours: { normal: number; emergency: number } = { normal: 72, emergency: 24 },
  ): Promise<Array<{ id: string; householdId: string; from: string; to: string }>> {
    const results = runs.flatMap((run) => run.results);
    const needIds = results.map((r) => r.needId);
    if (needIds.length === 0) return [];
    // Serialises runs for the same household (a re-match racing the first match) and runs
    // with decisions on these needs; one lock order (by id) for every batch, so concurrent
    // batches cannot deadlock. The needs come before their proposals (`LOCK_ORDER`,
    // lock-order.ts), as in approvals: the upsert and the supersede below lock proposals only
    // of needs this transaction already holds.
    await this.needs.lock(manager, needIds);
    const ofNeed = new Map(
      runs.flatMap(({ input }) => input.needs.map((need) => [need.id, { need, input }] as const)),
    );
    const proposals = results.flatMap((r) => r.proposals);
    if (proposals.length > 0) {
      await manager.query(
        `INSERT INTO match_proposal (need_id, household_id, resource_id, assessment_id, score, rank, urgency, category_code, explanation, approval_due_at)
         SELECT t.need_id, t.household_id, t.resource_id, t.assessment_id, t.score, t.rank, t.urgency::need_urgency, t.category_code, t.explanation,
                $10::timestamptz + make_interval(hours => CASE WHEN t.urgency = 'emergency' THEN $12::int ELSE $11::int END)
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::numeric[], $6::smallint[], $7::text[], $8::text[], $9::jsonb[])
             AS t(household_id, assessment_id, need_id, resource_id, score, rank, urgency, category_code, explanation)
         ON CONFLICT (need_id, resource_id, assessment_id) DO UPDATE
            SET status = 'proposed', score = EXCLUDED.score, rank = EXCLUDED.rank,
                explanation = EXCLUDED.explanation, approval_due_at = EXCLUDED.approval_due_at,
                overdue_at = NULL, escalated_to_area_id = NULL,
                updated_at = now(), version = match_proposal.version + 1
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
          // A proposal waits for approval SLA_APPROVAL_HOURS (less for an emergency) from now.
          at,
          approvalHours.normal,
          approvalHours.emergency,
        ],
      );
    }
    await manager.query(
      `UPDATE match_proposal m SET status = 'superseded', updated_at = now(), version = m.version + 1
        WHERE m.need_id = ANY($1) AND m.status = 'proposed'
          AND (m.need_id, m.resource_id) NOT IN (SELECT * FROM unnest($2::uuid[], $3::uuid[]))`,
      [needIds, proposals.map((p) => p.needId), proposals.map((p) => p.resourceId)],
    );
    return this.needs.recordMatchResults(
      manager,
      results.map((r) => ({
        id: r.needId,
        // A gap need its referrals serve stays matched while nothing new is proposed for it.
        matched: r.proposals.length > 0 || r.served,
        rejections: r.rejections,
        unmet: r.served ? null : r.unmet,
      })),
      at,
    );
  }
}
