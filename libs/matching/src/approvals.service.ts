import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  type AuditEntry,
  AuditService,
  Clock,
  DomainError,
  EventOutbox,
  NotFoundError,
  isInScope,
  jobIds,
  MatchingQueueProducer,
  type Principal,
  todayInChina,
  TransactionRunner,
} from '@onedoor/platform';
import {
  HouseholdFactsRepository,
  type HouseholdFacts,
  NeedsRepository,
} from '@onedoor/households';
import {
  coversFen,
  needGap,
  stackingConflict,
  stackingConflictError,
  StackingRepository,
} from '@onedoor/ledger';
import {
  type EligibilityFacts,
  type ResourceCounters,
  ResourceCapacityRepository,
  type ResourceEntity,
  ResourcesRepository,
} from '@onedoor/resources';
import { ApprovalsRepository, type ProposalToDecide } from './approvals.repository';
import { HouseholdBenefitsRepository } from './household-benefits.repository';
import type { DecisionSnapshot } from './referrals/decision-snapshot';
import { referralDeadlines } from './referrals/referral-deadlines';
import type { ConsentDto } from './referrals/referral.dto';

/** The need as a decision records it. */
type LockedNeed = NonNullable<Awaited<ReturnType<NeedsRepository['lockOne']>>>;

/** A locked proposal and its locked need, with its household's facts at its assessment. */
interface Locked {
  p: ProposalToDecide;
  need: LockedNeed;
  household: HouseholdFacts;
}

const DECISION_ACTION = { approved: 'approve', rejected: 'reject', expired: 'expire' } as const;

/** Rolls the approval back: the stacking rules refuse it (the 409 is `refusal`). */
class StackingRefused extends Error {
  constructor(
    readonly refusal: DomainError,
    readonly householdId: string,
    readonly resourceId: string,
    readonly emergency: boolean,
  ) {
    super(refusal.message);
  }
}

/** Rolls the approval back: the resource had nothing left (or was no longer published). */
class NoUnitLeft extends Error {
  constructor(readonly resource: ResourceCounters) {
    super('no unit left');
  }
}

/**
 * Civil-affairs staff's decisions on proposals. Approval is one transaction: lock the need and
 * the proposal, approve, supersede the need's other proposals, open the referral with its
 * decision snapshot, write the audit rows, and last reserve a unit (conditional update): the
 * row locks in `LOCK_ORDER` (lock-order.ts), as every decision takes them.
 */
@Injectable()
export class ApprovalsService {
  private readonly logger = new Logger(ApprovalsService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly decisions: ApprovalsRepository,
    private readonly needs: NeedsRepository,
    private readonly householdFacts: HouseholdFactsRepository,
    private readonly resources: ResourcesRepository,
    private readonly capacity: ResourceCapacityRepository,
    private readonly clock: Clock,
    private readonly outbox: EventOutbox,
    private readonly benefits: HouseholdBenefitsRepository,
    private readonly stacking: StackingRepository,
    private readonly queue: MatchingQueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Returns the new referral's id. The reservation is the transaction's last statement: the
   * resource row is the one every approver of that resource contends for, so its lock is held
   * only from that update to the commit. When no unit is left everything rolls back and the
   * proposal expires in a second transaction (409 after it commits).
   */
  async approve(id: string, actor: Principal, consent?: ConsentDto): Promise<string> {
    try {
      const referralId = await this.tx.run((manager) =>
        this.approveIn(manager, id, actor, consent),
      );
      this.logger.log({ proposalId: id, referralId }, 'proposal approved');
      return referralId;
    } catch (error) {
      if (error instanceof StackingRefused) {
        // The proposal stays proposed; the household's next run refuses the candidate in the
        // why-not view (naming the benefit) and supersedes it: queued now, once per proposal.
        // Best effort: Redis down must not turn the 409 into a 500 (nor abort a bulk approval);
        // the proposal then waits for the household's next run.
        try {
          await this.queue.enqueueHouseholdMatches([
            {
              householdId: error.householdId,
              emergency: error.emergency,
              jobId: jobIds.matchHouseholdFor(
                error.householdId,
                error.resourceId,
                `stacking.${id}`,
              ),
            },
          ]);
        } catch (queueError) {
          this.logger.warn(
            { err: queueError, proposalId: id, householdId: error.householdId },
            're-match not queued after a stacking refusal',
          );
        }
        throw error.refusal;
      }
      if (!(error instanceof NoUnitLeft)) throw error;
      await this.tx.run(async (manager) => {
        const locked = await this.lockProposal(manager, id, actor);
        await this.audit.record(
          manager,
          await this.decide(manager, locked, 'expired', actor, this.clock.now(), null),
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

  private async approveIn(
    manager: EntityManager,
    id: string,
    actor: Principal,
    consent?: ConsentDto,
  ): Promise<string> {
    // The household's lock first (`LOCK_ORDER`): approvals on any of its needs are decided one
    // at a time, each seeing the benefits the one before it committed (an exclusive rule between
    // two needs' resources). Then the need's lock serialises decisions on it (two proposals of one
    // need approved at once): the second waits, then finds its proposal superseded.
    const keys = await this.decisions.keysOf(manager, id);
    if (keys) await this.stacking.lockHousehold(manager, keys.householdId);
    const locked = await this.lockProposal(manager, id, actor, keys?.needId);
    const { p, need, household } = locked;
    const now = this.clock.now();
    const live = p.liveReferralId;
    if (live && need.gapFen === null) {
      throw new DomainError('NEED_ALREADY_SERVED', 'The need already has a live referral', {
        referralId: live,
      });
    }
    const resource = (await this.resources.findById(p.resourceId, manager))!;
    // The matcher checked the rules when it proposed; what the household receives may have
    // changed since (another approval, a department's entry): the same check, under the lock.
    const received = (await this.benefits.of([p.householdId], manager)).get(p.householdId)!;
    const candidate = {
      resourceId: p.resourceId,
      categoryCode: resource.categoryCode,
      valuePerUnitFen: resource.valuePerUnitFen,
    };
    const conflict = stackingConflict({
      candidate,
      need: { id: p.needId, gapFen: need.gapFen, hasLiveReferral: live !== null },
      benefits: received.benefits,
      rules: await this.stacking.rules(manager),
      today: todayInChina(now),
    });
    if (conflict) {
      throw new StackingRefused(
        stackingConflictError(conflict),
        p.householdId,
        p.resourceId,
        need.urgency === 'emergency',
      );
    }
    // A money-gap need keeps its other proposals while some of the gap is left after this one
    // (each is checked again when approved); once covered, or without a gap, they are superseded
    // (in the approving statement).
    const gap = needGap({ id: p.needId, gapFen: need.gapFen }, received.benefits);
    const covers = coversFen(candidate, gap);
    const superseded = await this.decisions.approve(
      manager,
      p,
      { by: actor.userId, at: now },
      !(gap && gap.leftFen - covers! > 0),
    );
    const approved = this.decisionEntry(locked, 'approved', actor, null);
    await this.needs.markMatched(manager, p.needId);
    const due = referralDeadlines(need.urgency, now, this.config.referrals);
    const referralId = await this.decisions.openReferral(manager, {
      proposalId: p.id,
      needId: p.needId,
      householdId: p.householdId,
      resourceId: p.resourceId,
      providerId: resource.providerId,
      areaPath: household.areaPath,
      urgency: need.urgency,
      categoryCode: need.categoryCode,
      acceptDueAt: due.acceptDueAt,
      deliverDueAt: due.deliverDueAt,
      snapshot: this.snapshot(locked, { id: p.needId, ...need }, resource, actor, now),
      consent: consent ? { ...consent, recordedBy: actor.userId } : null,
      // What it pays of the gap (what was left, at most): the gap counts it, not the full value.
      coversFen: covers,
    });
    // One statement for every audit row of the approval.
    await this.audit.recordMany(manager, [
      approved,
      ...superseded.map((supersededId) => ({
        entityType: 'match_proposal',
        entityId: supersededId,
        action: 'supersede',
        actor,
        fromState: 'proposed',
        toState: 'superseded',
        reason: `another proposal of the need was approved (${p.id})`,
        areaPath: household.areaPath,
      })),
      {
        entityType: 'resource',
        entityId: p.resourceId,
        action: 'reserve',
        actor,
        data: { units: 1, referralId },
        areaPath: household.areaPath,
      },
      {
        entityType: 'referral',
        entityId: referralId,
        action: 'open',
        actor,
        fromState: null,
        toState: 'open',
        data: {
          proposalId: p.id,
          acceptDueAt: due.acceptDueAt.toISOString(),
          deliverDueAt: due.deliverDueAt.toISOString(),
        },
        areaPath: household.areaPath,
      },
    ]);
    // The provider learns of it in the same commit (rolled back with it when no unit is left).
    await this.outbox.emit(manager, {
      type: 'referral.created',
      entityType: 'referral',
      entityId: referralId,
      areaPath: household.areaPath,
      providerId: resource.providerId,
      audience: [{ providerId: resource.providerId }],
      data: {
        referralId,
        proposalId: p.id,
        resourceId: p.resourceId,
        resourceTitle: resource.title,
        householdId: p.householdId,
        categoryCode: need.categoryCode,
        urgency: need.urgency,
        acceptDueAt: due.acceptDueAt.toISOString(),
        deliverDueAt: due.deliverDueAt.toISOString(),
      },
    });
    if (!(await this.capacity.reserveUnit(manager, p.resourceId))) {
      throw new NoUnitLeft((await this.capacity.counters(manager, p.resourceId))!);
    }
    return referralId;
  }

  private snapshot(
    { p, household }: Locked,
    need: DecisionSnapshot['need'],
    resource: ResourceEntity,
    actor: Principal,
    now: Date,
  ): DecisionSnapshot {
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
        tier: household.tier,
        areaPath: household.areaPath,
        assessmentId: p.assessmentId,
        facts: household.facts as EligibilityFacts,
      },
      need,
      resource: {
        id: p.resourceId,
        title: resource.title,
        providerId: resource.providerId,
        form: resource.form,
        serviceLevel: resource.serviceLevel,
        eligibility: resource.eligibility,
        version: resource.version,
      },
      score: Number(p.score),
      rank: p.rank,
      explanation: p.explanation,
    };
  }

  async reject(id: string, reason: string, actor: Principal): Promise<void> {
    await this.tx.run(async (manager) => {
      const locked = await this.lockProposal(manager, id, actor);
      const { p, household } = locked;
      const now = this.clock.now();
      await this.audit.record(
        manager,
        await this.decide(manager, locked, 'rejected', actor, now, reason),
      );
      // The need's last open proposal gone and nothing serving it: it is open again (and
      // stays visible as such; the matcher is not re-run, it would find the same resources).
      if (
        (await this.decisions.pendingFor(manager, p.needId)) === 0 &&
        (await this.needs.reopenMatched(manager, p.needId))
      ) {
        await this.audit.record(manager, {
          entityType: 'need',
          entityId: p.needId,
          action: 'reopen',
          actor,
          fromState: 'matched',
          toState: 'open',
          reason: 'every proposal was rejected',
          areaPath: household.areaPath,
        });
      }
    });
  }

  /**
   * The proposal locked after its need (`LOCK_ORDER`: need → proposal → referral → resource,
   * the order the matcher's persist takes too), with its household's facts at its assessment;
   * 404 outside scope, 409 unless proposed.
   */
  private async lockProposal(
    manager: EntityManager,
    id: string,
    actor: Principal,
    knownNeedId?: string,
  ): Promise<Locked> {
    const needId = knownNeedId ?? (await this.decisions.needOf(manager, id));
    const need = needId && (await this.needs.lockOne(manager, needId));
    const p = need && (await this.decisions.lockProposal(manager, id));
    const household =
      p && (await this.householdFacts.atAssessment(manager, p.householdId, p.assessmentId));
    if (!need || !p || !household || !isInScope(actor, household.areaPath))
      throw new NotFoundError('Match', 'MATCH_NOT_FOUND');
    if (p.status !== 'proposed') {
      throw new DomainError('MATCH_NOT_PROPOSED', `The proposal is already ${p.status}`, {
        status: p.status,
      });
    }
    return { p, need, household };
  }

  /** Writes a decision on the proposal; returns its audit entry for the caller to record. */
  private async decide(
    manager: EntityManager,
    { p, household }: Locked,
    status: 'approved' | 'rejected' | 'expired',
    actor: Principal,
    at: Date,
    reason: string | null,
  ): Promise<AuditEntry> {
    await this.decisions.markDecided(manager, p.id, { status, by: actor.userId, at, reason });
    return this.decisionEntry({ p, household }, status, actor, reason);
  }

  /** The audit entry of a decision on the proposal. */
  private decisionEntry(
    { p, household }: Pick<Locked, 'p' | 'household'>,
    status: 'approved' | 'rejected' | 'expired',
    actor: Principal,
    reason: string | null,
  ): AuditEntry {
    return {
      entityType: 'match_proposal',
      entityId: p.id,
      action: DECISION_ACTION[status],
      actor,
      fromState: 'proposed',
      toState: status,
      reason,
      areaPath: household.areaPath,
    };
  }
}
