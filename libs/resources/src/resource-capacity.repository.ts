import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ResourceStatus } from './resource.types';

export interface ResourceCounters {
  status: ResourceStatus;
  capacity: number;
  reserved: number;
  delivered: number;
}

/**
 * A resource's units as referrals use them: reserved at approval, released or delivered later.
 * Every method takes the caller's EntityManager, so the counters change in the caller's
 * transaction (with the referral that moves them). Each update locks the resource row, which
 * comes last in the lock order (`LOCK_ORDER` in libs/matching: need → proposal → referral →
 * contract → resource): callers take their other locks first, and several resources by id.
 */
@Injectable()
export class ResourceCapacityRepository {
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

  /** The counters and status, to say why a reservation was refused. */
  async counters(manager: EntityManager, resourceId: string): Promise<ResourceCounters | null> {
    const [row] = await manager.query(
      `SELECT status, capacity, reserved, delivered FROM resource WHERE id = $1`,
      [resourceId],
    );
    return row ?? null;
  }
}
