import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  Clock,
  DomainError,
  isUniqueViolation,
  NotFoundError,
  type Principal,
  TransactionRunner,
  UsersRepository,
} from '@onedoor/platform';
import { ReferralEvidenceRepository } from '@onedoor/matching';
import { ProvidersRepository } from '@onedoor/resources';
import { ContractsRepository } from '../contracts/contracts.repository';
import { ContractsService } from '../contracts/contracts.service';
import type { ContractDetailDto } from '../contracts/dto/contract.dto';
import { MilestonesService } from '../contracts/milestones.service';
import { EVALUATION_DIMENSIONS } from '../procurement.types';
import { ProjectsRepository } from '../tenders/projects.repository';
import type { EvaluationDto, EvaluationScoresDto, OpenEvaluationDto } from './dto/performance.dto';
import { EvaluationViewService } from './evaluation-view.service';
import { ProcurementNotices } from '../procurement-notices.service';
import { EVALUATOR_TYPES } from './performance.entities';
import { PerformanceRepository } from './performance.repository';
import { evaluationScore, PASSING_GRADES } from './performance';

/**
 * Performance evaluations of a contract: opened by staff with government, third-party and
 * recipient-representative evaluators; each scores the four dimensions once; completion
 * grades the contract, releases waiting payments on a pass, refreshes the organization's
 * rating and, on a fail, suspends it from bidding.
 */
@Injectable()
export class PerformanceService {
  constructor(
    private readonly repo: PerformanceRepository,
    private readonly contractRows: ContractsRepository,
    private readonly projects: ProjectsRepository,
    private readonly contracts: ContractsService,
    private readonly milestones: MilestonesService,
    private readonly view: EvaluationViewService,
    private readonly evidence: ReferralEvidenceRepository,
    private readonly providers: ProvidersRepository,
    private readonly users: UsersRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notices: ProcurementNotices,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async open(
    contractId: string,
    body: OpenEvaluationDto,
    actor: Principal,
  ): Promise<ContractDetailDto> {
    const ids = body.evaluators.map((e) => e.userId);
    if (new Set(ids).size !== ids.length) {
      throw new DomainError('EVALUATORS_INVALID', 'An evaluator is listed twice');
    }
    const missingTypes = EVALUATOR_TYPES.filter((t) => !body.evaluators.some((e) => e.type === t));
    if (missingTypes.length) {
      throw new DomainError(
        'EVALUATORS_INVALID',
        `Evaluators of every type are needed; missing ${missingTypes.join(', ')}`,
        { missingTypes },
      );
    }
    // Government evaluators may be civil-affairs staff; the others are evaluator accounts.
    const roles = await this.users.activeRoles(ids);
    const invalid = body.evaluators
      .filter((e) => {
        const role = roles.get(e.userId);
        return !(role === 'evaluator' || (e.type === 'government' && role === 'civil_affairs'));
      })
      .map((e) => e.userId);
    if (invalid.length) {
      throw new DomainError(
        'EVALUATORS_INVALID',
        'Evaluators must be active evaluator accounts (or civil-affairs staff as government evaluators)',
        { userIds: invalid },
      );
    }
    try {
      await this.tx.run(async (manager) => {
        const contract = await this.contracts.lockForStaff(manager, contractId, actor);
        if (contract.status !== 'active') {
          throw new DomainError(
            'CONTRACT_INVALID_TRANSITION',
            `The contract is ${contract.status}`,
            {
              status: contract.status,
            },
          );
        }
        const project = (await this.projects.findProject(contract.projectId, manager))!;
        const id = await this.repo.insertEvaluation(
          manager,
          {
            contractId,
            kind: body.kind,
            weights: project.evaluationWeights,
            openedById: actor.userId,
            openedAt: this.clock.now(),
          },
          body.evaluators.map((e) => ({ userId: e.userId, type: e.type })),
        );
        await this.audit.record(manager, {
          entityType: 'contract',
          entityId: contractId,
          action: 'open_evaluation',
          actor,
          data: { evaluationId: id, kind: body.kind, evaluators: body.evaluators },
          areaPath: contract.areaPath,
        });
        await this.notices.evaluationAssigned(
          manager,
          {
            entityType: 'contract',
            entityId: contractId,
            areaPath: contract.areaPath,
            providerId: contract.providerId,
          },
          [...new Set(ids)],
          { contractId, contractTitle: contract.title, evaluationId: id, kind: body.kind },
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('EVALUATION_ALREADY_OPEN', 'An evaluation of this contract is open');
      }
      throw error;
    }
    return this.contracts.get(contractId, actor);
  }

  async get(id: string, principal: Principal): Promise<EvaluationDto> {
    const e = await this.repo.findEvaluation(id);
    if (!e) throw new NotFoundError('Evaluation', 'EVALUATION_NOT_FOUND');
    const contract = await this.contracts.visible(e.contractId, principal);
    return this.view.toDto(e, contract, principal);
  }

  /** One evaluator's dimension scores, once: locked after. */
  async submit(id: string, body: EvaluationScoresDto, actor: Principal): Promise<EvaluationDto> {
    const e = await this.repo.findEvaluation(id);
    if (!e) throw new NotFoundError('Evaluation', 'EVALUATION_NOT_FOUND');
    const mine = (await this.repo.assignments(id)).find((a) => a.userId === actor.userId);
    if (!mine) throw new NotFoundError('Evaluation', 'EVALUATION_NOT_FOUND');
    await this.tx.run(async (manager) => {
      const locked = (await this.repo.lockEvaluation(manager, id))!;
      if (locked.status !== 'open') {
        throw new DomainError('EVALUATION_NOT_OPEN', 'The evaluation is completed');
      }
      const scores = Object.fromEntries(EVALUATION_DIMENSIONS.map((d) => [d, body[d]]));
      const ok = await this.repo.submitAssignment(
        manager,
        id,
        actor.userId,
        scores,
        body.comment ?? null,
        this.clock.now(),
      );
      if (!ok)
        throw new DomainError(
          'EVALUATION_SCORES_LOCKED',
          'Your scores were submitted and are locked',
        );
      const contract = (await this.contractRows.findContract(locked.contractId, manager))!;
      await this.audit.record(manager, {
        entityType: 'contract',
        entityId: contract.id,
        action: 'evaluation_scores',
        actor,
        data: { evaluationId: id, type: mine.type },
        areaPath: contract.areaPath,
      });
    });
    return this.get(id, actor);
  }

  /**
   * Completes the evaluation once every evaluator has scored: final score, grade, evidence
   * frozen; then, in the same transaction, payments released on a pass, the rating refreshed,
   * and a fail suspending the organization from bidding.
   */
  async complete(id: string, actor: Principal): Promise<EvaluationDto> {
    const found = await this.repo.findEvaluation(id);
    if (!found) throw new NotFoundError('Evaluation', 'EVALUATION_NOT_FOUND');
    await this.tx.run(async (manager) => {
      const contract = await this.contracts.lockForStaff(manager, found.contractId, actor);
      const e = (await this.repo.lockEvaluation(manager, id))!;
      if (e.status !== 'open') throw new DomainError('EVALUATION_NOT_OPEN', 'Already completed');
      const assignments = await this.repo.assignments(id, manager);
      const missing = assignments.filter((a) => !a.scores).map((a) => a.userId);
      if (missing.length) {
        throw new DomainError(
          'EVALUATION_INCOMPLETE',
          `${missing.length} evaluators have not scored yet`,
          { userIds: missing },
        );
      }
      const now = this.clock.now();
      const result = evaluationScore(
        e.weights,
        assignments.map((a) => a.scores!),
      );
      Object.assign(e, {
        status: 'completed',
        finalScore: result.finalScore.toFixed(2),
        grade: result.grade,
        evidence: await this.evidence.ofResource(contract.resourceId, manager),
        completedAt: now,
      });
      await this.repo.saveEvaluation(manager, e);
      const rating = await this.providers.setRating(
        manager,
        contract.providerId,
        await this.repo.meanFinalScore(manager, contract.providerId),
      );
      await this.audit.recordMany(manager, [
        {
          entityType: 'contract',
          entityId: contract.id,
          action: 'complete_evaluation',
          actor,
          toState: result.grade,
          data: {
            evaluationId: id,
            kind: e.kind,
            finalScore: result.finalScore,
            evidence: e.evidence,
          },
          areaPath: contract.areaPath,
        },
        {
          entityType: 'provider',
          entityId: contract.providerId,
          action: 'rating',
          actor,
          data: { rating, evaluationId: id },
          areaPath: contract.areaPath,
        },
      ]);
      // The organization may comment within EVALUATION_COMMENT_DAYS; the evaluators hear too.
      await this.notices.commentOpen(
        manager,
        contract,
        assignments.map((a) => a.userId),
        {
          evaluationId: id,
          kind: e.kind,
          grade: result.grade,
          finalScore: result.finalScore,
          commentDueAt: new Date(
            now.getTime() + this.config.procurement.commentDays * 86_400_000,
          ).toISOString(),
        },
      );
      if (PASSING_GRADES.includes(result.grade)) {
        await this.milestones.payWaiting(manager, contract, e, actor);
      } else {
        const until = new Date(now);
        until.setUTCMonth(until.getUTCMonth() + this.config.procurement.failSuspensionMonths);
        await this.repo.insertSuspension(manager, {
          providerId: contract.providerId,
          evaluationId: id,
          startsAt: now,
          until,
        });
        await this.audit.record(manager, {
          entityType: 'provider',
          entityId: contract.providerId,
          action: 'suspend_bidding',
          actor,
          reason: `performance evaluation failed (${result.finalScore})`,
          data: { until: until.toISOString(), evaluationId: id },
          areaPath: contract.areaPath,
        });
      }
    });
    return this.get(id, actor);
  }

  /** The organization's one comment on a completed evaluation, within the comment period. */
  async comment(id: string, text: string, actor: Principal): Promise<EvaluationDto> {
    const found = await this.repo.findEvaluation(id);
    const contract = found ? await this.contractRows.findContract(found.contractId) : null;
    if (
      !found ||
      !contract ||
      actor.role !== 'provider' ||
      actor.providerId !== contract.providerId
    ) {
      throw new NotFoundError('Evaluation', 'EVALUATION_NOT_FOUND');
    }
    await this.tx.run(async (manager) => {
      const e = (await this.repo.lockEvaluation(manager, id))!;
      if (e.status !== 'completed') {
        throw new DomainError('EVALUATION_NOT_OPEN', 'Comments follow the completed evaluation');
      }
      const due = e.completedAt!.getTime() + this.config.procurement.commentDays * 86_400_000;
      const now = this.clock.now();
      if (now.getTime() > due) {
        throw new DomainError(
          'COMMENT_PERIOD_OVER',
          `Comments closed on ${new Date(due).toISOString()}`,
        );
      }
      // One comment, like a score: it goes on the record the evaluators and staff read.
      if (e.providerComment !== null) {
        throw new DomainError('COMMENT_ALREADY_GIVEN', 'The organization has commented already');
      }
      e.providerComment = text;
      e.providerCommentedAt = now;
      await this.repo.saveEvaluation(manager, e);
      await this.audit.record(manager, {
        entityType: 'contract',
        entityId: contract.id,
        action: 'evaluation_comment',
        actor,
        reason: text,
        data: { evaluationId: id },
        areaPath: contract.areaPath,
      });
    });
    return this.get(id, actor);
  }
}
