import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type PageQueryDto, pageOffset } from '@onedoor/platform';
import { CaseSupervisionEntity } from './supervision.entity';

/**
 * A case as supervision sees it, whoever asks: its household's community (the staff's scope)
 * and its adviser's affiliation (a contracted worker's organization, whose admin supervises).
 */
export interface SupervisedCase {
  id: string;
  householdId: string;
  status: string;
  adviserId: string | null;
  adviserName: string | null;
  /** The adviser's organization when they are a contracted worker, else null. */
  adviserAffiliationId: string | null;
  communityPath: string;
  headName: string | null;
}

/** An open item of an adviser's list, with the case it belongs to. */
export interface OpenItemRow {
  entity: CaseSupervisionEntity;
  headName: string | null;
  communityName: string;
}

type Columns = Partial<Omit<CaseSupervisionEntity, 'case' | 'household' | 'author'>>;

@Injectable()
export class SupervisionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /**
   * The case whatever the caller's scope (the service decides who sees it); with `manager`
   * the case row is locked, so an item and a hand-over do not cross.
   */
  async findCase(id: string, manager?: EntityManager): Promise<SupervisedCase | null> {
    const rows: SupervisedCase[] = await this.m(manager).query(
      `SELECT c.id, c.household_id AS "householdId", c.status, c.adviser_id AS "adviserId",
              adviser.display_name AS "adviserName",
              CASE WHEN adviser.contract_id IS NOT NULL THEN adviser.provider_id END
                AS "adviserAffiliationId",
              community.path AS "communityPath",
              (SELECT hm.name FROM household_member hm
                WHERE hm.household_id = h.id AND hm.is_head LIMIT 1) AS "headName"
         FROM household_case c
         JOIN household h ON h.id = c.household_id
         JOIN area community ON community.id = h.community_id
         LEFT JOIN app_user adviser ON adviser.id = c.adviser_id
        WHERE c.id = $1
        ${manager ? 'FOR UPDATE OF c' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  listOfCase(caseId: string): Promise<CaseSupervisionEntity[]> {
    return this.dataSource.getRepository(CaseSupervisionEntity).find({
      where: { caseId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  find(id: string, caseId: string, manager: EntityManager): Promise<CaseSupervisionEntity | null> {
    return manager
      .getRepository(CaseSupervisionEntity)
      .createQueryBuilder('s')
      .where('s.id = :id AND s.case_id = :caseId', { id, caseId })
      .setLock('pessimistic_write')
      .getOne();
  }

  async insert(row: Columns, manager: EntityManager): Promise<string> {
    const result = await manager.getRepository(CaseSupervisionEntity).insert(row);
    return result.identifiers[0].id as string;
  }

  async update(id: string, changes: Columns, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(CaseSupervisionEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** Open required actions on the open cases whose adviser is `adviserId`, soonest due first. */
  async openForAdviser(
    adviserId: string,
    query: PageQueryDto,
  ): Promise<{ rows: OpenItemRow[]; total: number }> {
    const qb = this.dataSource
      .getRepository(CaseSupervisionEntity)
      .createQueryBuilder('s')
      .innerJoin('household_case', 'c', 'c.id = s.case_id')
      .innerJoin('household', 'h', 'h.id = s.household_id')
      .innerJoin('area', 'community', 'community.id = h.community_id')
      .addSelect('community.name', 'community_name')
      .addSelect(
        `(SELECT hm.name FROM household_member hm WHERE hm.household_id = h.id AND hm.is_head LIMIT 1)`,
        'head_name',
      )
      .where(`s.kind = 'required_action' AND s.status = 'open'`)
      .andWhere(`c.status = 'open' AND c.adviser_id = :adviserId`, { adviserId });
    const total = await qb.clone().getCount();
    const { entities, raw } = await qb
      .orderBy('s.due_date', 'ASC', 'NULLS LAST')
      .addOrderBy('s.created_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .offset(pageOffset(query))
      .limit(query.limit)
      .getRawAndEntities<{ community_name: string; head_name: string | null }>();
    return {
      rows: entities.map((entity, i) => ({
        entity,
        headName: raw[i].head_name,
        communityName: raw[i].community_name,
      })),
      total,
    };
  }

  /** Display names by user id (authors and answerers of a thread). */
  async names(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows: Array<{ id: string; display_name: string }> = await this.dataSource.query(
      `SELECT id, display_name FROM app_user WHERE id = ANY($1::uuid[])`,
      [unique],
    );
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }
}
