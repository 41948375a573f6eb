import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { applyAreaScope, type PageQueryDto, type Principal, pageOffset } from '@onedoor/platform';
import {
  ContractEntity,
  ContractMilestoneEntity,
  ContractPaymentEntity,
} from './contract.entities';

/** Contracts, their milestones and payments. */
@Injectable()
export class ContractsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findContract(id: string, manager?: EntityManager): Promise<ContractEntity | null> {
    return this.m(manager).findOneBy(ContractEntity, { id });
  }

  lockContract(manager: EntityManager, id: string): Promise<ContractEntity | null> {
    return manager.findOne(ContractEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  contractsOfProject(projectId: string): Promise<ContractEntity[]> {
    return this.dataSource.getRepository(ContractEntity).find({
      where: { projectId },
      order: { signedAt: 'ASC' },
    });
  }

  /** Staff see their area's contracts, providers their own organization's. */
  list(page: PageQueryDto, principal: Principal): Promise<[ContractEntity[], number]> {
    const qb = this.dataSource
      .getRepository(ContractEntity)
      .createQueryBuilder('c')
      .orderBy('c.signedAt', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip(pageOffset(page))
      .take(page.limit);
    if (principal.role === 'provider') {
      qb.andWhere('c.providerId = :pid', { pid: principal.providerId ?? '' });
    } else if (principal.role === 'evaluator') {
      // The assignment tables are performance's, in this lib: one query keeps the page right.
      qb.andWhere(
        `EXISTS (SELECT 1 FROM evaluation_assignment a JOIN performance_evaluation e ON e.id = a.evaluation_id
                  WHERE e.contract_id = c.id AND a.user_id = :me)`,
        { me: principal.userId },
      );
    } else applyAreaScope(qb, 'c.areaPath', principal);
    return qb.getManyAndCount();
  }

  /** Per contract: its organization's name and the due date of its first undecided milestone. */
  async listExtras(
    ids: string[],
  ): Promise<Map<string, { providerName: string; nextMilestoneDue: string | null }>> {
    if (!ids.length) return new Map();
    const rows: Array<{ id: string; provider_name: string; next_due: string | null }> =
      await this.dataSource.query(
        `SELECT c.id, p.name AS provider_name,
                (SELECT to_char(min(m.due_date), 'YYYY-MM-DD') FROM contract_milestone m
                  WHERE m.contract_id = c.id AND m.outcome = 'scheduled') AS next_due
           FROM contract c JOIN provider p ON p.id = c.provider_id
          WHERE c.id = ANY($1::uuid[])`,
        [ids],
      );
    return new Map(
      rows.map((r) => [r.id, { providerName: r.provider_name, nextMilestoneDue: r.next_due }]),
    );
  }

  async insertContract(manager: EntityManager, row: Partial<ContractEntity>): Promise<string> {
    return (await manager.insert(ContractEntity, row)).identifiers[0].id as string;
  }

  async saveContract(manager: EntityManager, row: ContractEntity): Promise<void> {
    await manager.save(ContractEntity, row);
  }

  milestones(contractId: string, manager?: EntityManager): Promise<ContractMilestoneEntity[]> {
    return this.m(manager).find(ContractMilestoneEntity, {
      where: { contractId },
      order: { seq: 'ASC' },
    });
  }

  async insertMilestones(
    manager: EntityManager,
    rows: Array<Partial<ContractMilestoneEntity>>,
  ): Promise<void> {
    await manager.insert(ContractMilestoneEntity, rows);
  }

  lockMilestone(manager: EntityManager, id: string): Promise<ContractMilestoneEntity | null> {
    return manager.findOne(ContractMilestoneEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async saveMilestone(manager: EntityManager, row: ContractMilestoneEntity): Promise<void> {
    await manager.save(ContractMilestoneEntity, row);
  }

  payments(contractId: string, manager?: EntityManager): Promise<ContractPaymentEntity[]> {
    return this.m(manager).find(ContractPaymentEntity, {
      where: { contractId },
      order: { paidAt: 'ASC' },
    });
  }

  async insertPayments(
    manager: EntityManager,
    rows: Array<Partial<ContractPaymentEntity>>,
  ): Promise<void> {
    if (rows.length) await manager.insert(ContractPaymentEntity, rows);
  }

  /** Marks the milestones paid (their payments inserted in the same transaction). */
  async markPaid(manager: EntityManager, milestoneIds: string[]): Promise<void> {
    if (!milestoneIds.length) return;
    await manager.query(
      `UPDATE contract_milestone SET payment_status = 'paid' WHERE id = ANY($1::uuid[])`,
      [milestoneIds],
    );
  }
}
