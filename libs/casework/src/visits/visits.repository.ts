import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { applyAreaScope, pageOffset, type PageQueryDto, type Principal } from '@onedoor/platform';
import { HouseholdCaseEntity } from '@onedoor/households';
import { CaseNoteReadEntity, CaseVisitEntity } from './visit.entity';
import type { VisitKind } from './visit.types';

/** A visit with its recorder's name, as the case's list shows it. */
export type VisitRow = CaseVisitEntity & { recordedByName: string | null };

/** A due visit across cases, with what the caseload's list shows of its household. */
export interface DueVisitRow {
  id: string;
  caseId: string;
  householdId: string;
  headName: string | null;
  communityName: string;
  kind: VisitKind;
  dueAt: Date;
  adviserId: string | null;
  adviserName: string | null;
}

export interface NoteReadRow {
  visitId: string;
  readerId: string;
  readerName: string | null;
  purpose: CaseNoteReadEntity['purpose'];
  readAt: Date;
}

type VisitColumns = Partial<Omit<CaseVisitEntity, 'case' | 'recorder'>>;

@Injectable()
export class VisitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** The case's visits, newest first (made ones by when they took place, due ones by date). */
  async ofCase(caseId: string, manager?: EntityManager): Promise<VisitRow[]> {
    const rows = await this.manager(manager)
      .getRepository(CaseVisitEntity)
      .createQueryBuilder('v')
      .leftJoinAndSelect('v.recorder', 'recorder')
      .where('v.case_id = :caseId', { caseId })
      .orderBy('COALESCE(v.occurred_at, v.due_at)', 'DESC')
      .addOrderBy('v.created_at', 'DESC')
      .addOrderBy('v.id', 'ASC')
      .getMany();
    return rows.map((v) => withName(v));
  }

  async findOfCase(caseId: string, id: string, manager: EntityManager): Promise<VisitRow | null> {
    const v = await manager
      .getRepository(CaseVisitEntity)
      .createQueryBuilder('v')
      .leftJoinAndSelect('v.recorder', 'recorder')
      .where('v.id = :id AND v.case_id = :caseId', { id, caseId })
      .getOne();
    return v ? withName(v) : null;
  }

  /** The row locked for a change (callers found it first). */
  async lock(id: string, manager: EntityManager): Promise<CaseVisitEntity> {
    return manager
      .getRepository(CaseVisitEntity)
      .createQueryBuilder('v')
      .where('v.id = :id', { id })
      .setLock('pessimistic_write')
      .getOneOrFail();
  }

  /** The case's earliest visit still due, if any (a recorded home visit or call completes it). */
  openDue(caseId: string, manager: EntityManager): Promise<CaseVisitEntity | null> {
    return manager
      .getRepository(CaseVisitEntity)
      .createQueryBuilder('v')
      .where(`v.case_id = :caseId AND v.status = 'due'`, { caseId })
      .orderBy('v.due_at', 'ASC')
      .limit(1)
      .getOne();
  }

  async insert(row: VisitColumns, manager: EntityManager): Promise<string> {
    const result = await manager.getRepository(CaseVisitEntity).insert(row);
    return result.identifiers[0].id as string;
  }

  async update(id: string, changes: VisitColumns, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(CaseVisitEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  async insertReads(
    rows: Array<Omit<CaseNoteReadEntity, 'id' | 'visit'>>,
    manager?: EntityManager,
  ): Promise<void> {
    if (rows.length > 0) await this.manager(manager).getRepository(CaseNoteReadEntity).insert(rows);
  }

  /** Who read the case's notes, newest first. */
  reads(caseId: string, query: PageQueryDto): Promise<{ rows: NoteReadRow[]; total: number }> {
    const qb = this.dataSource
      .getRepository(CaseNoteReadEntity)
      .createQueryBuilder('r')
      .leftJoin('app_user', 'u', 'u.id = r.reader_id')
      .where('r.case_id = :caseId', { caseId });
    return Promise.all([
      qb
        .clone()
        .select([
          'r.visit_id AS "visitId"',
          'r.reader_id AS "readerId"',
          'u.display_name AS "readerName"',
          'r.purpose AS purpose',
          'r.read_at AS "readAt"',
        ])
        .orderBy('r.read_at', 'DESC')
        .addOrderBy('r.id', 'ASC')
        .offset(pageOffset(query))
        .limit(query.limit)
        .getRawMany<NoteReadRow>(),
      qb.getCount(),
    ]).then(([rows, total]) => ({ rows, total }));
  }

  /**
   * Due visits of open cases in the caller's scope (of their own caseload with `adviserId`),
   * due first. The adviser is the case's: a due visit follows its case through a hand-over.
   */
  async due(
    filter: { adviserId?: string; until?: Date },
    query: PageQueryDto,
    principal: Principal,
  ): Promise<{ rows: DueVisitRow[]; total: number }> {
    const qb = this.dataSource
      .getRepository(CaseVisitEntity)
      .createQueryBuilder('v')
      .innerJoin(HouseholdCaseEntity, 'c', 'c.id = v.case_id')
      .innerJoin('household', 'h', 'h.id = c.household_id')
      .innerJoin('area', 'community', 'community.id = h.community_id')
      .leftJoin('app_user', 'adviser', 'adviser.id = c.adviser_id')
      .where(`v.status = 'due' AND c.status = 'open'`);
    applyAreaScope(qb, 'community.path', principal);
    if (filter.adviserId) qb.andWhere('c.adviser_id = :adviserId', { adviserId: filter.adviserId });
    if (filter.until) qb.andWhere('v.due_at <= :until', { until: filter.until });
    const total = await qb.clone().getCount();
    const rows = await qb
      .select([
        'v.id AS id',
        'v.case_id AS "caseId"',
        'c.household_id AS "householdId"',
        `(SELECT hm.name FROM household_member hm WHERE hm.household_id = h.id AND hm.is_head LIMIT 1) AS "headName"`,
        'community.name AS "communityName"',
        'v.kind AS kind',
        'v.due_at AS "dueAt"',
        'c.adviser_id AS "adviserId"',
        'adviser.display_name AS "adviserName"',
      ])
      .orderBy('v.due_at', 'ASC')
      .addOrderBy('v.id', 'ASC')
      .offset(pageOffset(query))
      .limit(query.limit)
      .getRawMany<DueVisitRow>();
    return { rows, total };
  }
}

function withName(v: CaseVisitEntity): VisitRow {
  const { recorder, ...rest } = v;
  return Object.assign(rest as CaseVisitEntity, { recordedByName: recorder?.displayName ?? null });
}
