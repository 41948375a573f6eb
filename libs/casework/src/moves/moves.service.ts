import { Injectable, Logger } from '@nestjs/common';
import { AreasRepository, parentPath } from '@onedoor/areas';
import {
  type AdviserCandidateDto,
  CasesRepository,
  HouseholdCaseEntity,
  HouseholdsRepository,
  NeedsRepository,
} from '@onedoor/households';
import {
  AuditService,
  Clock,
  DomainError,
  EventOutbox,
  ForbiddenError,
  isInScope,
  jobIds,
  MatchingQueueProducer,
  NotFoundError,
  type Principal,
  TransactionRunner,
  UsersRepository,
  ValidationFailedError,
} from '@onedoor/platform';
import type { EntityManager } from 'typeorm';
import type { HouseholdMoveDto, MoveHouseholdDto } from './dto/move.dto';
import { MovesRepository } from './moves.repository';

/**
 * A household's move to another community, in one transaction: the move row (history), the
 * household's community (and address), the open case handed to an adviser there (or left
 * unassigned, the new community's assessors told), the proposals still waiting for approval
 * whose resource does not cover the new community superseded, the audit row and the notices.
 * Live referrals are kept (the provider serves the family until the referral ends), move to
 * the new community's area (its staff supervise them now) and their providers are told. After commit the household is matched again in its new area.
 *
 * Who may move: an assessor or civil-affairs user who sees the household and whose scope
 * holds the new community too, i.e. whose area covers both (a street's staff between two of
 * its communities, a district's between streets). Others are 403.
 */
@Injectable()
export class MovesService {
  private readonly logger = new Logger(MovesService.name);

  constructor(
    private readonly moves: MovesRepository,
    private readonly households: HouseholdsRepository,
    private readonly cases: CasesRepository,
    private readonly needs: NeedsRepository,
    private readonly areas: AreasRepository,
    private readonly users: UsersRepository,
    private readonly matching: MatchingQueueProducer,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async list(householdId: string, principal: Principal): Promise<HouseholdMoveDto[]> {
    if (!(await this.households.isVisible(householdId, principal)))
      throw new NotFoundError('Household', 'HOUSEHOLD_NOT_FOUND');
    return this.moves.ofHousehold(householdId);
  }

  /** Who may take the case in the new community: active assessors whose area covers it. */
  async adviserCandidates(
    householdId: string,
    communityId: string,
    principal: Principal,
  ): Promise<AdviserCandidateDto[]> {
    if (!(await this.households.isVisible(householdId, principal)))
      throw new NotFoundError('Household', 'HOUSEHOLD_NOT_FOUND');
    const to = await this.areas.findById(communityId);
    if (!to || to.level !== 'community' || !isInScope(principal, to.path)) return [];
    return this.cases.adviserCandidates(to.path);
  }

  async move(
    householdId: string,
    dto: MoveHouseholdDto,
    actor: Principal,
  ): Promise<HouseholdMoveDto> {
    const id = await this.tx.run((manager) => this.write(householdId, dto, actor, manager));
    await this.enqueueMatch([{ id, householdId }]);
    return (await this.moves.ofHousehold(householdId, id))[0];
  }

  private async write(
    householdId: string,
    dto: MoveHouseholdDto,
    actor: Principal,
    manager: EntityManager,
  ): Promise<string> {
    const household = await this.households.findVisible(householdId, actor, manager, true);
    if (!household) throw new NotFoundError('Household', 'HOUSEHOLD_NOT_FOUND');
    const from = household.community!;
    const to = await this.areas.findById(dto.communityId, manager);
    if (!to || to.level !== 'community') {
      throw new ValidationFailedError('communityId: no such community', [
        { field: 'communityId', constraint: 'unknownArea', message: 'no such community' },
      ]);
    }
    if (!isInScope(actor, to.path))
      throw new ForbiddenError('The new community is outside your area');
    if (to.id === from.id)
      throw new DomainError('MOVE_SAME_COMMUNITY', 'The household already lives there');
    if (dto.adviserId) await this.checkAdviser(dto.adviserId, to.path);

    const now = this.clock.now();
    const openCase = await manager
      .getRepository(HouseholdCaseEntity)
      .createQueryBuilder('c')
      .where('c.household_id = :householdId', { householdId })
      .andWhere(`c.status = 'open'`)
      .setLock('pessimistic_write')
      .getOne();
    await this.households.update(
      householdId,
      { communityId: to.id, address: dto.address ?? null },
      manager,
    );
    // lock-order.ts: the household, then its needs, then their proposals.
    await this.needs.lock(manager, await this.moves.liveNeedIds(householdId, manager));
    const withdrawn = await this.moves.supersedeOutsideCoverage(householdId, to.path, manager);
    const referrals = await this.moves.moveLiveReferrals(householdId, to.path, manager);
    const toAdviserId = dto.adviserId ?? null;
    if (openCase) {
      await this.cases.update(openCase.id, { adviserId: toAdviserId }, manager);
      await this.cases.insertAssignment(
        {
          caseId: openCase.id,
          fromAdviserId: openCase.adviserId,
          toAdviserId,
          reason: dto.reason,
          byUserId: actor.userId,
          at: now,
        },
        manager,
      );
    }
    const id = await this.moves.insert(
      {
        householdId,
        fromCommunityId: from.id,
        toCommunityId: to.id,
        caseId: openCase?.id ?? null,
        fromAdviserId: openCase?.adviserId ?? null,
        toAdviserId: openCase ? toAdviserId : null,
        reason: dto.reason,
        byUserId: actor.userId,
        at: now,
        withdrawnProposals: withdrawn.length,
      },
      manager,
    );
    await this.audit.record(manager, {
      entityType: 'household',
      entityId: householdId,
      action: 'move',
      actor,
      reason: dto.reason,
      data: {
        householdId,
        caseId: openCase?.id ?? null,
        moveId: id,
        fromCommunityId: from.id,
        toCommunityId: to.id,
        fromAdviserId: openCase?.adviserId ?? null,
        toAdviserId: openCase ? toAdviserId : null,
        withdrawnProposals: withdrawn.length,
        liveReferrals: referrals.length,
      },
      areaPath: to.path,
    });
    // Each withdrawn proposal on the timeline, as the matcher's own supersedes are not.
    await this.audit.recordMany(
      manager,
      withdrawn.map((proposalId) => ({
        entityType: 'match_proposal',
        entityId: proposalId,
        action: 'supersede',
        actor,
        fromState: 'proposed',
        toState: 'superseded',
        reason: 'household moved out of the resource coverage',
        data: { householdId, caseId: openCase?.id ?? null, moveId: id },
        areaPath: to.path,
      })),
    );
    const head = household.members?.find((m) => m.isHead)?.name ?? null;
    const data = {
      householdId,
      caseId: openCase?.id ?? null,
      headName: head,
      fromCommunity: from.name,
      toCommunity: to.name,
    };
    await this.outbox.emit(manager, {
      type: 'household.moved',
      entityType: 'household',
      entityId: householdId,
      areaPath: to.path,
      audience: [
        {
          userIds: [openCase?.adviserId, toAdviserId].filter((u): u is string => !!u),
        },
        // Nobody accompanies the family there yet: the new community's assessors hear of it.
        ...(openCase && !toAdviserId ? [{ roles: ['assessor' as const], areaPath: to.path }] : []),
        { roles: ['civil_affairs'], areaPath: parentPath(to.path) },
      ],
      data,
    });
    for (const r of referrals) {
      await this.outbox.emit(manager, {
        type: 'household.moved',
        entityType: 'referral',
        entityId: r.id,
        areaPath: to.path,
        providerId: r.providerId,
        audience: [{ providerId: r.providerId }],
        data: { ...data, referralId: r.id },
      });
    }
    return id;
  }

  private async checkAdviser(adviserId: string, communityPath: string): Promise<void> {
    const adviser = await this.users.findActor(adviserId);
    const problem = !adviser
      ? 'not_active'
      : adviser.role !== 'assessor'
        ? 'not_assessor'
        : !isInScope(adviser, communityPath)
          ? 'out_of_area'
          : null;
    if (problem) {
      throw new DomainError(
        'CASE_ADVISER_INVALID',
        `The new adviser must be an active assessor whose area covers the new community (${problem})`,
        { adviserId, problem },
      );
    }
  }

  private async enqueueMatch(moves: Array<{ id: string; householdId: string }>): Promise<number> {
    try {
      await this.matching.enqueueHouseholdMatches(
        moves.map((m) => ({
          householdId: m.householdId,
          emergency: false,
          jobId: jobIds.matchHouseholdAfterMove(m.householdId, m.id),
        })),
      );
      await this.moves.markMatchEnqueued(
        moves.map((m) => m.id),
        this.clock.now(),
      );
      return moves.length;
    } catch (error) {
      this.logger.warn({ err: error }, 'matching after a move not queued; the sweep will retry');
      return 0;
    }
  }

  /** Moves whose re-match was never queued (Redis was down): queued now (the maintenance sweep). */
  async enqueuePendingMatches(): Promise<number> {
    const pending = await this.moves.pendingMatches();
    return pending.length === 0 ? 0 : this.enqueueMatch(pending);
  }
}
