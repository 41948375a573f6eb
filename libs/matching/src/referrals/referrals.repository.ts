import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { applyAreaScope, type PageQueryDto, type Principal, pageOffset } from '@onedoor/platform';
import { type ReferralEntity, ReferralEntity as Referral } from './referral.entity';

export interface ReferralFilter {
  status?: string;
  providerId?: string;
  overdue?: boolean;
}

/** Referral reads (scoped to the reader) and the conditional capacity updates. */
@Injectable()
export class ReferralsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Providers see their own organization's referrals; staff and assessors their area's. */
  private visible(principal: Principal, manager?: EntityManager) {
    const qb = (manager ?? this.dataSource.manager)
      .getRepository(Referral)
      .createQueryBuilder('rf')
      .innerJoinAndSelect('rf.resource', 'r')
      .innerJoinAndSelect('rf.provider', 'p');
    if (principal.role === 'provider')
      return qb.where('rf.providerId = :own', { own: principal.providerId });
    return applyAreaScope(qb, 'rf.areaPath', principal);
  }

  list(
    filter: ReferralFilter,
    page: PageQueryDto,
    principal: Principal,
  ): Promise<[ReferralEntity[], number]> {
    const qb = this.visible(principal);
    if (filter.status) qb.andWhere('rf.status = :status', { status: filter.status });
    if (filter.providerId) qb.andWhere('rf.providerId = :pid', { pid: filter.providerId });
    if (filter.overdue)
      qb.andWhere(`rf.overdueAt IS NOT NULL AND rf.status IN ('open', 'accepted')`);
    // Emergency first, then the nearest deadline.
    return qb
      .orderBy('rf.urgency', 'DESC')
      .addOrderBy('rf.acceptDueAt', 'ASC')
      .addOrderBy('rf.id', 'ASC')
      .skip(pageOffset(page))
      .take(page.limit)
      .getManyAndCount();
  }

  findVisible(id: string, principal: Principal): Promise<ReferralEntity | null> {
    return this.visible(principal).andWhere('rf.id = :id', { id }).getOne();
  }

  /** Locks the referral row (only that row) for a state change; visibility is checked by the caller. */
  lock(manager: EntityManager, id: string): Promise<ReferralEntity | null> {
    return manager
      .getRepository(Referral)
      .createQueryBuilder('rf')
      .where('rf.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  /**
   * Reserves one unit with a single conditional update, so concurrent approvals can never
   * commit more than capacity (the CHECK constraint is the second line of defence).
   */
  async reserveUnit(manager: EntityManager, resourceId: string): Promise<boolean> {
    const [, count] = await manager.query(
      `UPDATE resource SET reserved = reserved + 1, updated_at = now()
        WHERE id = $1 AND status = 'published' AND reserved + delivered < capacity`,
      [resourceId],
    );
    return count === 1;
  }

  async releaseUnit(manager: EntityManager, resourceId: string): Promise<void> {
    await manager.query(
      `UPDATE resource SET reserved = reserved - 1, updated_at = now() WHERE id = $1 AND reserved > 0`,
      [resourceId],
    );
  }

  /**
   * Moves the reserved unit to delivered, plus any extra units delivered, within capacity.
   * Returns the counters after, or null when the extra units do not fit.
   */
  async deliverUnits(
    manager: EntityManager,
    resourceId: string,
    units: number,
  ): Promise<{ capacity: number; delivered: number } | null> {
    const [rows] = await manager.query(
      `UPDATE resource SET reserved = reserved - 1, delivered = delivered + $2, updated_at = now()
        WHERE id = $1 AND reserved > 0 AND reserved - 1 + delivered + $2 <= capacity
        RETURNING capacity, delivered`,
      [resourceId, units],
    );
    return rows[0] ?? null;
  }

  async park(
    manager: EntityManager,
    park: { householdId: string; resourceId: string; until: Date; referralId: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO parked_resource (household_id, resource_id, until, referral_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (household_id, resource_id) DO UPDATE SET until = EXCLUDED.until, referral_id = EXCLUDED.referral_id`,
      [park.householdId, park.resourceId, park.until, park.referralId],
    );
  }

  /**
   * An open or matched need becomes `fulfilled`, or `open` again for the matcher (unmarked:
   * `last_matched_at` cleared, the reconciler's sign). Returns its status before, or null when
   * it was neither open nor matched.
   */
  async settleNeed(
    manager: EntityManager,
    needId: string,
    to: 'open' | 'fulfilled',
  ): Promise<string | null> {
    const [rows] = await manager.query(
      `WITH before AS (SELECT id, status FROM need WHERE id = $1 FOR UPDATE)
       UPDATE need n SET status = $2::need_status, updated_at = now(),
              ended_at = CASE WHEN $2::need_status = 'fulfilled' THEN now() END,
              last_matched_at = CASE WHEN $2::need_status = 'open' THEN NULL ELSE n.last_matched_at END
         FROM before WHERE n.id = before.id AND n.status IN ('open', 'matched')
       RETURNING before.status AS "from"`,
      [needId, to],
    );
    return rows[0]?.from ?? null;
  }

  /**
   * Open or accepted referrals whose pending deadline (accept, then deliver) is before `before`,
   * either not yet marked overdue (to escalate) or already overdue (to expire), locked; rows
   * another sweep holds are skipped. Filtered in SQL, so each batch of 1,000 makes progress.
   */
  pastDeadline(manager: EntityManager, before: Date, overdue: boolean): Promise<ReferralEntity[]> {
    return manager
      .getRepository(Referral)
      .createQueryBuilder('rf')
      .where(overdue ? 'rf.overdueAt IS NOT NULL' : 'rf.overdueAt IS NULL')
      .andWhere(
        `((rf.status = 'open' AND rf.acceptDueAt < :before) OR (rf.status = 'accepted' AND rf.deliverDueAt < :before))`,
        { before },
      )
      .orderBy('rf.id')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .limit(1000)
      .getMany();
  }

  /** Marks referrals overdue at `at`, each escalated to its area, in one statement. */
  async markOverdue(
    manager: EntityManager,
    at: Date,
    escalations: Array<{ id: string; areaId: string }>,
  ): Promise<void> {
    if (escalations.length === 0) return;
    await manager.query(
      `UPDATE referral rf SET overdue_at = $1, escalated_to_area_id = t.area_id, updated_at = now(), version = rf.version + 1
         FROM unnest($2::uuid[], $3::uuid[]) AS t(id, area_id) WHERE rf.id = t.id`,
      [at, escalations.map((e) => e.id), escalations.map((e) => e.areaId)],
    );
  }

  async markExpired(manager: EntityManager, at: Date, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE referral SET status = 'expired', ended_at = $1, updated_at = now(), version = version + 1
        WHERE id = ANY($2)`,
      [at, ids],
    );
  }
}
