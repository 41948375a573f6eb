import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AuditService,
  Clock,
  DomainError,
  EventOutbox,
  ForbiddenError,
  isInScope,
  NotFoundError,
  type Page,
  PiiCipher,
  type Principal,
  StaleVersionError,
  TransactionRunner,
} from '@onedoor/platform';
import type {
  AnswerSupervisionDto,
  CreateSupervisionDto,
  OpenSupervisionDto,
  OpenSupervisionQueryDto,
  ResolveSupervisionDto,
  SupervisionDto,
  SupervisionThreadDto,
} from './dto/supervision.dto';
import type { CaseSupervisionEntity } from './supervision.entity';
import { type SupervisedCase, SupervisionRepository } from './supervision.repository';

/** What a caller is to a case's supervision. */
type Standing = 'supervisor' | 'reader';

/**
 * Supervision (督导) of a case: a supervisor — civil-affairs staff whose area covers the
 * household, or, for a case advised by a contracted worker, their organization's admin (the
 * lead social worker) — posts comments and required actions; the case's adviser answers; the
 * supervisor resolves. Texts are encrypted; audit rows and notices carry ids, never the texts.
 */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly repo: SupervisionRepository,
    private readonly pii: PiiCipher,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  /**
   * Supervisors supervise; assessors in scope read (the adviser answers); anyone else finds
   * no case (404, as a case outside one's area).
   */
  private standing(principal: Principal, c: SupervisedCase): Standing | null {
    if (principal.role === 'admin') return 'supervisor';
    if (principal.role === 'civil_affairs' && isInScope(principal, c.communityPath)) {
      return 'supervisor';
    }
    if (
      principal.role === 'provider' &&
      principal.isOrgAdmin &&
      !!principal.providerId &&
      c.adviserAffiliationId === principal.providerId
    ) {
      return 'supervisor';
    }
    if (principal.role === 'assessor' && isInScope(principal, c.communityPath)) return 'reader';
    return null;
  }

  private async caseFor(
    caseId: string,
    principal: Principal,
    manager?: EntityManager,
  ): Promise<{ c: SupervisedCase; standing: Standing }> {
    const c = await this.repo.findCase(caseId, manager);
    const standing = c && this.standing(principal, c);
    if (!c || !standing) throw new NotFoundError('Case', 'CASE_NOT_FOUND');
    return { c, standing };
  }

  async thread(caseId: string, principal: Principal): Promise<SupervisionThreadDto> {
    const { c, standing } = await this.caseFor(caseId, principal);
    const items = await this.repo.listOfCase(caseId);
    const names = await this.repo.names(
      items.flatMap((i) => [i.authorId, ...(i.answeredBy ? [i.answeredBy] : [])]),
    );
    return {
      items: items.map((i) => this.toDto(i, names)),
      maySupervise: standing === 'supervisor',
      mayAnswer: c.adviserId === principal.userId && c.status === 'open',
    };
  }

  async post(caseId: string, dto: CreateSupervisionDto, actor: Principal): Promise<SupervisionDto> {
    const id = await this.tx.run(async (manager) => {
      const { c, standing } = await this.caseFor(caseId, actor, manager);
      if (standing !== 'supervisor') {
        throw new ForbiddenError('Only a supervisor of the case comments on it');
      }
      if (c.status !== 'open') {
        throw new DomainError('CASE_STATE_CONFLICT', 'Only an open case is supervised');
      }
      const kind = dto.kind;
      const itemId = await this.repo.insert(
        {
          caseId,
          householdId: c.householdId,
          kind,
          textEnc: this.pii.encrypt(dto.text),
          // A comment has no due date: one sent with it is ignored.
          dueDate: kind === 'required_action' ? dto.dueDate! : null,
          status: 'open',
          authorId: actor.userId,
          createdAt: this.clock.now(),
        },
        manager,
      );
      await this.audit.record(manager, {
        entityType: 'case_supervision',
        entityId: itemId,
        action: 'create',
        actor,
        toState: 'open',
        data: {
          householdId: c.householdId,
          caseId,
          kind,
          dueDate: kind === 'required_action' ? dto.dueDate : null,
        },
        areaPath: c.communityPath,
      });
      if (kind === 'required_action' && c.adviserId) {
        await this.outbox.emit(manager, {
          type: 'supervision.action_required',
          entityType: 'case',
          entityId: caseId,
          areaPath: c.communityPath,
          audience: [{ userIds: [c.adviserId] }],
          // The head's name as the other household notices; never the text itself.
          data: {
            caseId,
            householdId: c.householdId,
            supervisionId: itemId,
            headName: c.headName,
            due: dto.dueDate,
          },
        });
      }
      return itemId;
    });
    return this.one(caseId, id, actor);
  }

  async answer(
    caseId: string,
    itemId: string,
    dto: AnswerSupervisionDto,
    actor: Principal,
  ): Promise<SupervisionDto> {
    await this.change(caseId, itemId, dto.version, actor, async (manager, c, item) => {
      if (c.adviserId !== actor.userId) {
        throw new DomainError('SUPERVISION_NOT_ADVISER', 'Only the case’s adviser answers');
      }
      if (item.status !== 'open') {
        throw new DomainError('SUPERVISION_STATE_CONFLICT', `The item is ${item.status}`, {
          status: item.status,
        });
      }
      await this.repo.update(
        itemId,
        {
          status: 'answered',
          answerEnc: this.pii.encrypt(dto.text),
          answeredBy: actor.userId,
          answeredAt: this.clock.now(),
        },
        manager,
      );
      await this.audit.record(manager, {
        entityType: 'case_supervision',
        entityId: itemId,
        action: 'answer',
        actor,
        fromState: 'open',
        toState: 'answered',
        data: { householdId: c.householdId, caseId, kind: item.kind },
        areaPath: c.communityPath,
      });
      await this.outbox.emit(manager, {
        type: 'supervision.answered',
        entityType: 'case',
        entityId: caseId,
        areaPath: c.communityPath,
        audience: [{ userIds: [item.authorId] }],
        data: {
          caseId,
          householdId: c.householdId,
          supervisionId: itemId,
          headName: c.headName,
          adviser: c.adviserName,
        },
      });
    });
    return this.one(caseId, itemId, actor);
  }

  async resolve(
    caseId: string,
    itemId: string,
    dto: ResolveSupervisionDto,
    actor: Principal,
  ): Promise<SupervisionDto> {
    await this.change(caseId, itemId, dto.version, actor, async (manager, c, item, standing) => {
      if (standing !== 'supervisor') {
        throw new ForbiddenError('Only a supervisor of the case resolves');
      }
      if (item.status === 'resolved') {
        throw new DomainError('SUPERVISION_STATE_CONFLICT', 'The item is already resolved', {
          status: item.status,
        });
      }
      await this.repo.update(
        itemId,
        { status: 'resolved', resolvedBy: actor.userId, resolvedAt: this.clock.now() },
        manager,
      );
      await this.audit.record(manager, {
        entityType: 'case_supervision',
        entityId: itemId,
        action: 'resolve',
        actor,
        fromState: item.status,
        toState: 'resolved',
        data: { householdId: c.householdId, caseId, kind: item.kind },
        areaPath: c.communityPath,
      });
    });
    return this.one(caseId, itemId, actor);
  }

  /** The adviser's open required actions, soonest due first. */
  async openForMe(
    query: OpenSupervisionQueryDto,
    principal: Principal,
  ): Promise<Page<OpenSupervisionDto>> {
    const { rows, total } = await this.repo.openForAdviser(principal.userId, query);
    const names = await this.repo.names(rows.map((r) => r.entity.authorId));
    return {
      items: rows.map((r) => ({
        ...this.toDto(r.entity, names),
        headName: r.headName,
        communityName: r.communityName,
      })),
      page: query.page,
      limit: query.limit,
      total,
    };
  }

  private async one(caseId: string, itemId: string, principal: Principal) {
    const { items } = await this.thread(caseId, principal);
    return items.find((i) => i.id === itemId)!;
  }

  /** One change to an item: the case visible and locked, the item at the version read. */
  private async change(
    caseId: string,
    itemId: string,
    version: number,
    actor: Principal,
    apply: (
      manager: EntityManager,
      c: SupervisedCase,
      item: CaseSupervisionEntity,
      standing: Standing,
    ) => Promise<void>,
  ): Promise<void> {
    await this.tx.run(async (manager) => {
      const { c, standing } = await this.caseFor(caseId, actor, manager);
      const item = await this.repo.find(itemId, caseId, manager);
      if (!item) throw new NotFoundError('Supervision', 'SUPERVISION_NOT_FOUND');
      if (item.version !== version) {
        throw new StaleVersionError('Supervision', version, item.version);
      }
      await apply(manager, c, item, standing);
    });
  }

  private toDto(i: CaseSupervisionEntity, names: Map<string, string>): SupervisionDto {
    return {
      id: i.id,
      caseId: i.caseId,
      householdId: i.householdId,
      kind: i.kind,
      text: this.pii.decrypt(i.textEnc),
      dueDate: i.dueDate,
      status: i.status,
      authorId: i.authorId,
      authorName: names.get(i.authorId) ?? '',
      answer: i.answerEnc ? this.pii.decrypt(i.answerEnc) : null,
      answeredBy: i.answeredBy,
      answeredByName: i.answeredBy ? (names.get(i.answeredBy) ?? null) : null,
      answeredAt: i.answeredAt?.toISOString() ?? null,
      resolvedBy: i.resolvedBy,
      resolvedAt: i.resolvedAt?.toISOString() ?? null,
      createdAt: i.createdAt.toISOString(),
      version: i.version,
    };
  }
}
