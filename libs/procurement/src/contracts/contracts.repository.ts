import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { applyAreaScope, type PageQueryDto, type Principal, pageOffset } from '@onedoor/platform';
import {
  BiddingSuspensionEntity,
  ContractEntity,
  ContractMilestoneEntity,
  ContractPaymentEntity,
  EvaluationAssignmentEntity,
  type Grade,
  PerformanceEvaluationEntity,
  type PlatformEvidence,
} from './contract.entities';

/**
 * Evidence figures over `referral` rows (a resource's, or grouped): accepted and delivered
 * within their deadlines, closed with the need resolved, mean satisfaction. Shared by the
 * evaluation evidence and the contracts report, so both count the same way.
 */
export const REFERRAL_EVIDENCE_SQL = `count(*)::int AS referrals,
  count(*) FILTER (WHERE accepted_at IS NOT NULL AND accepted_at <= accept_due_at)::int AS accepted,
  count(*) FILTER (WHERE delivered_at IS NOT NULL AND delivered_at <= deliver_due_at)::int AS delivered,
  count(*) FILTER (WHERE status = 'closed' AND need_resolved)::int AS resolved,
  round(avg(satisfaction), 2)::float8 AS satisfaction,
  count(satisfaction)::int AS responses`;

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
      qb.andWhere(
        `EXISTS (SELECT 1 FROM evaluation_assignment a JOIN performance_evaluation e ON e.id = a.evaluation_id
                  WHERE e.contract_id = c.id AND a.user_id = :me)`,
        { me: principal.userId },
      );
    } else applyAreaScope(qb, 'c.areaPath', principal);
    return qb.getManyAndCount();
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

  evaluations(contractId: string, manager?: EntityManager): Promise<PerformanceEvaluationEntity[]> {
    return this.m(manager).find(PerformanceEvaluationEntity, {
      where: { contractId },
      order: { openedAt: 'ASC' },
    });
  }

  /** The latest completed evaluation: what gates the contract's payments. */
  async latestCompleted(
    contractId: string,
    manager?: EntityManager,
  ): Promise<PerformanceEvaluationEntity | null> {
    return this.m(manager).findOne(PerformanceEvaluationEntity, {
      where: { contractId, status: 'completed' },
      order: { completedAt: 'DESC' },
    });
  }

  /** The grade of each contract's latest completed evaluation, in one query. */
  async latestGrades(contractIds: string[]): Promise<Map<string, Grade>> {
    if (!contractIds.length) return new Map();
    const rows: Array<{ contract_id: string; grade: Grade }> = await this.dataSource.query(
      `SELECT DISTINCT ON (contract_id) contract_id, grade FROM performance_evaluation
        WHERE contract_id = ANY($1::uuid[]) AND status = 'completed'
        ORDER BY contract_id, completed_at DESC`,
      [contractIds],
    );
    return new Map(rows.map((r) => [r.contract_id, r.grade]));
  }

  /** Whether the user evaluates (or evaluated) the contract. */
  async isEvaluatorOf(contractId: string, userId: string): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM evaluation_assignment a
                        JOIN performance_evaluation e ON e.id = a.evaluation_id
                       WHERE e.contract_id = $1 AND a.user_id = $2) AS yes`,
      [contractId, userId],
    );
    return row.yes as boolean;
  }

  /** Marks the milestones paid (their payments inserted in the same transaction). */
  async markPaid(manager: EntityManager, milestoneIds: string[]): Promise<void> {
    if (!milestoneIds.length) return;
    await manager.query(
      `UPDATE contract_milestone SET payment_status = 'paid' WHERE id = ANY($1::uuid[])`,
      [milestoneIds],
    );
  }

  findEvaluation(id: string): Promise<PerformanceEvaluationEntity | null> {
    return this.dataSource.getRepository(PerformanceEvaluationEntity).findOneBy({ id });
  }

  lockEvaluation(manager: EntityManager, id: string): Promise<PerformanceEvaluationEntity | null> {
    return manager.findOne(PerformanceEvaluationEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async insertEvaluation(
    manager: EntityManager,
    row: Partial<PerformanceEvaluationEntity>,
    assignments: Array<Pick<EvaluationAssignmentEntity, 'userId' | 'type'>>,
  ): Promise<string> {
    const id = (await manager.insert(PerformanceEvaluationEntity, row)).identifiers[0].id as string;
    await manager.insert(
      EvaluationAssignmentEntity,
      assignments.map((a) => ({ ...a, evaluationId: id })),
    );
    return id;
  }

  async saveEvaluation(manager: EntityManager, row: PerformanceEvaluationEntity): Promise<void> {
    await manager.save(PerformanceEvaluationEntity, row);
  }

  assignments(
    evaluationId: string,
    manager?: EntityManager,
  ): Promise<EvaluationAssignmentEntity[]> {
    return this.m(manager).find(EvaluationAssignmentEntity, {
      where: { evaluationId },
      order: { userId: 'ASC' },
    });
  }

  /** Records one evaluator's scores if not yet submitted: false when already locked. */
  async submitAssignment(
    manager: EntityManager,
    evaluationId: string,
    userId: string,
    scores: Record<string, number>,
    comment: string | null,
    at: Date,
  ): Promise<boolean> {
    const [, affected] = await manager.query(
      `UPDATE evaluation_assignment SET scores = $3, comment = $4, submitted_at = $5
        WHERE evaluation_id = $1 AND user_id = $2 AND submitted_at IS NULL`,
      [evaluationId, userId, JSON.stringify(scores), comment, at],
    );
    return affected === 1;
  }

  /** Of the ids given, the active users who may evaluate (evaluators, and staff for government). */
  async evaluatorRoles(ids: string[]): Promise<Map<string, string>> {
    const rows: Array<{ id: string; role: string }> = await this.dataSource.query(
      `SELECT id, role FROM app_user WHERE id = ANY($1::uuid[]) AND active`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.role]));
  }

  /**
   * The contract resource's referrals as evidence: accepted and delivered within their
   * deadlines, closed with the need resolved, and the households' mean satisfaction.
   */
  async evidence(resourceId: string, manager?: EntityManager): Promise<PlatformEvidence> {
    const [row] = await this.m(manager).query(
      `SELECT ${REFERRAL_EVIDENCE_SQL} FROM referral WHERE resource_id = $1`,
      [resourceId],
    );
    return {
      referrals: row.referrals,
      acceptedWithinDeadline: row.accepted,
      deliveredWithinDeadline: row.delivered,
      closedResolved: row.resolved,
      meanSatisfaction: row.satisfaction,
      satisfactionResponses: row.responses,
    };
  }

  /** The provider's rating: the mean final score of its completed evaluations. */
  async refreshRating(manager: EntityManager, providerId: string): Promise<number | null> {
    // An UPDATE … RETURNING answers [rows, affected] through TypeORM's query().
    const [rows] = await manager.query(
      `UPDATE provider SET rating = s.score, version = version + 1, updated_at = now()
         FROM (SELECT round(avg(e.final_score), 2) AS score
                 FROM performance_evaluation e JOIN contract c ON c.id = e.contract_id
                WHERE c.provider_id = $1 AND e.status = 'completed') s
        WHERE provider.id = $1
        RETURNING provider.rating::float8 AS rating`,
      [providerId],
    );
    return (rows as Array<{ rating: number | null }>)[0]?.rating ?? null;
  }

  async insertSuspension(
    manager: EntityManager,
    row: Omit<BiddingSuspensionEntity, 'id'>,
  ): Promise<void> {
    await manager.insert(BiddingSuspensionEntity, row);
  }

  /** The end of the provider's suspension in force at `now`, if any. */
  async suspendedUntil(providerId: string, now: Date): Promise<Date | null> {
    const row = await this.dataSource
      .getRepository(BiddingSuspensionEntity)
      .createQueryBuilder('s')
      .where('s.providerId = :providerId AND s.startsAt <= :now AND s.until > :now', {
        providerId,
        now,
      })
      .orderBy('s.until', 'DESC')
      .getOne();
    return row?.until ?? null;
  }
}
