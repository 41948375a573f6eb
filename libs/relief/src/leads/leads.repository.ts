import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { pageOffset, type Principal } from '@onedoor/platform';
import type { LeadSource, LeadStatus } from '../relief.types';
import { LeadEntity } from './lead.entity';

/** A lead's columns without its relations (what an insert and an update set). */
export type NewLead = Partial<
  Omit<LeadEntity, 'reportedBy' | 'community' | 'triagedBy' | 'household' | 'escalatedToArea'>
>;

/** A lead with its community's name, as lists and pages show it. */
export interface LeadRow {
  lead: LeadEntity;
  communityName: string;
}

/** What a reporter's own list shows. */
export interface MyLeadRow {
  id: string;
  reference: string;
  createdAt: Date;
  status: LeadStatus;
  subjectName: string;
  communityName: string;
}

/** One source's line of the leads report. */
export interface LeadReportRow {
  source: LeadSource;
  reported: number;
  triagedInTime: number;
  linkedOrRegistered: number;
  assisted: number;
  closed: number;
}

/** Every query of the leads. */
@Injectable()
export class LeadsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, lead: NewLead): Promise<string> {
    const result = await manager.insert(LeadEntity, lead);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** The lead locked for a decision: two staff deciding at once take turns. */
  lock(id: string, manager: EntityManager): Promise<LeadEntity | null> {
    return manager
      .getRepository(LeadEntity)
      .createQueryBuilder('l')
      .where('l.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async update(manager: EntityManager, id: string, set: NewLead): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(LeadEntity)
      .set({ ...set, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  async find(id: string, manager?: EntityManager): Promise<LeadRow | null> {
    const row = await (manager ?? this.dataSource.manager)
      .getRepository(LeadEntity)
      .createQueryBuilder('l')
      // The area join: names for the page (the exception of docs/conventions.md).
      .innerJoin('area', 'a', 'a.id = l.community_id')
      .addSelect('a.name', 'community_name')
      .where('l.id = :id', { id })
      .getRawAndEntities();
    const lead = row.entities[0];
    if (!lead) return null;
    return { lead, communityName: (row.raw[0] as { community_name: string }).community_name };
  }

  /**
   * The triage queue of the caller's scope: open leads (reported, triaged) unless a status is
   * asked for; overdue first, then reported before triaged, then by deadline.
   */
  async queue(
    query: { status?: LeadStatus; page: number; limit: number },
    principal: Principal,
    now: Date,
  ): Promise<{ rows: LeadRow[]; total: number }> {
    const qb = this.dataSource
      .getRepository(LeadEntity)
      .createQueryBuilder('l')
      .innerJoin('area', 'a', 'a.id = l.community_id')
      .addSelect('a.name', 'community_name');
    if (principal.role !== 'admin')
      qb.andWhere('l.area_path LIKE :scope', { scope: `${principal.areaPath ?? '\0'}%` });
    if (query.status) qb.andWhere('l.status = :status', { status: query.status });
    else qb.andWhere(`l.status IN ('reported', 'triaged')`);
    const total = await qb.getCount();
    const result = await qb
      .addSelect(`(l.status = 'reported' AND l.triage_due_at < :now)`, 'overdue_first')
      .setParameter('now', now)
      .orderBy('overdue_first', 'DESC')
      .addOrderBy(`l.status = 'reported'`, 'DESC')
      .addOrderBy('l.triage_due_at', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .offset(pageOffset(query))
      .limit(query.limit)
      .getRawAndEntities();
    const names = new Map(
      (result.raw as Array<{ l_id: string; community_name: string }>).map((r) => [
        r.l_id,
        r.community_name,
      ]),
    );
    return {
      rows: result.entities.map((lead) => ({ lead, communityName: names.get(lead.id) ?? '' })),
      total,
    };
  }

  async mine(
    userId: string,
    query: { page: number; limit: number },
  ): Promise<{ rows: MyLeadRow[]; total: number }> {
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<MyLeadRow[]>(
        `SELECT l.id, l.reference, l.created_at AS "createdAt", l.status,
                l.subject_name AS "subjectName", a.name AS "communityName"
           FROM lead l JOIN area a ON a.id = l.community_id
          WHERE l.reported_by_id = $1
          ORDER BY l.created_at DESC, l.id
          OFFSET $2 LIMIT $3`,
        [userId, pageOffset(query), query.limit],
      ),
      this.dataSource.query<Array<{ total: number }>>(
        `SELECT count(*)::int AS total FROM lead WHERE reported_by_id = $1`,
        [userId],
      ),
    ]);
    return { rows, total };
  }

  /**
   * Leads still `reported` past their deadline and not escalated yet, locked (skipping one
   * being decided: its decision ends the deadline anyway), with what the notices need.
   */
  overdue(
    now: Date,
    manager: EntityManager,
  ): Promise<
    Array<{
      id: string;
      path: string;
      due_at: Date;
      reference: string;
      subject_name: string;
      area_name: string;
    }>
  > {
    return manager.query(
      `SELECT l.id, l.area_path AS path, l.triage_due_at AS due_at, l.reference,
              l.subject_name, a.name AS area_name
         FROM lead l JOIN area a ON a.id = l.community_id
        WHERE l.status = 'reported' AND l.escalated_at IS NULL AND l.triage_due_at < $1
        ORDER BY l.id LIMIT 1000 FOR UPDATE OF l SKIP LOCKED`,
      [now],
    );
  }

  /**
   * The leads report, per source, for leads reported in [from, to) within the scope:
   * triaged in time (a first decision by the deadline), linked or registered, assisted (its
   * household got an emergency grant paid, or a referral delivered, after the lead came in),
   * closed. Referrals are the matching lib's: read here in the same statement, as the report
   * is one question over both (the reporting exception of docs/conventions.md, read-only).
   */
  report(range: { from: Date; to: Date }, scopePath: string | null): Promise<LeadReportRow[]> {
    return this.dataSource.query(
      `SELECT l.source,
              count(*)::int AS reported,
              count(*) FILTER (WHERE l.triaged_at IS NOT NULL
                                 AND l.triaged_at <= l.triage_due_at)::int AS "triagedInTime",
              count(*) FILTER (WHERE l.status IN ('linked', 'registered'))::int AS "linkedOrRegistered",
              count(*) FILTER (WHERE l.household_id IS NOT NULL AND (
                 EXISTS (SELECT 1 FROM emergency_grant g
                          WHERE g.household_id = l.household_id AND g.status = 'paid'
                            AND g.paid_at >= l.created_at)
                 OR EXISTS (SELECT 1 FROM referral r
                             WHERE r.household_id = l.household_id AND r.status IN ('delivered', 'closed')
                               AND r.delivered_at >= l.created_at)))::int AS assisted,
              count(*) FILTER (WHERE l.status = 'closed')::int AS closed
         FROM lead l
        WHERE l.created_at >= $1 AND l.created_at < $2
          AND ($3::text IS NULL OR l.area_path LIKE $3::text || '%')
        GROUP BY l.source`,
      [range.from, range.to, scopePath],
    );
  }
}
