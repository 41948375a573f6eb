import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AuditService,
  Clock,
  DomainError,
  NotFoundError,
  type Principal,
  TransactionRunner,
  ValidationFailedError,
} from '@onedoor/platform';
import type { PerformanceEvaluationEntity } from '../performance/performance.entities';
import { PerformanceRepository } from '../performance/performance.repository';
import { PASSING_GRADES } from '../performance/performance';
import type { ContractEntity } from './contract.entities';
import { ContractsRepository } from './contracts.repository';
import { ContractsService } from './contracts.service';
import type { ContractDetailDto, MilestoneOutcomeDto } from './dto/contract.dto';
import { payableFen } from './milestone-rules';

/**
 * Milestones and their payments: staff record each outcome with evidence; what it makes
 * payable is paid under a passing evaluation, or waits for one.
 */
@Injectable()
export class MilestonesService {
  constructor(
    private readonly repo: ContractsRepository,
    private readonly performance: PerformanceRepository,
    private readonly contracts: ContractsService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

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
            constraint: 'partialReason',
            message: 'required for partially_met, refused otherwise',
          },
        ],
      );
    }
    await this.tx.run(async (manager) => {
      const contract = await this.contracts.lockForStaff(manager, contractId, actor);
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
      const latest = await this.performance.latestCompleted(contractId, manager);
      if (latest && PASSING_GRADES.includes(latest.grade!)) {
        await this.payWaiting(manager, contract, latest, actor);
      }
    });
    return this.contracts.get(contractId, actor);
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
}
