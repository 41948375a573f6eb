import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { applyAreaScope, type ListQueryDto, type Principal } from '@onedoor/platform';
import { pageWorkQueue, type WorkQueueFilter } from '../work-queue';
import {
  LIVE_REFERRAL_SQL,
  type ReferralEntity,
  ReferralEntity as Referral,
} from './referral.entity';

export interface ReferralFilter extends WorkQueueFilter {
  status?: string;
  providerId?: string;
  householdId?: string;
  overdue?: boolean;
  /** Only those escalated to the reader's own area (their staff's "escalated to me"). */
  escalatedToMe?: boolean;
}

/** The deadline a referral waits on, as SQL (pendingDeadline in referral-deadlines.ts). */
const REFERRAL_DEADLINE_SQL = `(CASE rf.status WHEN 'open' THEN rf.accept_due_at WHEN 'accepted' THEN rf.deliver_due_at END)`;

/** Referral reads (scoped to the reader), their state changes and the parked resources. */
@Injectable()
export class ReferralsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Providers see their own organization's referrals; staff and assessors their area's. */
  private visible(principal: Principal, manager?: EntityManager) {
    const qb = (manager ?? this.dataSource.manager)
      .getRepository(Referral)
      .createQueryBuilder('rf');
    if (principal.role === 'provider')
      return qb.where('rf.providerId = :own', { own: principal.providerId });
    return applyAreaScope(qb, 'rf.areaPath', principal);
  }

  /** One page of the referrals the reader sees, filtered and sorted as work queues are. */
  async list(
    filter: ReferralFilter,
    query: ListQueryDto,
    principal: Principal,
    now: Date,
  ): Promise<{ rows: ReferralEntity[]; nextCursor: string | null; total?: number }> {
    const qb = this.visible(principal).innerJoin('rf.household', 'h');
    if (filter.status) qb.andWhere('rf.status = :status', { status: filter.status });
    if (filter.providerId) qb.andWhere('rf.providerId = :pid', { pid: filter.providerId });
    if (filter.householdId) qb.andWhere('rf.householdId = :hid', { hid: filter.householdId });
    if (filter.escalatedToMe)
      qb.andWhere('rf.escalatedToAreaId = :mine', { mine: principal.areaId ?? null });
    if (filter.overdue)
      qb.andWhere(`rf.overdueAt IS NOT NULL AND rf.status IN ('open', 'accepted')`);
    return pageWorkQueue(Referral, qb, 'rf', REFERRAL_DEADLINE_SQL, filter, query, now);
  }

  findVisible(id: string, principal: Principal): Promise<ReferralEntity | null> {
    return this.visible(principal).andWhere('rf.id = :id', { id }).getOne();
  }

  /**
   * The referral's need, read without a lock (it never changes): the need is locked before the
   * referral (`LOCK_ORDER`, lock-order.ts).
   */
  async needOf(manager: EntityManager, id: string): Promise<string | null> {
    const [row] = await manager.query(`SELECT need_id AS "needId" FROM referral WHERE id = $1`, [
      id,
    ]);
    return row?.needId ?? null;
  }

  /**
   * Whether another referral still serves the need (a money-gap need has several): closing one
   * of them then leaves the need as it is. Read under the need's lock, which every writer of
   * the need's referrals holds.
   */
  async othersLiveOnNeed(manager: EntityManager, needId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM referral WHERE need_id = $1 AND id <> $2 AND status IN ${LIVE_REFERRAL_SQL} LIMIT 1`,
      [needId, id],
    );
    return rows.length > 0;
  }

  /**
   * Locks the referral row (only that row; its need is locked first) for a state change;
   * visibility is checked by the caller.
   */
  lock(manager: EntityManager, id: string): Promise<ReferralEntity | null> {
    return manager
      .getRepository(Referral)
      .createQueryBuilder('rf')
      .where('rf.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
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
   * Open or accepted referrals whose pending deadline (accept, then deliver) is before `before`,
   * either not yet marked overdue (to escalate) or already overdue (to expire), locked by id;
   * rows another sweep holds are skipped. With `ofNeeds`, only the referrals of those needs
   * (whose locks the caller took first). Filtered in SQL, so each batch of 1,000 makes progress.
   */
  pastDeadline(
    manager: EntityManager,
    before: Date,
    overdue: boolean,
    ofNeeds?: string[],
  ): Promise<ReferralEntity[]> {
    const qb = this.pastDeadlineQuery(manager, before, overdue);
    if (ofNeeds) qb.andWhere('rf.needId = ANY(:ofNeeds)', { ofNeeds });
    return qb
      .orderBy('rf.id')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .limit(1000)
      .getMany();
  }

  /**
   * The needs of the referrals {@link pastDeadline} would return, by id and without a lock:
   * the SLA sweep locks these needs before their referrals (`LOCK_ORDER`).
   */
  async needsPastDeadline(
    manager: EntityManager,
    before: Date,
    overdue: boolean,
  ): Promise<string[]> {
    const rows = await this.pastDeadlineQuery(manager, before, overdue)
      .select('rf.needId', 'needId')
      .orderBy('rf.id')
      .limit(1000)
      .getRawMany<{ needId: string }>();
    return rows.map((r) => r.needId);
  }

  private pastDeadlineQuery(manager: EntityManager, before: Date, overdue: boolean) {
    return manager
      .getRepository(Referral)
      .createQueryBuilder('rf')
      .where(overdue ? 'rf.overdueAt IS NOT NULL' : 'rf.overdueAt IS NULL')
      .andWhere(
        `((rf.status = 'open' AND rf.acceptDueAt < :before) OR (rf.status = 'accepted' AND rf.deliverDueAt < :before))`,
        { before },
      );
  }

  /**
   * Open referrals whose accept deadline, and accepted ones whose deliver deadline, falls in
   * (now, until]: the sweep's "due soon" notices (deduplicated per deadline, so no lock).
   */
  dueBetween(manager: EntityManager, now: Date, until: Date): Promise<ReferralEntity[]> {
    return manager
      .getRepository(Referral)
      .createQueryBuilder('rf')
      .where(
        `((rf.status = 'open' AND rf.acceptDueAt > :now AND rf.acceptDueAt <= :until)
          OR (rf.status = 'accepted' AND rf.deliverDueAt > :now AND rf.deliverDueAt <= :until))`,
        { now, until },
      )
      .orderBy('rf.id')
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
