import { Injectable } from '@nestjs/common';
import {
  AuditService,
  DomainError,
  isUniqueViolation,
  NotFoundError,
  type Principal,
  TransactionRunner,
  UsersRepository,
} from '@onedoor/platform';
import { BidsRepository } from '../bids/bids.repository';
import type { ProjectDetailDto } from '../tenders/dto/project.dto';
import { ProcurementNotices } from '../procurement-notices.service';
import { ProjectLifecycleService } from '../tenders/project-lifecycle.service';
import type { ServiceProjectEntity } from '../tenders/project.entity';
import { ProjectsRepository } from '../tenders/projects.repository';
import { ProjectsService } from '../tenders/projects.service';
import type { DeclarationDto } from './dto/panel.dto';
import { EvaluationRepository } from './evaluation.repository';

/**
 * The evaluation panel: staff appoint it (3+ active evaluators) until evaluation starts;
 * its members declare their conflicts with each bidder once bidding has closed.
 */
@Injectable()
export class PanelService {
  constructor(
    private readonly repo: EvaluationRepository,
    private readonly bids: BidsRepository,
    private readonly projectRows: ProjectsRepository,
    private readonly projects: ProjectsService,
    private readonly lifecycle: ProjectLifecycleService,
    private readonly users: UsersRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly notices: ProcurementNotices,
  ) {}

  /** Replaces the panel (at least 3 active evaluators) until evaluation starts. */
  async setPanel(id: string, evaluatorIds: string[], actor: Principal): Promise<ProjectDetailDto> {
    const unique = [...new Set(evaluatorIds)];
    if (unique.length !== evaluatorIds.length) {
      throw new DomainError('PANEL_INVALID', 'An evaluator is listed twice');
    }
    const roles = await this.users.activeRoles(unique);
    const unknown = unique.filter((e) => roles.get(e) !== 'evaluator');
    if (unknown.length) {
      throw new DomainError('PANEL_INVALID', 'Panel members must be active evaluator accounts', {
        evaluatorIds: unknown,
      });
    }
    await this.tx.run(async (manager) => {
      const project = await this.lifecycle.lockForStaff(manager, id, actor);
      if (!['draft', 'published', 'bidding_closed'].includes(project.status)) {
        throw new DomainError(
          'PANEL_LOCKED',
          `The project is ${project.status}: the panel is fixed once evaluation starts`,
          { status: project.status },
        );
      }
      await this.repo.replacePanel(manager, id, unique);
      await this.audit.record(manager, {
        entityType: 'service_project',
        entityId: id,
        action: 'set_panel',
        actor,
        data: { evaluatorIds: unique },
        areaPath: project.areaPath,
      });
      await this.notices.evaluationAssigned(
        manager,
        { entityType: 'service_project', entityId: id, areaPath: project.areaPath },
        unique,
        {
          projectId: id,
          projectTitle: project.title,
          categoryCode: project.categoryCode,
          closesAt: project.closesAt?.toISOString() ?? null,
        },
      );
    });
    return this.projects.get(id, actor);
  }

  /**
   * An evaluator's declarations about the bidders, once bidding has closed (the bidder list is
   * sealed before). Each is final; a conflict recuses them from that bid.
   */
  async declare(
    id: string,
    items: Array<{ bidId: string; conflict: boolean; note?: string }>,
    actor: Principal,
  ): Promise<DeclarationDto[]> {
    const project = await this.panelProject(id, actor);
    if (!['bidding_closed', 'evaluating'].includes(project.status)) {
      throw new DomainError(
        'PROJECT_INVALID_TRANSITION',
        `Conflicts are declared after bidding closes; the project is ${project.status}`,
        { status: project.status },
      );
    }
    const live = new Set((await this.bids.bidsOf(id)).map((b) => b.id));
    const unknown = items.filter((i) => !live.has(i.bidId)).map((i) => i.bidId);
    if (unknown.length) {
      throw new DomainError('BID_NOT_FOUND', 'Not live bids of this project', { bidIds: unknown });
    }
    try {
      await this.tx.run(async (manager) => {
        await this.repo.insertDeclarations(
          manager,
          items.map((i) => ({
            bidId: i.bidId,
            evaluatorId: actor.userId,
            projectId: id,
            conflict: i.conflict,
            note: i.note ?? null,
          })),
        );
        await this.audit.record(manager, {
          entityType: 'service_project',
          entityId: id,
          action: 'declare_conflicts',
          actor,
          data: {
            declarations: items.map((i) => ({ bidId: i.bidId, conflict: i.conflict })),
          },
          areaPath: project.areaPath,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(
          'DECLARATION_LOCKED',
          'A declaration about this bidder is already on record',
        );
      }
      throw error;
    }
    return this.declarationsOf(id, actor);
  }

  /**
   * An evaluator reads their own declarations; staff in scope read the whole panel's, to see
   * who has declared on which bidder and who is recused before starting or reading the ranking.
   */
  async declarationsOf(id: string, actor: Principal): Promise<DeclarationDto[]> {
    let rows;
    if (actor.role !== 'evaluator') {
      await this.projects.visible(id, actor);
      rows = await this.repo.allDeclarations(id);
    } else {
      await this.panelProject(id, actor);
      rows = await this.repo.declarationsOf(id, actor.userId);
    }
    return rows.map((d) => ({
      bidId: d.bidId,
      evaluatorId: d.evaluatorId,
      conflict: d.conflict,
      note: d.note,
    }));
  }

  /** The project, for a panel member (an evaluator on another panel gets 404). */
  async panelProject(id: string, actor: Principal): Promise<ServiceProjectEntity> {
    const project = await this.projectRows.findProject(id);
    if (!project) throw new NotFoundError('Project', 'PROJECT_NOT_FOUND');
    const panel = await this.repo.panelOf(id);
    if (!panel.includes(actor.userId)) {
      throw new DomainError('NOT_ON_PANEL', 'You are not on this project’s evaluation panel');
    }
    return project;
  }
}
