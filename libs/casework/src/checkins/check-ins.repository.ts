import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CaseCheckInEntity } from './check-in.entity';

export type CheckInRow = CaseCheckInEntity & { byName: string | null };

/** Check-ins of a case, and the sweep's read of those whose matching was never queued. */
@Injectable()
export class CheckInsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    row: Partial<Omit<CaseCheckInEntity, 'case' | 'household' | 'assessment' | 'byUser'>>,
    manager: EntityManager,
  ): Promise<string> {
    const result = await manager.getRepository(CaseCheckInEntity).insert(row);
    return result.identifiers[0].id as string;
  }

  /** Newest first, with the adviser's name. */
  async ofCase(caseId: string, id?: string): Promise<CheckInRow[]> {
    const qb = this.dataSource
      .getRepository(CaseCheckInEntity)
      .createQueryBuilder('ci')
      .leftJoin('app_user', 'u', 'u.id = ci.by_user_id')
      .addSelect('u.display_name', 'byName')
      .where('ci.case_id = :caseId', { caseId })
      .orderBy('ci.at', 'DESC')
      .addOrderBy('ci.id', 'ASC');
    if (id) qb.andWhere('ci.id = :id', { id });
    const { entities, raw } = await qb.getRawAndEntities<{ byName: string | null }>();
    return entities.map((e, i) => ({ ...e, byName: raw[i].byName }));
  }

  async markMatchEnqueued(ids: string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource
      .getRepository(CaseCheckInEntity)
      .createQueryBuilder()
      .update()
      .set({ matchEnqueuedAt: at })
      .where('id IN (:...ids)', { ids })
      .execute();
  }

  /** Check-ins that opened needs and whose matching job was never queued (Redis was down). */
  pendingMatches(limit = 1000): Promise<Array<{ id: string; householdId: string }>> {
    return this.dataSource.query(
      `SELECT id, household_id AS "householdId" FROM case_check_in
        WHERE match_enqueued_at IS NULL AND cardinality(opened_needs) > 0
        ORDER BY at LIMIT $1`,
      [limit],
    );
  }
}
