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
   * The proposal's household, read without a lock (it never changes): its advisory lock comes
   * before the need's (`LOCK_ORDER`, lock-order.ts).
   */
  async householdOf(manager: EntityManager, id: string): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT household_id AS "householdId" FROM match_proposal WHERE id = $1`,
      [id],
    );
    return row?.householdId ?? null;
  }

  /** Locks the proposal row (only that row; its need is locked first); null when there is none. */
  async lockProposal(manager: EntityManager, id: string): Promise<ProposalToDecide | null> {
    const [row] = await manager.query(
      `SELECT id, status, need_id AS "needId", household_id AS "householdId",
              resource_id AS "resourceId", assessment_id AS "assessmentId", score, rank, explanation
         FROM match_proposal WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /** The need's live referral (open, accepted or delivered), if it has one. */
  async liveReferralOf(manager: EntityManager, needId: string): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT id FROM referral WHERE need_id = $1 AND status IN ${LIVE_REFERRAL_SQL}`,
      [needId],
    );
    return row?.id ?? null;
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
   * The need's other open proposals superseded (one was approved); returns their ids. Their
   * locks follow the need's, which the caller holds: every writer of a need's proposals (the
   * matcher's persist, decisions) takes it first, so none waits here for a row it then blocks.
   */
  async supersedeOthers(
    manager: EntityManager,
    needId: string,
    approvedId: string,
  ): Promise<string[]> {
    const [rows]: [Array<{ id: string }>, number] = await manager.query(
      `UPDATE match_proposal SET status = 'superseded', updated_at = now(), version = version + 1
        WHERE need_id = $1 AND status = 'proposed' AND id <> $2 RETURNING id`,
      [needId, approvedId],
    );
    return rows.map((r) => r.id);
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
