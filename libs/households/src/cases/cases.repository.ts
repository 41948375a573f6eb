import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { applyAreaScope, type PageQueryDto, type Principal, pageOffset } from '@onedoor/platform';
import { CaseAssignmentEntity, HouseholdCaseEntity } from './case.entity';
import type { CaseCloseReason, CaseStatus } from './case.types';

/** A case as lists and pages show it, read in one statement with its household's labels. */
export interface CaseRow {
  id: string;
  householdId: string;
  status: CaseStatus;
  adviserId: string | null;
  adviserName: string | null;
  openedAt: Date;
  openedBy: string | null;
  closedAt: Date | null;
  closeReason: CaseCloseReason | null;
  closeNote: string | null;
  version: number;
  headName: string | null;
  communityId: string;
  communityName: string;
  communityPath: string;
}

export interface AssignmentRow {
  fromAdviserId: string | null;
  fromAdviserName: string | null;
  toAdviserId: string | null;
  toAdviserName: string | null;
  reason: string;
  byUserId: string;
  byName: string | null;
  at: Date;
}

export interface AdviserCandidateRow {
  id: string;
  displayName: string;
  areaName: string;
}

/** The columns a write sets (relations are read-only here). */
type CaseColumns = Partial<Omit<HouseholdCaseEntity, 'adviser' | 'household'>>;

export interface CaseFilter {
  adviserId?: string;
  status?: CaseStatus;
}

const ROW_COLUMNS = [
  'c.id AS id',
  'c.household_id AS "householdId"',
  'c.status AS status',
  'c.adviser_id AS "adviserId"',
  'adviser.display_name AS "adviserName"',
  'c.opened_at AS "openedAt"',
  'c.opened_by AS "openedBy"',
  'c.closed_at AS "closedAt"',
  'c.close_reason AS "closeReason"',
  'c.close_note AS "closeNote"',
  'c.version AS version',
  `(SELECT hm.name FROM household_member hm WHERE hm.household_id = h.id AND hm.is_head LIMIT 1) AS "headName"`,
  'community.id AS "communityId"',
  'community.name AS "communityName"',
  'community.path AS "communityPath"',
];

/**
 * Cases are visible where their household is: to admin, and to staff whose scope holds the
 * household's community; the scope is part of every read (a join to `area`, as households do).
 */
@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private scoped(
    principal: Principal,
    manager?: EntityManager,
  ): SelectQueryBuilder<HouseholdCaseEntity> {
    const qb = (manager ?? this.dataSource.manager)
      .getRepository(HouseholdCaseEntity)
      .createQueryBuilder('c')
      .innerJoin('c.household', 'h')
      .innerJoin('h.community', 'community')
      .leftJoin('c.adviser', 'adviser')
      .select(ROW_COLUMNS);
    return applyAreaScope(qb, 'community.path', principal);
  }

  findVisible(id: string, principal: Principal, manager?: EntityManager): Promise<CaseRow | null> {
    return this.scoped(principal, manager)
      .andWhere('c.id = :id', { id })
      .getRawOne<CaseRow>()
      .then((row) => row ?? null);
  }

  /** The household's open case, else its latest. */
  latestOfHousehold(householdId: string, principal: Principal): Promise<CaseRow | null> {
    return this.scoped(principal)
      .andWhere('c.household_id = :householdId', { householdId })
      .orderBy(`c.status = 'open'`, 'DESC')
      .addOrderBy('c.opened_at', 'DESC')
      .limit(1)
      .getRawOne<CaseRow>()
      .then((row) => row ?? null);
  }

  async page(
    filter: CaseFilter,
    query: PageQueryDto,
    principal: Principal,
  ): Promise<{ rows: CaseRow[]; total: number }> {
    const qb = this.scoped(principal);
    if (filter.adviserId) qb.andWhere('c.adviser_id = :adviserId', { adviserId: filter.adviserId });
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    const total = await qb.clone().getCount();
    const rows = await qb
      .orderBy('c.opened_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .offset(pageOffset(query))
      .limit(query.limit)
      .getRawMany<CaseRow>();
    return { rows, total };
  }

  /** The case row locked for a state change (callers checked visibility first). */
  lock(id: string, manager: EntityManager): Promise<HouseholdCaseEntity | null> {
    return manager
      .getRepository(HouseholdCaseEntity)
      .createQueryBuilder('c')
      .where('c.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async hasAnyCase(householdId: string, manager: EntityManager): Promise<boolean> {
    return manager.getRepository(HouseholdCaseEntity).existsBy({ householdId });
  }

  async insert(row: CaseColumns, manager: EntityManager): Promise<string> {
    const result = await manager.getRepository(HouseholdCaseEntity).insert(row);
    return result.identifiers[0].id as string;
  }

  async update(id: string, changes: CaseColumns, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(HouseholdCaseEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  async insertAssignment(
    row: Omit<CaseAssignmentEntity, 'id' | 'case'>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.getRepository(CaseAssignmentEntity).insert(row);
  }

  /** The hand-over history, oldest first, with the names the case page shows. */
  assignments(caseId: string): Promise<AssignmentRow[]> {
    return this.dataSource.query<AssignmentRow[]>(
      `SELECT s.from_adviser_id AS "fromAdviserId", f.display_name AS "fromAdviserName",
              s.to_adviser_id AS "toAdviserId", t.display_name AS "toAdviserName",
              s.reason, s.by_user_id AS "byUserId", b.display_name AS "byName", s.at
         FROM case_assignment s
         LEFT JOIN app_user f ON f.id = s.from_adviser_id
         LEFT JOIN app_user t ON t.id = s.to_adviser_id
         LEFT JOIN app_user b ON b.id = s.by_user_id
        WHERE s.case_id = $1
        ORDER BY s.at, s.id`,
      [caseId],
    );
  }

  /**
   * Who may take the case over: active assessors whose area is the household's community or
   * above it (the hand-over's own rule, so the list offers nobody it would refuse).
   */
  adviserCandidates(communityPath: string): Promise<AdviserCandidateRow[]> {
    return this.dataSource.query<AdviserCandidateRow[]>(
      `SELECT u.id, u.display_name AS "displayName", a.name AS "areaName"
         FROM app_user u JOIN area a ON a.id = u.area_id
        WHERE u.role = 'assessor' AND u.active AND $1 LIKE a.path || '%'
        ORDER BY length(a.path) DESC, u.display_name, u.id
        LIMIT 200`,
      [communityPath],
    );
  }
}
