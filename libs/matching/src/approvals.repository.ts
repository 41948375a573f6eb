import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ExplanationItem, Urgency } from './engine/match-engine';
import type { ProposalStatus } from './match-proposal.entity';
import type { ReferralConsent } from './referrals/referral.entity';
import type { DecisionSnapshot } from './referrals/decision-snapshot';
import { LIVE_REFERRAL_SQL } from './referrals/referral.entity';

/** A proposal as a decision reads it. */
export interface ProposalToDecide {
  id: string;
  status: ProposalStatus;
  needId: string;
  householdId: string;
  resourceId: string;
  assessmentId: string;
  score: string;
  rank: number;
  explanation: ExplanationItem[];
  /** The need's live referral (open, accepted or delivered), if it has one. */
  liveReferralId: string | null;
}

export interface NewReferral {
  proposalId: string;
  needId: string;
  householdId: string;
  resourceId: string;
  providerId: string;
  areaPath: string;
  urgency: Urgency;
  categoryCode: string;
  acceptDueAt: Date;
  deliverDueAt: Date;
  snapshot: DecisionSnapshot;
  consent: ReferralConsent | null;
  /** What it covers of its need's money gap (fen); null for a need without a gap. */
  coversFen: number | null;
}

/**
 * The statements of decisions on proposals (lock, decide, supersede, open the referral), on
 * this lib's tables only, each in the caller's transaction. The need's and the resource's rows
 * are changed through their libs' repositories.
 */
@Injectable()
export class ApprovalsRepository {
  /**
   * The proposal's need, read without a lock (it never changes): the need is locked before
   * the proposal (`LOCK_ORDER`, lock-order.ts).
   */
  async needOf(manager: EntityManager, id: string): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT need_id AS "needId" FROM match_proposal WHERE id = $1`,
      [id],
    );
    return row?.needId ?? null;
  }

  /**
   * The proposal's household and need, read without a lock (they never change): the household's
   * advisory lock and then the need's row lock come before the proposal's (`LOCK_ORDER`,
   * lock-order.ts). One read for both, as an approval needs both.
   */
  async keysOf(
    manager: EntityManager,
    id: string,
  ): Promise<{ householdId: string; needId: string } | null> {
    const [row] = await manager.query(
      `SELECT household_id AS "householdId", need_id AS "needId" FROM match_proposal WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Locks the proposal row (only that row; its need is locked first); null when there is none.
   * With it, in the same statement, its need's live referral (open, accepted or delivered), if
   * any: read after the need's lock, so no referral of the need can appear before the commit.
   */
  async lockProposal(manager: EntityManager, id: string): Promise<ProposalToDecide | null> {
    const [row] = await manager.query(
      `SELECT p.id, p.status, p.need_id AS "needId", p.household_id AS "householdId",
              p.resource_id AS "resourceId", p.assessment_id AS "assessmentId", p.score, p.rank,
              p.explanation,
              (SELECT r.id FROM referral r
                WHERE r.need_id = p.need_id AND r.status IN ${LIVE_REFERRAL_SQL} LIMIT 1) AS "liveReferralId"
         FROM match_proposal p WHERE p.id = $1 FOR UPDATE OF p`,
      [id],
    );
    return row ?? null;
  }

  async markDecided(
    manager: EntityManager,
    id: string,
    decision: {
      status: 'approved' | 'rejected' | 'expired';
      by: string;
      at: Date;
      reason: string | null;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE match_proposal SET status = $2, decided_by_id = $3, decided_at = $4, decision_reason = $5,
              updated_at = now(), version = version + 1
        WHERE id = $1`,
      [id, decision.status, decision.by, decision.at, decision.reason],
    );
  }

  /**
   * The proposal approved and, when `supersedeOthers`, its need's other open proposals
   * superseded, in one statement; returns the superseded ids. Their locks follow the need's,
   * which the caller holds: every writer of a need's proposals (the matcher's persist,
   * decisions) takes it first, so none waits here for a row it then blocks.
   */
  async approve(
    manager: EntityManager,
    p: { id: string; needId: string },
    decision: { by: string; at: Date },
    supersedeOthers: boolean,
  ): Promise<string[]> {
    const [rows]: [Array<{ id: string; approved: boolean }>, number] = await manager.query(
      `UPDATE match_proposal
          SET status = CASE WHEN id = $1 THEN 'approved' ELSE 'superseded' END::proposal_status,
              decided_by_id = CASE WHEN id = $1 THEN $3::uuid ELSE decided_by_id END,
              decided_at = CASE WHEN id = $1 THEN $4::timestamptz ELSE decided_at END,
              decision_reason = CASE WHEN id = $1 THEN NULL ELSE decision_reason END,
              updated_at = now(), version = version + 1
        WHERE id = $1 OR ($5 AND need_id = $2 AND status = 'proposed')
        RETURNING id, id = $1 AS approved`,
      [p.id, p.needId, decision.by, decision.at, supersedeOthers],
    );
    return rows.filter((r) => !r.approved).map((r) => r.id);
  }

  async openReferral(manager: EntityManager, r: NewReferral): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO referral (proposal_id, need_id, household_id, resource_id, provider_id, area_path,
                             urgency, category_code, accept_due_at, deliver_due_at, snapshot, consent, covers_fen)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        r.proposalId,
        r.needId,
        r.householdId,
        r.resourceId,
        r.providerId,
        r.areaPath,
        r.urgency,
        r.categoryCode,
        r.acceptDueAt,
        r.deliverDueAt,
        JSON.stringify(r.snapshot),
        r.consent ? JSON.stringify(r.consent) : null,
        r.coversFen,
      ],
    );
    return row.id;
  }

  /** What still serves or may serve the need: its open proposals plus its live referrals. */
  async pendingFor(manager: EntityManager, needId: string): Promise<number> {
    const [row] = await manager.query(
      `SELECT (SELECT count(*) FROM match_proposal WHERE need_id = $1 AND status = 'proposed')::int
            + (SELECT count(*) FROM referral WHERE need_id = $1 AND status IN ${LIVE_REFERRAL_SQL})::int AS n`,
      [needId],
    );
    return row.n;
  }
}
