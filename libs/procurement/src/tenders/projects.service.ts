import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  AuditLogRepository,
  AuditSeals,
  AuditService,
  Clock,
  DomainError,
  ForbiddenError,
  isInScope,
  MaintenanceQueueProducer,
  NotFoundError,
  type Page,
  type Principal,
  toPage,
  TransactionRunner,
  ValidationFailedError,
} from '@onedoor/platform';
import { AreasRepository } from '@onedoor/areas';
import { CategoriesRepository } from '@onedoor/resources';
import { toAwardDto } from '../awards/award.mapper';
import { AwardsRepository } from '../awards/awards.repository';
import { BidsRepository } from '../bids/bids.repository';
import { EvaluationRepository } from '../evaluation/evaluation.repository';
import { canSeeProject } from '../procurement-access';
import { DEFAULT_DIMENSION_WEIGHTS } from '../procurement.types';
import type {
  CreateProjectDto,
  ProjectDetailDto,
  ProjectDto,
  ProjectQueryDto,
  UpdateProjectDto,
} from './dto/project.dto';
import { ProcurementNotices } from '../procurement-notices.service';
import { ProjectLifecycleService } from './project-lifecycle.service';
import { toProjectDto } from './project.mapper';
import type { ServiceProjectEntity } from './project.entity';
import { assertCriteriaValid, assertDimensionWeightsValid, milestonePlan } from './project-rules';
import { ProjectsRepository } from './projects.repository';

/**
 * Service projects (tenders) from draft to the end of bidding: creation and editing while a
 * draft, publication (criteria frozen, the delayed close scheduled), closing (by the matcher's
 * job at the deadline, or staff after it), the start of evaluation, cancellation.
 */
@Injectable()
export class ProjectsService {
  private readonly logger = new Logger(ProjectsService.name);

  constructor(
    private readonly repo: ProjectsRepository,
    private readonly lifecycle: ProjectLifecycleService,
    private readonly bids: BidsRepository,
    private readonly panels: EvaluationRepository,
    private readonly awards: AwardsRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly auditLog: AuditLogRepository,
    private readonly seals: AuditSeals,
    private readonly areas: AreasRepository,
    private readonly categories: CategoriesRepository,
    private readonly maintenance: MaintenanceQueueProducer,
    private readonly clock: Clock,
    private readonly notices: ProcurementNotices,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: ProjectQueryDto, principal: Principal): Promise<Page<ProjectDto>> {
    const [rows, total] = await this.repo.listProjects(query, principal);
    const counts = await this.bids.liveBidCounts(rows.map((p) => p.id));
    return toPage([rows, total], query, (p) => toProjectDto(p, counts.get(p.id) ?? 0));
  }

  /** The project and its panel if the caller may see it (see canSeeProject); else 404. */
  async visible(
    id: string,
    principal: Principal,
  ): Promise<{ project: ServiceProjectEntity; panel: string[] }> {
    const project = await this.repo.findProject(id);
    const panel = project ? await this.panels.panelOf(id) : [];
    if (!project || !canSeeProject(principal, project, panel)) {
      throw new NotFoundError('Project', 'PROJECT_NOT_FOUND');
    }
    return { project, panel };
  }

  async get(id: string, principal: Principal): Promise<ProjectDetailDto> {
    const { project, panel } = await this.visible(id, principal);
    const [counts, awards, [history]] = await Promise.all([
      this.bids.liveBidCounts([id]),
      this.awards.awardsOf(id),
      this.auditLog.listForEntity('service_project', id, { page: 1, limit: 100 }),
    ]);
    return {
      ...toProjectDto(project, counts.get(id) ?? 0),
      panel,
      awards: awards.map(toAwardDto),
      history: await this.seals.toDtos(history),
    };
  }

  async create(body: CreateProjectDto, actor: Principal): Promise<ProjectDetailDto> {
    const area = await this.checkReferences(body, actor);
    assertCriteriaValid(body.criteria);
    const evaluationWeights = { ...(body.evaluationWeights ?? DEFAULT_DIMENSION_WEIGHTS) };
    assertDimensionWeightsValid(evaluationWeights);
    const milestones = milestonePlan(body.milestones, body);
    const id = await this.tx.run(async (manager) => {
      const id = await this.repo.insertProject(manager, {
        title: body.title,
        categoryCode: body.categoryCode,
        areaId: area.id,
        areaPath: area.path,
        budgetFen: String(body.budgetFen),
        targetHouseholds: body.targetHouseholds,
        serviceStart: body.serviceStart,
        serviceEnd: body.serviceEnd,
        description: body.description,
        requirements: { verifiedOnly: true, ...body.requirements },
        criteria: body.criteria.map((c) => ({ code: c.code, name: c.name, weight: c.weight })),
        milestones,
        evaluationWeights,
        createdById: actor.userId,
      });
      await this.audit.record(manager, {
        entityType: 'service_project',
        entityId: id,
        action: 'create',
        actor,
        toState: 'draft',
        areaPath: area.path,
      });
      return id;
    });
    return this.get(id, actor);
  }

  /** Drafts only: publication freezes everything bidders rely on, criteria first. */
  async update(id: string, body: UpdateProjectDto, actor: Principal): Promise<ProjectDetailDto> {
    await this.tx.run(async (manager) => {
      const project = await this.lifecycle.lockForStaff(manager, id, actor);
      if (project.status !== 'draft') {
        throw new DomainError(
          'PROJECT_NOT_EDITABLE',
          `The project is ${project.status}: its terms, criteria and weights are frozen`,
          { status: project.status },
        );
      }
      const merged = { ...project, ...body } as CreateProjectDto & ServiceProjectEntity;
      const area = await this.checkReferences(
        { ...merged, areaId: body.areaId ?? project.areaId },
        actor,
      );
      if (body.criteria) assertCriteriaValid(body.criteria);
      if (body.evaluationWeights) assertDimensionWeightsValid({ ...body.evaluationWeights });
      Object.assign(project, {
        ...body,
        evaluationWeights: body.evaluationWeights
          ? { ...body.evaluationWeights }
          : project.evaluationWeights,
        // A new period or plan is checked together: the plan must fit the period.
        milestones:
          body.milestones || body.serviceStart || body.serviceEnd
            ? milestonePlan(body.milestones ?? project.milestones, merged)
            : project.milestones,
        areaId: area.id,
        areaPath: area.path,
        budgetFen: String(merged.budgetFen),
        requirements: body.requirements
          ? { verifiedOnly: true, ...body.requirements }
          : project.requirements,
      });
      await this.repo.saveProject(manager, project);
      await this.audit.record(manager, {
        entityType: 'service_project',
        entityId: id,
        action: 'update',
        actor,
        data: { fields: Object.keys(body) },
        areaPath: project.areaPath,
      });
    });
    return this.get(id, actor);
  }

  async publish(id: string, closesAt: Date, actor: Principal): Promise<ProjectDetailDto> {
    const now = this.clock.now();
    const earliest = new Date(now.getTime() + this.config.procurement.minBiddingHours * 3_600_000);
    await this.tx.run(async (manager) => {
      const project = await this.lifecycle.lockForStaff(manager, id, actor);
      this.lifecycle.assertCan(project, 'publish');
      if (closesAt.getTime() <= now.getTime() || closesAt.getTime() < earliest.getTime()) {
        throw new DomainError(
          'BIDDING_PERIOD_TOO_SHORT',
          `Bidding must stay open at least ${this.config.procurement.minBiddingHours} h: close at ${earliest.toISOString()} or later`,
          { earliest: earliest.toISOString() },
        );
      }
      // Drafts may have been saved before a rule changed: publication checks them once more.
      assertCriteriaValid(project.criteria);
      project.publishedAt = now;
      project.closesAt = closesAt;
      await this.lifecycle.transition(manager, project, 'publish', actor, {
        data: { closesAt: closesAt.toISOString() },
      });
      await this.notices.tenderPublished(manager, project);
    });
    try {
      await this.maintenance.closeBiddingAt(id, closesAt);
    } catch (error) {
      // The record is committed; the minute sweep closes the bidding if this job never lands.
      this.logger.warn(`close-bidding job for project ${id} not queued: ${String(error)}`);
    }
    return this.get(id, actor);
  }

  /** Staff close a tender only once its deadline has passed (when the matcher was late). */
  async closeBidding(id: string, actor: Principal): Promise<ProjectDetailDto> {
    await this.tx.run(async (manager) => {
      const project = await this.lifecycle.lockForStaff(manager, id, actor);
      this.lifecycle.assertCan(project, 'close');
      if (project.closesAt!.getTime() > this.clock.now().getTime()) {
        throw new DomainError(
          'BIDDING_STILL_OPEN',
          `Bidding is open until ${project.closesAt!.toISOString()}`,
          { closesAt: project.closesAt!.toISOString() },
        );
      }
      await this.closeLocked(manager, project, actor);
    });
    return this.get(id, actor);
  }

  /**
   * The matcher's delayed job: closes the tender if it is still open and due. Anything else
   * (already closed, cancelled, the deadline moved) is a no-op, so the job may run twice.
   */
  async closeBiddingJob(projectId: string): Promise<{ closed: boolean; status?: string }> {
    return this.tx.run(async (manager) => {
      const project = await this.repo.lockProject(manager, projectId);
      if (!project || project.status !== 'published') return { closed: false };
      if (project.closesAt!.getTime() > this.clock.now().getTime()) return { closed: false };
      await this.closeLocked(manager, project, null);
      return { closed: true, status: project.status };
    });
  }

  /** The sweep: every tender past its deadline, one transaction each. */
  async closeDue(): Promise<{ closed: number }> {
    let closed = 0;
    for (const id of await this.repo.dueForClosing(this.clock.now())) {
      if ((await this.closeBiddingJob(id)).closed) closed += 1;
    }
    return { closed };
  }

  /**
   * Qualification done and a panel in place: evaluation starts, or the project fails when
   * fewer bids qualified than the minimum.
   */
  async startEvaluation(id: string, actor: Principal): Promise<ProjectDetailDto> {
    await this.tx.run(async (manager) => {
      const project = await this.lifecycle.lockForStaff(manager, id, actor);
      this.lifecycle.assertCan(project, 'start_evaluation');
      const bids = await this.bids.bidsOf(id, {}, manager);
      const pending = bids.filter((b) => b.qualification === 'pending').map((b) => b.id);
      if (pending.length) {
        throw new DomainError(
          'QUALIFICATION_PENDING',
          `${pending.length} bids still wait for qualification`,
          { bidIds: pending },
        );
      }
      const qualified = bids.filter((b) => b.qualification === 'qualified').length;
      const min = this.config.procurement.minValidBids;
      if (qualified < min) {
        project.endReason = `${qualified} qualified bids, fewer than the minimum of ${min}`;
        await this.lifecycle.transition(manager, project, 'fail', actor, {
          reason: project.endReason,
        });
        return;
      }
      const panel = await this.panels.panelOf(id, manager);
      if (panel.length < 3) {
        throw new DomainError(
          'PANEL_INCOMPLETE',
          `The panel has ${panel.length} evaluators; at least 3 are needed`,
          { size: panel.length },
        );
      }
      await this.lifecycle.transition(manager, project, 'start_evaluation', actor, {
        data: { qualified, panel: panel.length },
      });
    });
    return this.get(id, actor);
  }

  async cancel(id: string, reason: string, actor: Principal): Promise<ProjectDetailDto> {
    await this.tx.run(async (manager) => {
      const project = await this.lifecycle.lockForStaff(manager, id, actor);
      this.lifecycle.assertCan(project, 'cancel');
      project.endReason = reason;
      await this.lifecycle.transition(manager, project, 'cancel', actor, { reason });
    });
    return this.get(id, actor);
  }

  private async closeLocked(
    manager: EntityManager,
    project: ServiceProjectEntity,
    actor: Principal | null,
  ): Promise<void> {
    const live = (await this.bids.liveBidCounts([project.id], manager)).get(project.id) ?? 0;
    const min = this.config.procurement.minValidBids;
    project.closedAt = this.clock.now();
    if (live < min) {
      project.endReason = `${live} valid bids at the deadline, fewer than the minimum of ${min}`;
      await this.lifecycle.transition(manager, project, 'fail', actor, {
        reason: project.endReason,
        data: { bids: live },
      });
    } else {
      await this.lifecycle.transition(manager, project, 'close', actor, { data: { bids: live } });
    }
  }

  private async checkReferences(
    body: Pick<CreateProjectDto, 'areaId' | 'categoryCode' | 'serviceStart' | 'serviceEnd'>,
    actor: Principal,
  ) {
    const area = await this.areas.findById(body.areaId);
    if (!area) throw new NotFoundError('Area', 'AREA_NOT_FOUND');
    if (!isInScope(actor, area.path)) {
      throw new ForbiddenError('The project area is outside your scope');
    }
    if (!(await this.categories.exists(body.categoryCode))) {
      throw new DomainError('CATEGORY_NOT_FOUND', `Unknown category ${body.categoryCode}`);
    }
    if (body.serviceEnd < body.serviceStart) {
      throw new ValidationFailedError('The service period ends before it starts', [
        {
          field: 'serviceEnd',
          constraint: 'notBefore',
          params: { other: 'serviceStart' },
          message: 'serviceEnd must not be before serviceStart',
        },
      ]);
    }
    return area;
  }
}
