import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { applyAreaScope, pageOffset, type PageQueryDto, type Principal } from '@onedoor/platform';
import type { FollowUpStatus } from '../relief.types';
import { ReliefFollowUpEntity } from './relief-follow-up.entity';

/** A follow-up as the list shows it, with its community. */
export interface FollowUpRow extends ReliefFollowUpEntity {
  communityName: string;
}

/** A pending follow-up, locked, as the done check reads it. */
/** A pending follow-up whose full assessment is done: the assessment that settles it. */
export interface PendingFollowUp {
  id: string;
  householdId: string;
  status: FollowUpStatus;
  path: string;
  assessmentId: string;
  completedAt: Date;
}

/** A follow-up past its date, locked by the sweep (the escalation's row). */
export interface OverdueFollowUp {
  id: string;
  household_id: string;
  intake_id: string;
  due_at: Date;
  path: string;
  community_name: string;
}

@Injectable()
export class FollowUpsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(row: Partial<ReliefFollowUpEntity>, manager: EntityManager): Promise<string> {
    const result = await manager.getRepository(ReliefFollowUpEntity).insert(row as never);
    return result.identifiers[0].id as string;
  }

  /** Due and overdue first (overdue before due), each by date; done ones last, newest first. */
  async list(
    filter: { status?: FollowUpStatus; householdId?: string },
    query: PageQueryDto,
    principal: Principal,
  ): Promise<{ rows: FollowUpRow[]; total: number }> {
    const qb = this.dataSource
      .getRepository(ReliefFollowUpEntity)
      .createQueryBuilder('f')
      .innerJoin('f.community', 'community')
      .addSelect('community.name', 'communityName');
    applyAreaScope(qb, 'community.path', principal);
    if (filter.status) qb.andWhere('f.status = :status', { status: filter.status });
    if (filter.householdId) qb.andWhere('f.household_id = :hid', { hid: filter.householdId });
    const total = await qb.clone().getCount();
    const { entities, raw } = await qb
      .orderBy(`CASE f.status WHEN 'overdue' THEN 0 WHEN 'due' THEN 1 ELSE 2 END`, 'ASC')
      .addOrderBy(`CASE WHEN f.status = 'done' THEN NULL ELSE f.due_at END`, 'ASC', 'NULLS LAST')
      .addOrderBy('f.done_at', 'DESC', 'NULLS LAST')
      .addOrderBy('f.id', 'ASC')
      .offset(pageOffset(query))
      .limit(query.limit)
      .getRawAndEntities();
    return {
      rows: entities.map((e, i) => ({ ...e, communityName: raw[i].communityName })),
      total,
    };
  }

  /**
   * Pending follow-ups (all of them, or these) whose household's latest completed assessment is
   * a full one (not an intake's provisional one) completed after the intake, with it: the ones
   * to mark done. Locked in id order so that the sweep and a read checking the same ones never
   * deadlock; SKIP LOCKED: one being checked elsewhere is that checker's.
   */
  pendingLocked(
    manager: EntityManager,
    ids: string[] | null,
    limit = 500,
  ): Promise<PendingFollowUp[]> {
    return manager.query(
      `SELECT f.id, f.household_id AS "householdId", f.status, a.path,
              x.id AS "assessmentId", x.completed_at AS "completedAt"
         FROM relief_follow_up f JOIN area a ON a.id = f.community_id
         -- The latest completed one (a completion supersedes the one before).
         JOIN LATERAL (
           SELECT id, completed_at FROM assessment
            WHERE household_id = f.household_id AND status = 'completed'
            ORDER BY completed_at DESC LIMIT 1) x ON true
        WHERE f.status IN ('due', 'overdue') AND ($1::uuid[] IS NULL OR f.id = ANY($1))
          AND x.completed_at > f.intake_at
          AND NOT EXISTS (SELECT 1 FROM relief_intake i WHERE i.assessment_id = x.id)
        ORDER BY f.id LIMIT $2
        FOR UPDATE OF f SKIP LOCKED`,
      [ids, limit],
    );
  }

  /** These (locked) follow-ups done, each by its assessment, in one statement. */
  async markDone(manager: EntityManager, done: PendingFollowUp[]): Promise<void> {
    await manager.query(
      `UPDATE relief_follow_up f SET status = 'done', done_at = t.done_at,
              assessment_id = t.assessment_id, updated_at = now(), version = f.version + 1
         FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS t(id, assessment_id, done_at)
        WHERE f.id = t.id AND f.status IN ('due', 'overdue')`,
      [done.map((f) => f.id), done.map((f) => f.assessmentId), done.map((f) => f.completedAt)],
    );
  }

  /** Whether the household still owes a full assessment to another intake. */
  async othersPending(
    manager: EntityManager,
    householdId: string,
    except: string[],
  ): Promise<boolean> {
    const [row] = await manager.query(
      `SELECT 1 FROM relief_follow_up
        WHERE household_id = $1 AND status IN ('due', 'overdue') AND NOT (id = ANY($2)) LIMIT 1`,
      [householdId, except],
    );
    return Boolean(row);
  }

  /** Due ones past their date and not yet escalated, locked (escalated once: `escalated_at`). */
  overdueLocked(manager: EntityManager, now: Date, limit = 1000): Promise<OverdueFollowUp[]> {
    return manager.query(
      `SELECT f.id, f.household_id, f.intake_id, f.due_at, a.path, a.name AS community_name
         FROM relief_follow_up f JOIN area a ON a.id = f.community_id
        WHERE f.status = 'due' AND f.escalated_at IS NULL AND f.due_at < $1
        ORDER BY f.id LIMIT $2
        FOR UPDATE OF f SKIP LOCKED`,
      [now, limit],
    );
  }
}
