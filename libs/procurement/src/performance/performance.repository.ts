import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  BiddingSuspensionEntity,
  EvaluationAssignmentEntity,
  type EvaluationKind,
  type EvaluatorType,
  type Grade,
  PerformanceEvaluationEntity,
} from './performance.entities';

export interface AssignedEvaluationRow {
  id: string;
  contract_id: string;
  contract_title: string;
  provider_name: string;
  kind: EvaluationKind;
  status: 'open' | 'completed';
  type: EvaluatorType;
  submitted: boolean;
  opened_at: Date;
}

/** Performance evaluations, their evaluators' sheets and the bidding suspensions they cause. */
@Injectable()
export class PerformanceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
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

  /** The evaluations a user is assigned to: open ones first, then the latest. */
  async assignedTo(userId: string): Promise<AssignedEvaluationRow[]> {
    return this.dataSource.query(
      `SELECT e.id, e.contract_id, c.title AS contract_title, p.name AS provider_name, e.kind,
              e.status, a.type, a.submitted_at IS NOT NULL AS submitted, e.opened_at
         FROM evaluation_assignment a
         JOIN performance_evaluation e ON e.id = a.evaluation_id
         JOIN contract c ON c.id = e.contract_id
         JOIN provider p ON p.id = c.provider_id
        WHERE a.user_id = $1
        ORDER BY (e.status = 'open' AND a.submitted_at IS NULL) DESC, e.opened_at DESC
        LIMIT 200`,
      [userId],
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

  /** The mean final score of the provider's completed evaluations: its rating. */
  async meanFinalScore(manager: EntityManager, providerId: string): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT round(avg(e.final_score), 2)::text AS score
         FROM performance_evaluation e JOIN contract c ON c.id = e.contract_id
        WHERE c.provider_id = $1 AND e.status = 'completed'`,
      [providerId],
    );
    return (row as { score: string | null }).score;
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
