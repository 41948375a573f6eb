import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AuditLogRepository,
  AuditSeals,
  AuditService,
  Clock,
  DomainError,
  isUniqueViolation,
  NotFoundError,
  type Principal,
  TransactionRunner,
} from '@onedoor/platform';
import { isProjectStaff } from '../procurement-access';
import { isSealed } from '../procurement.types';
import { ProjectLifecycleService } from '../tenders/project-lifecycle.service';
import type { ServiceProjectEntity } from '../tenders/project.entity';
import { ProjectsRepository } from '../tenders/projects.repository';
import { ProjectsService } from '../tenders/projects.service';
import { BidFilesRepository } from './bid-files.repository';
import { BidderEligibilityService } from './bidder-eligibility.service';
import { toBidDto, toBidList } from './bid.mapper';
import { type BidRow, BidsRepository } from './bids.repository';
import type { BidDetailDto, BidListDto, QualifyBidDto, SubmitBidDto } from './dto/bid.dto';
import { precheck } from './qualification';

/**
 * Sealed bids: submitted, replaced and withdrawn by their organization while bidding is open,
 * readable by no one else until it closes; then qualified or disqualified by staff.
 */
@Injectable()
export class BidsService {
  constructor(
    private readonly repo: BidsRepository,
    private readonly projectRows: ProjectsRepository,
    private readonly projects: ProjectsService,
    private readonly lifecycle: ProjectLifecycleService,
    private readonly bidders: BidderEligibilityService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly auditLog: AuditLogRepository,
    private readonly seals: AuditSeals,
    private readonly clock: Clock,
    private readonly fileLinks: BidFilesRepository,
  ) {}

  /**
   * The bids of a project as the caller may see them. While sealed: the count for everyone,
   * and its own bids for the bidding organization. After close: every live bid for staff in
   * scope, the panel and the organizations that bid.
   */
  async list(projectId: string, principal: Principal): Promise<BidListDto> {
    const project = await this.visibleProject(projectId, principal);
    const count = (await this.repo.liveBidCounts([projectId])).get(projectId) ?? 0;
    const sealed = isSealed(project);
    if (sealed) {
      const own =
        principal.role === 'provider' && principal.providerId
          ? await this.repo.bidsOf(projectId, { providerId: principal.providerId })
          : [];
      return toBidList(true, count, own, project);
    }
    await this.assertCanReadOpened(project, principal);
    return toBidList(false, count, await this.repo.bidsOf(projectId), project);
  }

  async get(id: string, principal: Principal): Promise<BidDetailDto> {
    const { bid, project } = await this.readable(id, principal);
    const [history] = await this.auditLog.listForEntity('bid', id, { page: 1, limit: 100 });
    // Through the seals: while sealed even the bidder reads its bid's rows redacted.
    return { ...toBidDto(bid, project), history: await this.seals.toDtos(history) };
  }

  async submit(projectId: string, body: SubmitBidDto, actor: Principal): Promise<BidDetailDto> {
    const providerId = await this.bidders.assertEligible(actor);
    const id = await this.uniqueLive(() =>
      this.tx.run(async (manager) => {
        // A shared lock: bids go in side by side, but not past a close that holds the row.
        const project = await this.projectRows.lockProject(manager, projectId, 'pessimistic_read');
        if (!project || project.status === 'draft') {
          throw new NotFoundError('Project', 'PROJECT_NOT_FOUND');
        }
        this.assertOpen(project);
        this.assertWithinBudget(project, body.priceFen);
        const id = await this.insert(manager, project, providerId, body, actor, null);
        await this.audit.record(manager, {
          entityType: 'bid',
          entityId: id,
          action: 'submit',
          actor,
          toState: 'submitted',
          // Nothing of the content, and no area path: area-scoped audit readers (staff) would
          // otherwise see who bid while the bids are sealed. The bid's own history keeps them.
          data: { projectId },
          areaPath: null,
        });
        return id;
      }),
    );
    return this.get(id, actor);
  }

  /** A new version of the bid: the old one is kept as `replaced`. */
  async replace(id: string, body: SubmitBidDto, actor: Principal): Promise<BidDetailDto> {
    const providerId = await this.bidders.assertEligible(actor);
    const newId = await this.uniqueLive(() =>
      this.tx.run(async (manager) => {
        const { bid, project } = await this.lockOwnLive(manager, id, providerId);
        this.assertWithinBudget(project, body.priceFen);
        bid.status = 'replaced';
        await this.repo.saveBid(manager, bid);
        const newId = await this.insert(manager, project, providerId, body, actor, bid.id);
        // The files go with the new version: replacing is how a bidder corrects its price or
        // proposal, and re-uploading unchanged documents would only invite a missing one. The
        // old version keeps its links, so the record shows what each version carried.
        await this.fileLinks.copyLinks(manager, bid.id, newId);
        await this.audit.recordMany(manager, [
          {
            entityType: 'bid',
            entityId: bid.id,
            action: 'replace',
            actor,
            fromState: 'submitted',
            toState: 'replaced',
            data: { projectId: project.id, replacedBy: newId },
            areaPath: null,
          },
          {
            entityType: 'bid',
            entityId: newId,
            action: 'submit',
            actor,
            toState: 'submitted',
            data: { projectId: project.id, replaces: bid.id },
            areaPath: null,
          },
        ]);
        return newId;
      }),
    );
    return this.get(newId, actor);
  }

  async withdraw(id: string, actor: Principal): Promise<BidDetailDto> {
    const providerId = actor.providerId;
    if (actor.role !== 'provider' || !providerId) throw new NotFoundError('Bid', 'BID_NOT_FOUND');
    await this.tx.run(async (manager) => {
      const { bid, project } = await this.lockOwnLive(manager, id, providerId);
      bid.status = 'withdrawn';
      await this.repo.saveBid(manager, bid);
      await this.audit.record(manager, {
        entityType: 'bid',
        entityId: bid.id,
        action: 'withdraw',
        actor,
        fromState: 'submitted',
        toState: 'withdrawn',
        data: { projectId: project.id },
        areaPath: null,
      });
    });
    return this.get(id, actor);
  }

  /**
   * Staff mark a live bid qualified or disqualified once bidding has closed. Disqualifying
   * needs reasons, and so does qualifying a bid the system's pre-check found short.
   */
  async qualify(
    id: string,
    decision: 'qualified' | 'disqualified',
    body: QualifyBidDto,
    actor: Principal,
  ): Promise<BidDetailDto> {
    await this.tx.run(async (manager) => {
      const bid = await this.repo.lockBid(manager, id);
      if (!bid) throw new NotFoundError('Bid', 'BID_NOT_FOUND');
      const project = await this.lifecycle.lockForStaff(manager, bid.projectId, actor);
      if (project.status !== 'bidding_closed') {
        throw new DomainError(
          'QUALIFICATION_CLOSED',
          `Bids are qualified after bidding closes and before evaluation; the project is ${project.status}`,
          { status: project.status },
        );
      }
      if (bid.status !== 'submitted') {
        throw new DomainError('BID_NOT_LIVE', `The bid was ${bid.status}`, { status: bid.status });
      }
      const row = (await this.repo.findBid(id, manager))!;
      const check = precheck(project.requirements, row.team, row.providerVerified);
      const reasons = body.reasons ?? [];
      if (reasons.length === 0 && (decision === 'disqualified' || !check.met)) {
        throw new DomainError(
          'QUALIFICATION_REASON_REQUIRED',
          decision === 'disqualified'
            ? 'Disqualifying a bid needs at least one reason'
            : 'The pre-check found the bid short of the requirements: qualifying it needs a reason',
          { precheck: check },
        );
      }
      const from = bid.qualification;
      bid.qualification = decision;
      bid.qualificationReasons = reasons;
      bid.qualifiedById = actor.userId;
      await this.repo.saveBid(manager, bid);
      await this.audit.record(manager, {
        entityType: 'bid',
        entityId: id,
        action: decision === 'qualified' ? 'qualify' : 'disqualify',
        actor,
        fromState: from,
        toState: decision,
        reason: reasons.join('; ') || null,
        data: { precheck: check },
        areaPath: project.areaPath,
      });
    });
    return this.get(id, actor);
  }

  /** A bid the caller may read: its own organization's always, others' once bidding closed. */
  async readable(
    id: string,
    principal: Principal,
  ): Promise<{ bid: BidRow; project: ServiceProjectEntity }> {
    const bid = await this.repo.findBid(id);
    if (!bid) throw new NotFoundError('Bid', 'BID_NOT_FOUND');
    const project = await this.visibleProject(bid.projectId, principal);
    if (principal.role === 'provider' && principal.providerId === bid.providerId) {
      return { bid, project };
    }
    if (isSealed(project)) {
      throw new DomainError('BID_SEALED', 'Bids stay sealed until bidding closes');
    }
    await this.assertCanReadOpened(project, principal);
    return { bid, project };
  }

  private async visibleProject(id: string, principal: Principal): Promise<ServiceProjectEntity> {
    return (await this.projects.visible(id, principal)).project;
  }

  /** After close: staff in scope, the panel, and organizations that bid read the bids. */
  private async assertCanReadOpened(
    project: ServiceProjectEntity,
    principal: Principal,
  ): Promise<void> {
    if (isProjectStaff(principal, project) || principal.role === 'evaluator') return; // panel checked by visibleProject
    if (
      principal.role === 'provider' &&
      principal.providerId &&
      (await this.repo.hasBid(project.id, principal.providerId))
    ) {
      return;
    }
    throw new DomainError('FORBIDDEN', 'Only the bidders, the panel and staff read the bids');
  }

  private assertOpen(project: ServiceProjectEntity): void {
    if (
      project.status !== 'published' ||
      project.closesAt!.getTime() <= this.clock.now().getTime()
    ) {
      throw new DomainError(
        'BIDDING_NOT_OPEN',
        project.status === 'published'
          ? `Bidding closed at ${project.closesAt!.toISOString()}: bids are immutable`
          : `The project is ${project.status}: bids are immutable`,
        { status: project.status, closesAt: project.closesAt?.toISOString() ?? null },
      );
    }
  }

  private assertWithinBudget(project: ServiceProjectEntity, priceFen: number): void {
    if (priceFen > Number(project.budgetFen)) {
      throw new DomainError(
        'BID_PRICE_OVER_BUDGET',
        `The price ${priceFen} fen is above the budget of ${project.budgetFen} fen`,
        { budgetFen: Number(project.budgetFen) },
      );
    }
  }

  /** The caller's own live bid, locked, on a project still open for bids (else 404 / 409). */
  async lockOwnLive(manager: EntityManager, id: string, providerId: string) {
    const bid = await this.repo.lockBid(manager, id);
    // Another organization's bid does not exist for this caller.
    if (!bid || bid.providerId !== providerId) throw new NotFoundError('Bid', 'BID_NOT_FOUND');
    const project = (await this.projectRows.lockProject(
      manager,
      bid.projectId,
      'pessimistic_read',
    ))!;
    this.assertOpen(project);
    if (bid.status !== 'submitted') {
      throw new DomainError('BID_NOT_LIVE', `The bid was ${bid.status}`, { status: bid.status });
    }
    return { bid, project };
  }

  private insert(
    manager: EntityManager,
    project: ServiceProjectEntity,
    providerId: string,
    body: SubmitBidDto,
    actor: Principal,
    replacesId: string | null,
  ): Promise<string> {
    return this.repo.insertBid(manager, {
      projectId: project.id,
      providerId,
      priceFen: String(body.priceFen),
      proposal: body.proposal,
      team: { ...body.team },
      attachments: (body.attachments ?? []).map((a) => ({ ...a })),
      replacesId,
      submittedById: actor.userId,
    });
  }

  /** The partial unique index decides between concurrent submissions: the loser gets 409. */
  private async uniqueLive<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(
          'BID_ALREADY_SUBMITTED',
          'Your organization already has a live bid on this project: replace or withdraw it',
        );
      }
      throw error;
    }
  }
}
