import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  type AuditEntry,
  AuditService,
  Clock,
  DomainError,
  NotFoundError,
  isInScope,
  type Principal,
  TransactionRunner,
} from '@onedoor/platform';
import type { EligibilityFacts, EligibilityRules } from '@onedoor/resources';
import type { ExplanationItem, Urgency } from './engine/match-engine';
import type { ProposalStatus } from './match-proposal.entity';
import type { DecisionSnapshot } from './referrals/decision-snapshot';
import { referralDeadlines } from './referrals/referral-deadlines';
import { LIVE_REFERRAL_SQL } from './referrals/referral.entity';
import { ReferralsRepository } from './referrals/referrals.repository';

interface LockedProposal {
  id: string;
  status: ProposalStatus;
  needId: string;
  householdId: string;
  resourceId: string;
  assessmentId: string;
  score: string;
  rank: number;
  explanation: ExplanationItem[];
  areaPath: string;
  tier: string | null;
  categoryCode: string;
  severity: number;
  urgency: Urgency;
  facts: EligibilityFacts;
  resourceTitle: string;
  providerId: string;
  form: string;
  serviceLevel: string;
  eligibility: EligibilityRules | null;
  resourceVersion: number;
}

const DECISION_ACTION = { approved: 'approve', rejected: 'reject', expired: 'expire' } as const;

/** Rolls the approval back: the resource had nothing left (or was no longer published). */
class NoUnitLeft extends Error {
  constructor(
    readonly resource: { status: string; capacity: number; reserved: number; delivered: number },
  ) {
    super('no unit left');
  }
}

/**
 * Civil-affairs staff's decisions on proposals. Approval is one transaction: approve, supersede
 * the need's other proposals, open the referral with its decision snapshot, write the audit
 * rows, and last reserve a unit (conditional update).
 */
@Injectable()
export class ApprovalsService {
  private readonly logger = new Logger(ApprovalsService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly referrals: ReferralsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Returns the new referral's id. The reservation is the transaction's last statement: the
   * resource row is the one every approver of that resource contends for, so its lock is held
   * only from that update to the commit. When no unit is left everything rolls back and the
   * proposal expires in a second transaction (409 after it commits).
   */
  async approve(id: string, actor: Principal): Promise<string> {
    try {
      const referralId = await this.tx.run((manager) => this.approveIn(manager, id, actor));
      this.logger.log({ proposalId: id, referralId }, 'proposal approved');
      return referralId;
    } catch (error) {
      if (!(error instanceof NoUnitLeft)) throw error;
      await this.tx.run(async (manager) => {
        const p = await this.lockProposal(manager, id, actor);
        await this.audit.record(
          manager,
          await this.decide(manager, p, 'expired', actor, this.clock.now(), null),
        );
      });
      const r = error.resource;
      throw r.status === 'published'
        ? new DomainError('RESOURCE_CAPACITY_EXHAUSTED', 'The resource has no capacity left', {
            capacity: r.capacity,
            reserved: r.reserved,
            delivered: r.delivered,
            proposalStatus: 'expired',
          })
        : new DomainError('RESOURCE_UNAVAILABLE', `The resource is ${r.status}`, {
            resourceStatus: r.status,
            proposalStatus: 'expired',
          });
    }
  }

  private async approveIn(manager: EntityManager, id: string, actor: Principal): Promise<string> {
    const p = await this.lockProposal(manager, id, actor);
    const now = this.clock.now();
    // Serialises decisions on one need (two proposals of the same need approved at once).
    await manager.query(`SELECT id FROM need WHERE id = $1 FOR UPDATE`, [p.needId]);
    const [live] = await manager.query(
      `SELECT id FROM referral WHERE need_id = $1 AND status IN ${LIVE_REFERRAL_SQL}`,
      [p.needId],
    );
    if (live) {
      throw new DomainError('NEED_ALREADY_SERVED', 'The need already has a live referral', {
        referralId: live.id,
      });
    }
    const approved = await this.decide(manager, p, 'approved', actor, now, null);
    const superseded: Array<{ id: string }> = (
      await manager.query(
        `UPDATE match_proposal SET status = 'superseded', updated_at = now(), version = version + 1
          WHERE need_id = $1 AND status = 'proposed' AND id <> $2 RETURNING id`,
        [p.needId, p.id],
      )
    )[0];
    await manager.query(
      `UPDATE need SET status = 'matched', updated_at = now() WHERE id = $1 AND status = 'open'`,
      [p.needId],
    );
    const due = referralDeadlines(p.urgency, now, this.config.referrals);
    const [referral] = await manager.query(
      `INSERT INTO referral (proposal_id, need_id, household_id, resource_id, provider_id, area_path,
                             urgency, category_code, accept_due_at, deliver_due_at, snapshot)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        p.id,
        p.needId,
        p.householdId,
        p.resourceId,
        p.providerId,
        p.areaPath,
        p.urgency,
        p.categoryCode,
        due.acceptDueAt,
        due.deliverDueAt,
        JSON.stringify(this.snapshot(p, actor, now)),
      ],
    );
    // One statement for every audit row of the approval.
    await this.audit.recordMany(manager, [
      approved,
      ...superseded.map((s) => ({
        entityType: 'match_proposal',
        entityId: s.id,
        action: 'supersede',
        actor,
        fromState: 'proposed',
        toState: 'superseded',
        reason: `another proposal of the need was approved (${p.id})`,
        areaPath: p.areaPath,
      })),
      {
        entityType: 'resource',
        entityId: p.resourceId,
        action: 'reserve',
        actor,
        data: { units: 1, referralId: referral.id },
        areaPath: p.areaPath,
      },
      {
        entityType: 'referral',
        entityId: referral.id,
        action: 'open',
        actor,
        fromState: null,
        toState: 'open',
        data: {
          proposalId: p.id,
          acceptDueAt: due.acceptDueAt.toISOString(),
          deliverDueAt: due.deliverDueAt.toISOString(),
        },
        areaPath: p.areaPath,
      },
    ]);
    if (!(await this.referrals.reserveUnit(manager, p.resourceId))) {
      const [r] = await manager.query(
        `SELECT status, capacity, reserved, delivered FROM resource WHERE id = $1`,
        [p.resourceId],
      );
      throw new NoUnitLeft(r);
    }
    return referral.id as string;
  }

  private snapshot(p: LockedProposal, actor: Principal, now: Date): DecisionSnapshot {
    return {
      decidedAt: now.toISOString(),
      decidedBy: {
        userId: actor.userId,
        username: actor.username,
        role: actor.role,
        areaId: actor.areaId,
      },
      household: {
        id: p.householdId,
        tier: p.tier,
        areaPath: p.areaPath,
        assessmentId: p.assessmentId,
        facts: p.facts,
      },
      need: {
        id: p.needId,
        categoryCode: p.categoryCode,
        severity: p.severity,
        urgency: p.urgency,
      },
      resource: {
        id: p.resourceId,
        title: p.resourceTitle,
        providerId: p.providerId,
        form: p.form,
        serviceLevel: p.serviceLevel,
        eligibility: p.eligibility,
        version: p.resourceVersion,
      },
      score: Number(p.score),
      rank: p.rank,
      explanation: p.explanation,
    };
  }

  async reject(id: string, reason: string, actor: Principal): Promise<void> {
    await this.tx.run(async (manager) => {
      const p = await this.lockProposal(manager, id, actor);
      const now = this.clock.now();
      await manager.query(`SELECT id FROM need WHERE id = $1 FOR UPDATE`, [p.needId]);
      await this.audit.record(
        manager,
        await this.decide(manager, p, 'rejected', actor, now, reason),
      );
      // The need's last open proposal gone and nothing serving it: it is open again (and
      // stays visible as such; the matcher is not re-run, it would find the same resources).
      const [left] = await manager.query(
        `SELECT (SELECT count(*) FROM match_proposal WHERE need_id = $1 AND status = 'proposed')::int
              + (SELECT count(*) FROM referral WHERE need_id = $1 AND status IN ${LIVE_REFERRAL_SQL})::int AS n`,
        [p.needId],
      );
      if (left.n === 0) {
        const [[need]] = await manager.query(
          `UPDATE need SET status = 'open', updated_at = now() WHERE id = $1 AND status = 'matched' RETURNING id`,
          [p.needId],
        );
        if (need) {
          await this.audit.record(manager, {
            entityType: 'need',
            entityId: p.needId,
            action: 'reopen',
            actor,
            fromState: 'matched',
            toState: 'open',
            reason: 'every proposal was rejected',
            areaPath: p.areaPath,
          });
        }
      }
    });
  }

  /** The proposal with what a decision needs, locked; 404 outside scope, 409 unless proposed. */
  private async lockProposal(
    manager: EntityManager,
    id: string,
    actor: Principal,
  ): Promise<LockedProposal> {
    const [p]: LockedProposal[] = await manager.query(
      `SELECT m.id, m.status, m.need_id AS "needId", m.household_id AS "householdId",
              m.resource_id AS "resourceId", m.assessment_id AS "assessmentId", m.score, m.rank,
              m.explanation, c.path AS "areaPath", h.tier, n.category_code AS "categoryCode",
              n.severity, n.urgency, s.facts_snapshot -> 'eligibility' AS facts,
              r.title AS "resourceTitle", r.provider_id AS "providerId", r.form,
              r.service_level AS "serviceLevel", r.eligibility, r.version AS "resourceVersion"
         FROM match_proposal m
         JOIN need n ON n.id = m.need_id
         JOIN household h ON h.id = m.household_id
         JOIN area c ON c.id = h.community_id
         JOIN assessment s ON s.id = m.assessment_id
         JOIN resource r ON r.id = m.resource_id
        WHERE m.id = $1
        FOR UPDATE OF m`,
      [id],
    );
    if (!p || !isInScope(actor, p.areaPath)) throw new NotFoundError('Match', 'MATCH_NOT_FOUND');
    if (p.status !== 'proposed') {
      throw new DomainError('MATCH_NOT_PROPOSED', `The proposal is already ${p.status}`, {
        status: p.status,
      });
    }
    return p;
  }

  /** Writes a decision on the proposal; returns its audit entry for the caller to record. */
  private async decide(
    manager: EntityManager,
    p: LockedProposal,
    status: 'approved' | 'rejected' | 'expired',
    actor: Principal,
    at: Date,
    reason: string | null,
  ): Promise<AuditEntry> {
    await manager.query(
      `UPDATE match_proposal SET status = $2, decided_by_id = $3, decided_at = $4, decision_reason = $5,
              updated_at = now(), version = version + 1
        WHERE id = $1`,
      [p.id, status, actor.userId, at, reason],
    );
    return {
      entityType: 'match_proposal',
      entityId: p.id,
      action: DECISION_ACTION[status],
      actor,
      fromState: 'proposed',
      toState: status,
      reason,
      areaPath: p.areaPath,
    };
  }
}
