import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { applyAreaScope, type Principal } from '@onedoor/platform';
import { AssessmentEntity } from './assessment.entity';
import { NeedEntity } from './need.entity';

@Injectable()
export class AssessmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** With its template and household (and community), when the caller may see the household. */
  findVisible(
    id: string,
    principal: Principal,
    manager?: EntityManager,
    lock = false,
  ): Promise<AssessmentEntity | null> {
    const qb = (manager ?? this.dataSource.manager)
      .getRepository(AssessmentEntity)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.template', 't')
      .innerJoinAndSelect('a.household', 'h')
      .innerJoinAndSelect('h.community', 'community')
      .where('a.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write', undefined, ['a']);
    return applyAreaScope(qb, 'community.path', principal).getOne();
  }

  /** The household's assessments, drafts included, newest first (a lost draft is found again). */
  ofHousehold(householdId: string): Promise<AssessmentEntity[]> {
    return this.dataSource
      .getRepository(AssessmentEntity)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.template', 't')
      .where('a.householdId = :householdId', { householdId })
      .orderBy('a.createdAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .getMany();
  }

  /** The household's open draft, if any (the caller holds the household's row lock). */
  async openDraft(householdId: string, manager: EntityManager): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT id FROM assessment WHERE household_id = $1 AND status = 'draft' ORDER BY created_at DESC LIMIT 1`,
      [householdId],
    );
    return row?.id ?? null;
  }

  /** The household's latest completed assessment before this one. */
  previousCompleted(householdId: string, manager: EntityManager): Promise<AssessmentEntity | null> {
    return manager
      .getRepository(AssessmentEntity)
      .findOne({ where: { householdId, status: 'completed' }, order: { completedAt: 'DESC' } });
  }

  async insert(a: Partial<AssessmentEntity>, manager: EntityManager): Promise<string> {
    // jsonb columns: TypeORM's deep-partial type doesn't model free-form objects.
    const result = await manager.getRepository(AssessmentEntity).insert(a as never);
    return result.identifiers[0].id as string;
  }

  async update(
    id: string,
    changes: Partial<AssessmentEntity>,
    manager: EntityManager,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(AssessmentEntity)
      .set({ ...changes, version: () => 'version + 1' } as never)
      .where('id = :id', { id })
      .execute();
  }

  async markMatchEnqueued(ids: string[], at: Date): Promise<void> {
    await this.dataSource
      .getRepository(AssessmentEntity)
      .update({ id: In(ids) }, { matchEnqueuedAt: at });
  }

  /** Completed assessments with open needs whose matching job was never queued (outbox). */
  pendingMatches(): Promise<
    Array<{ assessmentId: string; householdId: string; emergency: boolean }>
  > {
    return this.dataSource.query(
      `SELECT a.id AS "assessmentId", a.household_id AS "householdId",
              (a.tier = 'emergency' OR bool_or(n.urgency = 'emergency')) AS emergency
         FROM assessment a JOIN need n ON n.assessment_id = a.id AND n.status = 'open'
        WHERE a.status = 'completed' AND a.match_enqueued_at IS NULL
        GROUP BY a.id
        ORDER BY a.completed_at
        LIMIT 1000`,
    );
  }

  needsOf(assessmentId: string, manager?: EntityManager): Promise<NeedEntity[]> {
    return (manager ?? this.dataSource.manager)
      .getRepository(NeedEntity)
      .find({ where: { assessmentId }, order: { severity: 'DESC', categoryCode: 'ASC' } });
  }

  async insertNeeds(needs: Array<Partial<NeedEntity>>, manager: EntityManager): Promise<void> {
    if (needs.length > 0) await manager.getRepository(NeedEntity).insert(needs as never);
  }
}
