import { Injectable } from '@nestjs/common';
import { parentPath } from '@onedoor/areas';
import {
  AuditService,
  Clock,
  DomainError,
  EventOutbox,
  isInScope,
  isUniqueViolation,
  NotFoundError,
  type Page,
  type Principal,
  StaleVersionError,
  TransactionRunner,
  UsersRepository,
} from '@onedoor/platform';
import type { EntityManager } from 'typeorm';
import { HouseholdsRepository } from '../households.repository';
import type { HouseholdCaseEntity } from './case.entity';
import { toCaseDto } from './case.mapper';
import { CasesRepository, type CaseRow } from './cases.repository';
import type {
  AdviserCandidateDto,
  CaseDto,
  CaseQueryDto,
  CloseCaseDto,
  HandoverCaseDto,
  ReopenCaseDto,
} from './dto/case.dto';

/**
 * A household's case: opened at registration (in its transaction), handed over between
 * advisers, closed with a reason and reopened. Each change, its audit row and (for a hand-over)
 * its outbox event commit together; the row lock and the version sent decide between two
 * changes sent at once (the loser is 409 STALE_VERSION), the partial unique index between two
 * reopenings of one household's cases (409 CASE_ALREADY_OPEN).
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly households: HouseholdsRepository,
    private readonly users: UsersRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  /**
   * Opens the household's first case in the caller's transaction; its adviser is the
   * registering user when an assessor (who then accompanies the family), else nobody yet.
   */
  async openIn(
    manager: EntityManager,
    householdId: string,
    areaPath: string,
    actor: Principal | null,
  ): Promise<string> {
    const now = this.clock.now();
    const adviserId = actor?.role === 'assessor' ? actor.userId : null;
    const id = await this.cases.insert(
      { householdId, status: 'open', adviserId, openedAt: now, openedBy: actor?.userId ?? null },
      manager,
    );
    if (adviserId) {
      await this.cases.insertAssignment(
        {
          caseId: id,
          fromAdviserId: null,
          toAdviserId: adviserId,
          reason: 'registration',
          byUserId: adviserId,
          at: now,
        },
        manager,
      );
    }
    await this.audit.record(manager, {
      entityType: 'case',
      entityId: id,
      action: 'open',
      actor,
      toState: 'open',
      data: { householdId, adviserId },
      areaPath,
    });
    return id;
  }

  async list(query: CaseQueryDto, principal: Principal): Promise<Page<CaseDto>> {
    const { rows, total } = await this.cases.page(
      {
        adviserId: query.assignedTo === 'me' ? principal.userId : undefined,
        status: query.status,
      },
      query,
      principal,
    );
    return { items: rows.map((r) => toCaseDto(r)), page: query.page, limit: query.limit, total };
  }

  async get(id: string, principal: Principal): Promise<CaseDto> {
    const row = await this.cases.findVisible(id, principal);
    if (!row) throw new NotFoundError('Case', 'CASE_NOT_FOUND');
    return toCaseDto(row, await this.cases.assignments(id));
  }

  /**
   * The household's open case, else its latest. A household that has none (written before
   * cases by a path that did not open one) gets its open case on this first read.
   */
  async ofHousehold(householdId: string, principal: Principal): Promise<CaseDto> {
    const household = await this.households.findVisible(householdId, principal);
    if (!household) throw new NotFoundError('Household', 'HOUSEHOLD_NOT_FOUND');
    let row = await this.cases.latestOfHousehold(householdId, principal);
    if (!row) {
      await this.tx.run(async (manager) => {
        // The household row's lock serialises two first reads: one opens, the other finds it.
        await this.households.findVisible(householdId, principal, manager, true);
        if (!(await this.cases.hasAnyCase(householdId, manager)))
          await this.openIn(manager, householdId, household.community!.path, null);
      });
      row = await this.cases.latestOfHousehold(householdId, principal);
    }
    return this.get(row!.id, principal);
  }

  /** Who the case may be handed over to (active assessors covering the household). */
  async adviserCandidates(id: string, principal: Principal): Promise<AdviserCandidateDto[]> {
    const row = await this.cases.findVisible(id, principal);
    if (!row) throw new NotFoundError('Case', 'CASE_NOT_FOUND');
    return this.cases.adviserCandidates(row.communityPath);
  }

  async handover(id: string, dto: HandoverCaseDto, actor: Principal): Promise<CaseDto> {
    await this.change(id, dto.version, actor, async (manager, row, current) => {
      if (current.status !== 'open')
        throw new DomainError('CASE_STATE_CONFLICT', 'Only an open case is handed over');
      const adviser = await this.users.findActor(dto.adviserId);
      const problem = !adviser
        ? 'not_active'
        : adviser.role !== 'assessor'
          ? 'not_assessor'
          : !isInScope(adviser, row.communityPath)
            ? 'out_of_area'
            : adviser.userId === current.adviserId
              ? 'same_adviser'
              : null;
      if (problem) {
        throw new DomainError(
          'CASE_ADVISER_INVALID',
          `The new adviser must be an active assessor whose area covers the household (${problem})`,
          { adviserId: dto.adviserId, problem },
        );
      }
      const now = this.clock.now();
      await this.cases.update(id, { adviserId: dto.adviserId }, manager);
      await this.cases.insertAssignment(
        {
          caseId: id,
          fromAdviserId: current.adviserId,
          toAdviserId: dto.adviserId,
          reason: dto.reason,
          byUserId: actor.userId,
          at: now,
        },
        manager,
      );
      await this.audit.record(manager, {
        entityType: 'case',
        entityId: id,
        action: 'handover',
        actor,
        fromState: 'open',
        toState: 'open',
        reason: dto.reason,
        data: { from: current.adviserId, to: dto.adviserId },
        areaPath: row.communityPath,
      });
      const fromName = current.adviserId ? row.adviserName : null;
      const toUser = await this.users.findById(dto.adviserId);
      await this.outbox.emit(manager, {
        type: 'case.handed_over',
        entityType: 'case',
        entityId: id,
        areaPath: row.communityPath,
        audience: [
          { userIds: [current.adviserId, dto.adviserId].filter((u): u is string => !!u) },
          // The supervisors: civil-affairs staff of the household's street (and above).
          { roles: ['civil_affairs'], areaPath: parentPath(row.communityPath) },
        ],
        // The head's name only, as the other household notices: no number or phone.
        data: {
          caseId: id,
          householdId: row.householdId,
          headName: row.headName,
          communityName: row.communityName,
          fromAdviser: fromName,
          toAdviser: toUser?.displayName ?? null,
          reason: dto.reason,
        },
      });
    });
    return this.get(id, actor);
  }

  async close(id: string, dto: CloseCaseDto, actor: Principal): Promise<CaseDto> {
    await this.change(id, dto.version, actor, async (manager, row, current) => {
      if (current.status !== 'open')
        throw new DomainError('CASE_STATE_CONFLICT', 'The case is already closed');
      const now = this.clock.now();
      await this.cases.update(
        id,
        { status: 'closed', closedAt: now, closeReason: dto.reason, closeNote: dto.note ?? null },
        manager,
      );
      await this.audit.record(manager, {
        entityType: 'case',
        entityId: id,
        action: 'close',
        actor,
        fromState: 'open',
        toState: 'closed',
        reason: dto.reason,
        data: { note: dto.note ?? null },
        areaPath: row.communityPath,
      });
    });
    return this.get(id, actor);
  }

  async reopen(id: string, dto: ReopenCaseDto, actor: Principal): Promise<CaseDto> {
    await this.change(id, dto.version, actor, async (manager, row, current) => {
      if (current.status !== 'closed')
        throw new DomainError('CASE_STATE_CONFLICT', 'The case is already open');
      try {
        await this.cases.update(
          id,
          { status: 'open', closedAt: null, closeReason: null, closeNote: null },
          manager,
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw alreadyOpen(row.householdId);
        throw error;
      }
      await this.audit.record(manager, {
        entityType: 'case',
        entityId: id,
        action: 'reopen',
        actor,
        fromState: 'closed',
        toState: 'open',
        reason: dto.reason,
        data: {
          closedAt: current.closedAt?.toISOString() ?? null,
          closeReason: current.closeReason,
        },
        areaPath: row.communityPath,
      });
    });
    return this.get(id, actor);
  }

  /** One state change: visible to the actor, locked, at the version the actor read. */
  private async change(
    id: string,
    version: number,
    actor: Principal,
    apply: (manager: EntityManager, row: CaseRow, current: HouseholdCaseEntity) => Promise<void>,
  ): Promise<void> {
    await this.tx.run(async (manager) => {
      const row = await this.cases.findVisible(id, actor, manager);
      if (!row) throw new NotFoundError('Case', 'CASE_NOT_FOUND');
      const current = (await this.cases.lock(id, manager))!;
      if (current.version !== version)
        throw new StaleVersionError('Case', version, current.version);
      await apply(manager, row, current);
    });
  }
}

function alreadyOpen(householdId: string): DomainError {
  return new DomainError('CASE_ALREADY_OPEN', 'The household already has an open case', {
    householdId,
  });
}
