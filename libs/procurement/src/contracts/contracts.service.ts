import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AuditLogRepository,
  AuditService,
  Clock,
  DomainError,
  isInScope,
  NotFoundError,
  type Page,
  type PageQueryDto,
  type Principal,
  toAuditEntryDto,
  toPage,
  TransactionRunner,
} from '@onedoor/platform';
import { ContractedWorkersService } from '@onedoor/accounts';
import { ResourcesRepository } from '@onedoor/resources';
import { EvaluationViewService } from '../performance/evaluation-view.service';
import { PerformanceRepository } from '../performance/performance.repository';
import type { ContractEntity } from './contract.entities';
import { toContractDto, toMilestoneDto } from './contract.mapper';
import { ContractsRepository } from './contracts.repository';
import type { ContractDetailDto, ContractDto } from './dto/contract.dto';

/**
 * Contracts as their readers see them, and their end: completed once every milestone has an
 * outcome and every payable one is paid, or terminated; the contracted resource closes with it.
 */
@Injectable()
export class ContractsService {
  constructor(
    private readonly repo: ContractsRepository,
    private readonly performance: PerformanceRepository,
    private readonly evaluationView: EvaluationViewService,
    private readonly resources: ResourcesRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly auditLog: AuditLogRepository,
    private readonly clock: Clock,
    private readonly workers: ContractedWorkersService,
  ) {}

  async list(page: PageQueryDto, principal: Principal): Promise<Page<ContractDto>> {
    const [rows, total] = await this.repo.list(page, principal);
    const ids = rows.map((c) => c.id);
    const [grades, extras] = await Promise.all([
      this.performance.latestGrades(ids),
      this.repo.listExtras(ids),
    ]);
    return toPage([rows, total], page, (c) =>
      toContractDto(c, {
        latestGrade: grades.get(c.id) ?? null,
        providerName: extras.get(c.id)?.providerName ?? '',
        nextMilestoneDue: extras.get(c.id)?.nextMilestoneDue ?? null,
      }),
    );
  }

  async get(id: string, principal: Principal): Promise<ContractDetailDto> {
    const contract = await this.visible(id, principal);
    const [milestones, payments, evaluations, latest, [history], extras] = await Promise.all([
      this.repo.milestones(id),
      this.repo.payments(id),
      this.performance.evaluations(id),
      this.performance.latestCompleted(id),
      this.auditLog.listForEntity('contract', id, { page: 1, limit: 100 }),
      this.repo.listExtras([id]),
    ]);
    return {
      ...toContractDto(contract, {
        latestGrade: latest?.grade ?? null,
        providerName: extras.get(id)?.providerName ?? '',
        nextMilestoneDue: extras.get(id)?.nextMilestoneDue ?? null,
      }),
      milestones: milestones.map((m) => toMilestoneDto(m)),
      payments: payments.map((p) => ({
        id: p.id,
        milestoneId: p.milestoneId,
        amountFen: Number(p.amountFen),
        evaluationId: p.evaluationId,
        paidAt: p.paidAt.toISOString(),
      })),
      paidFen: payments.reduce((s, p) => s + Number(p.amountFen), 0),
      evaluations: await Promise.all(
        evaluations.map((e) => this.evaluationView.toDto(e, contract, principal)),
      ),
      history: history.map(toAuditEntryDto),
    };
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
      // `LOCK_ORDER` (@onedoor/matching): the contract, then its resource (closed below), the
      // row that approvals and referrals lock last too.
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
      // Its contracted social-work workers lose their access now, not at the period's end.
      await this.workers.endAccess(id, now, actor, manager);
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
        (await this.performance.isEvaluatorOf(id, principal.userId))
      ) {
        return contract;
      }
    }
    throw new NotFoundError('Contract', 'CONTRACT_NOT_FOUND');
  }
}
