import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  AuditLogRepository,
  AuditService,
  Clock,
  DomainError,
  isInScope,
  MatchingQueueProducer,
  NotFoundError,
  type Page,
  type PageQueryDto,
  type Principal,
  toAuditEntryDto,
  toPage,
  TransactionRunner,
  ValidationFailedError,
} from '@onedoor/platform';
import { AreasRepository } from '@onedoor/areas';
import { ResourcesRepository, type ServiceLevel } from '@onedoor/resources';
import type { AwardEntity } from '../award.entity';
import type { ServiceProjectEntity } from '../project.entity';
import { iso } from '../procurement.mapper';
import type {
  ContractEntity,
  ContractMilestoneEntity,
  Grade,
  PerformanceEvaluationEntity,
} from './contract.entities';
import type {
  ContractDetailDto,
  ContractDto,
  EvaluationDto,
  MilestoneOutcomeDto,
} from './contract.dto';
import { ContractsRepository } from './contracts.repository';
import { evaluationScore, milestoneAmounts, PASSING_GRADES, payableFen } from './performance';

const LEVEL_OF_AREA: Record<string, ServiceLevel> = {
  community: 'community',
  street: 'street',
  district: 'district',
  city: 'district',
};

/**
 * Contracts from signing to completion: the accepted award becomes a contract with the
 * tender's payment plan and a published resource of the winner; staff record milestone
 * outcomes, payments follow passing evaluations, and the resource closes with the contract.
 */
@Injectable()
export class ContractsService {
  private readonly logger = new Logger(ContractsService.name);

  constructor(
    private readonly repo: ContractsRepository,
    private readonly resources: ResourcesRepository,
    private readonly areas: AreasRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly auditLog: AuditLogRepository,
    private readonly matching: MatchingQueueProducer,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Signs the contract of an accepted award, in the caller's transaction: the contract, its
   * milestones, and the purchased service published in the pool (project category and area,
   * capacity = target households). The caller queues the re-match after commit.
   */
  async createFromAward(
    manager: EntityManager,
    award: AwardEntity,
    project: ServiceProjectEntity,
    actor: Principal,
  ): Promise<{ contractId: string; resourceId: string }> {
    const now = this.clock.now();
    const area = (await this.areas.findById(project.areaId, manager))!;
    const resourceId = await this.resources.insert(
      {
        providerId: award.providerId,
        title: `${project.title}（政府购买服务）`,
        description: project.description,
        categoryCode: project.categoryCode,
        form: 'service',
        serviceLevel: LEVEL_OF_AREA[area.level] ?? 'district',
        coverageAreaId: project.areaId,
        capacity: project.targetHouseholds,
        validFrom: project.serviceStart,
        validUntil: project.serviceEnd,
        contactNotes: `政府购买服务合同（项目 ${project.id}）`,
        eligibility: null,
        status: 'published',
        publishedAt: now,
      },
      manager,
    );
    const valueFen = Number(award.valueFen);
    const contractId = await this.repo.insertContract(manager, {
      projectId: project.id,
      awardId: award.id,
      providerId: award.providerId,
      resourceId,
      title: project.title,
      areaPath: project.areaPath,
      valueFen: String(valueFen),
      periodStart: project.serviceStart,
      periodEnd: project.serviceEnd,
      signedAt: now,
    });
    const amounts = milestoneAmounts(
      valueFen,
      project.milestones.map((m) => m.sharePercent),
    );
    await this.repo.insertMilestones(
      manager,
      project.milestones.map((m, i) => ({
        contractId,
        seq: i + 1,
        deliverable: m.deliverable,
        dueDate: m.dueDate,
        sharePercent: m.sharePercent,
        amountFen: String(amounts[i]),
      })),
    );
    await this.audit.recordMany(manager, [
      {
        entityType: 'contract',
        entityId: contractId,
        action: 'sign',
        actor,
        toState: 'active',
        data: { awardId: award.id, projectId: project.id, valueFen, resourceId },
        areaPath: project.areaPath,
      },
      {
        entityType: 'resource',
        entityId: resourceId,
        action: 'publish',
        actor,
        toState: 'published',
        reason: 'purchased service under contract',
        data: { contractId },
        areaPath: area.path,
      },
    ]);
    return { contractId, resourceId };
  }

  /** After the signing commits: households with open needs meet the new service. */
  async announce(resourceId: string): Promise<void> {
    await this.matching
      .rematchResource(resourceId, 1)
      .catch((error: unknown) =>
        this.logger.warn({ err: error, resourceId }, 'rematch of a contracted service not queued'),
      );
  }

  async list(page: PageQueryDto, principal: Principal): Promise<Page<ContractDto>> {
    const [rows, total] = await this.repo.list(page, principal);
    const grades = await this.repo.latestGrades(rows.map((c) => c.id));
    return toPage([rows, total], page, (c) => this.toDto(c, grades.get(c.id) ?? null));
  }

  async get(id: string, principal: Principal): Promise<ContractDetailDto> {
    const contract = await this.visible(id, principal);
    const [milestones, payments, evaluations, latest, [history]] = await Promise.all([
      this.repo.milestones(id),
      this.repo.payments(id),
      this.repo.evaluations(id),
      this.repo.latestCompleted(id),
      this.auditLog.listForEntity('contract', id, { page: 1, limit: 100 }),
    ]);
    return {
      ...this.toDto(contract, latest?.grade ?? null),
      milestones: milestones.map((m) => this.toMilestoneDto(m)),
      payments: payments.map((p) => ({
        id: p.id,
        milestoneId: p.milestoneId,
        amountFen: Number(p.amountFen),
        evaluationId: p.evaluationId,
        paidAt: p.paidAt.toISOString(),
      })),
      paidFen: payments.reduce((s, p) => s + Number(p.amountFen), 0),
      evaluations: await Promise.all(
        evaluations.map((e) => this.evaluationDto(e, contract, principal)),
      ),
      history: history.map(toAuditEntryDto),
    };
  }

  /**
   * Staff record a milestone's outcome with evidence. A met (or partially met) milestone is
   * paid at once if the latest evaluation passed; otherwise the payment waits, visibly.
   */
  async decideMilestone(
    contractId: string,
    milestoneId: string,
    body: MilestoneOutcomeDto,
    actor: Principal,
  ): Promise<ContractDetailDto> {
    if ((body.outcome === 'partially_met') !== (body.deliveredPercent !== undefined)) {
      throw new ValidationFailedError(
        'deliveredPercent goes with partially_met, and only with it',
        [
          {
            field: 'deliveredPercent',
            messages: ['required for partially_met, refused otherwise'],
          },
        ],
      );
    }
    await this.tx.run(async (manager) => {
      const contract = await this.lockForStaff(manager, contractId, actor);
      if (contract.status !== 'active') {
        throw new DomainError('CONTRACT_INVALID_TRANSITION', `The contract is ${contract.status}`, {
          status: contract.status,
        });
      }
      const milestone = await this.repo.lockMilestone(manager, milestoneId);
      if (!milestone || milestone.contractId !== contractId) {
        throw new NotFoundError('Milestone', 'MILESTONE_NOT_FOUND');
      }
      if (milestone.outcome !== 'scheduled') {
        throw new DomainError(
          'MILESTONE_ALREADY_DECIDED',
          `The milestone was ${milestone.outcome}`,
          {
            outcome: milestone.outcome,
          },
        );
      }
      const now = this.clock.now();
      const payable = payableFen(
        body.outcome,
        Number(milestone.amountFen),
        body.deliveredPercent ?? null,
      );
      Object.assign(milestone, {
        outcome: body.outcome,
        deliveredPercent: body.deliveredPercent ?? null,
        evidence: body.evidence,
        decidedById: actor.userId,
        decidedAt: now,
        payableFen: String(payable),
        paymentStatus: payable > 0 ? 'waiting' : 'none',
      });
      await this.repo.saveMilestone(manager, milestone);
      await this.audit.record(manager, {
        entityType: 'contract',
        entityId: contractId,
        action: 'milestone_outcome',
        actor,
        fromState: 'scheduled',
        toState: body.outcome,
        reason: body.evidence,
        data: { milestoneId, payableFen: payable, deliveredPercent: body.deliveredPercent ?? null },
        areaPath: contract.areaPath,
      });
      const latest = await this.repo.latestCompleted(contractId, manager);
      if (latest && PASSING_GRADES.includes(latest.grade!)) {
        await this.payWaiting(manager, contract, latest, actor);
      }
    });
    return this.get(contractId, actor);
  }

  /** Pays every waiting milestone of the contract under a passing evaluation. */
  async payWaiting(
    manager: EntityManager,
    contract: ContractEntity,
    evaluation: PerformanceEvaluationEntity,
    actor: Principal,
  ): Promise<number> {
    const waiting = (await this.repo.milestones(contract.id, manager)).filter(
      (m) => m.paymentStatus === 'waiting',
    );
    const now = this.clock.now();
    await this.repo.insertPayments(
      manager,
      waiting.map((m) => ({
        contractId: contract.id,
        milestoneId: m.id,
        amountFen: m.payableFen!,
        evaluationId: evaluation.id,
        paidAt: now,
      })),
    );
    await this.repo.markPaid(
      manager,
      waiting.map((m) => m.id),
    );
    if (waiting.length) {
      await this.audit.recordMany(
        manager,
        waiting.map((m) => ({
          entityType: 'contract',
          entityId: contract.id,
          action: 'payment',
          actor,
          data: {
            milestoneId: m.id,
            amountFen: Number(m.payableFen),
            evaluationId: evaluation.id,
            grade: evaluation.grade,
          },
          areaPath: contract.areaPath,
        })),
      );
    }
    return waiting.length;
  }

  /** Completed once every milestone has an outcome; the contracted resource closes. */
  complete(id: string, actor: Principal): Promise<ContractDetailDto> {
    return this.end(id, 'completed', null, actor);
  }

  terminate(id: string, reason: string, actor: Principal): Promise<ContractDetailDto> {
    return this.end(id, 'terminated', reason, actor);
  }

  private async end(
    id: string,
    to: 'completed' | 'terminated',
    reason: string | null,
    actor: Principal,
  ): Promise<ContractDetailDto> {
    await this.tx.run(async (manager) => {
      const contract = await this.lockForStaff(manager, id, actor);
      if (contract.status !== 'active') {
        throw new DomainError('CONTRACT_INVALID_TRANSITION', `The contract is ${contract.status}`, {
          status: contract.status,
        });
      }
      if (to === 'completed') {
        const milestones = await this.repo.milestones(id, manager);
        const pending = milestones.filter((m) => m.outcome === 'scheduled');
        // Completing would strand them: only an active contract is evaluated again.
        const waiting = milestones.filter((m) => m.paymentStatus === 'waiting');
        if (waiting.length) {
          throw new DomainError(
            'PAYMENTS_WAITING',
            `${waiting.length} milestone payments wait for a passing evaluation: complete the final evaluation first`,
            { milestoneIds: waiting.map((m) => m.id) },
          );
        }
        if (pending.length) {
          throw new DomainError(
            'MILESTONES_PENDING',
            `${pending.length} milestones have no outcome yet`,
            { milestoneIds: pending.map((m) => m.id) },
          );
        }
      }
      const now = this.clock.now();
      Object.assign(contract, { status: to, endedAt: now, terminationReason: reason });
      await this.repo.saveContract(manager, contract);
      const closed = await this.resources.closeIfOpen(
        manager,
        contract.resourceId,
        `contract ${to}`,
      );
      await this.audit.recordMany(manager, [
        {
          entityType: 'contract',
          entityId: id,
          action: to === 'completed' ? 'complete' : 'terminate',
          actor,
          fromState: 'active',
          toState: to,
          reason,
          areaPath: contract.areaPath,
        },
        ...(closed
          ? [
              {
                entityType: 'resource',
                entityId: contract.resourceId,
                action: 'close',
                actor,
                fromState: closed.from,
                toState: 'closed',
                reason: `contract ${to}`,
                areaPath: closed.path,
              },
            ]
          : []),
      ]);
    });
    return this.get(id, actor);
  }

  /** The contract locked for a staff step; out of scope it does not exist. */
  async lockForStaff(
    manager: EntityManager,
    id: string,
    actor: Principal,
  ): Promise<ContractEntity> {
    const contract = await this.repo.lockContract(manager, id);
    if (!contract || !this.isStaff(actor, contract)) {
      throw new NotFoundError('Contract', 'CONTRACT_NOT_FOUND');
    }
    return contract;
  }

  isStaff(actor: Principal, contract: ContractEntity): boolean {
    return (
      actor.role === 'admin' ||
      (actor.role === 'civil_affairs' && isInScope(actor, contract.areaPath))
    );
  }

  /** Staff in scope, the contracted organization, and the contract's evaluators. */
  async visible(id: string, principal: Principal): Promise<ContractEntity> {
    const contract = await this.repo.findContract(id);
    if (contract) {
      if (this.isStaff(principal, contract)) return contract;
      if (principal.role === 'provider' && principal.providerId === contract.providerId) {
        return contract;
      }
      if (
        (principal.role === 'evaluator' || principal.role === 'civil_affairs') &&
        (await this.repo.isEvaluatorOf(id, principal.userId))
      ) {
        return contract;
      }
    }
    throw new NotFoundError('Contract', 'CONTRACT_NOT_FOUND');
  }

  /**
   * An evaluation as the reader may see it: individual scores once completed (an evaluator
   * always sees their own), the evidence live while open and frozen at completion.
   */
  async evaluationDto(
    e: PerformanceEvaluationEntity,
    contract: ContractEntity,
    principal: Principal,
  ): Promise<EvaluationDto> {
    const assignments = await this.repo.assignments(e.id);
    const evidence = e.evidence ?? (await this.repo.evidence(contract.resourceId));
    const done = e.status === 'completed';
    const scored = assignments.filter((a) => a.scores);
    const summary =
      done && scored.length
        ? evaluationScore(
            e.weights,
            scored.map((a) => a.scores!),
          )
        : null;
    const commentDue = e.completedAt
      ? new Date(e.completedAt.getTime() + this.config.procurement.commentDays * 86_400_000)
      : null;
    return {
      id: e.id,
      contractId: e.contractId,
      kind: e.kind,
      status: e.status,
      weights: e.weights,
      evaluators: assignments.map((a) => {
        const visible = done || a.userId === principal.userId;
        return {
          userId: a.userId,
          type: a.type,
          submitted: a.submittedAt !== null,
          scores: visible ? a.scores : null,
          total: visible && a.scores ? evaluationScore(e.weights, [a.scores]).finalScore : null,
          comment: visible ? a.comment : null,
        };
      }),
      dimensionMeans: summary?.dimensionMeans ?? null,
      finalScore: e.finalScore === null ? null : Number(e.finalScore),
      grade: e.grade,
      evidence,
      openedAt: e.openedAt.toISOString(),
      completedAt: iso(e.completedAt),
      commentDueAt: iso(commentDue),
      providerComment: e.providerComment,
      providerCommentedAt: iso(e.providerCommentedAt),
    };
  }

  private toDto(c: ContractEntity, latestGrade: Grade | null): ContractDto {
    return {
      id: c.id,
      projectId: c.projectId,
      awardId: c.awardId,
      providerId: c.providerId,
      resourceId: c.resourceId,
      title: c.title,
      valueFen: Number(c.valueFen),
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
      status: c.status,
      signedAt: c.signedAt.toISOString(),
      endedAt: iso(c.endedAt),
      terminationReason: c.terminationReason,
      latestGrade,
    };
  }

  private toMilestoneDto(m: ContractMilestoneEntity) {
    return {
      id: m.id,
      seq: m.seq,
      deliverable: m.deliverable,
      dueDate: m.dueDate,
      sharePercent: m.sharePercent,
      amountFen: Number(m.amountFen),
      outcome: m.outcome,
      deliveredPercent: m.deliveredPercent,
      evidence: m.evidence,
      decidedAt: iso(m.decidedAt),
      payableFen: m.payableFen === null ? null : Number(m.payableFen),
      paymentStatus: m.paymentStatus,
    };
  }
}
