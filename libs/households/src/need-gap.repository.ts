import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NeedStatus } from './household.types';
import type { Urgency } from './template/template.types';

/** What setting a need's money gap reads of the need. */
export interface NeedForGap {
  id: string;
  householdId: string;
  categoryCode: string;
  status: NeedStatus;
  urgency: Urgency;
  gapFen: number | null;
}

/** The need's money gap, read and written in the caller's transaction. */
@Injectable()
export class NeedGapRepository {
  /**
   * Locks the need (first, as every matching transaction locks a need before its proposals or
   * referrals: `LOCK_ORDER` in libs/matching) so an approval cannot read the old gap meanwhile.
   */
  async lock(manager: EntityManager, id: string): Promise<NeedForGap | null> {
    const [row] = await manager.query(
      `SELECT id, household_id AS "householdId", category_code AS "categoryCode", status, urgency,
              gap_fen::float8 AS "gapFen"
         FROM need WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  async setGap(
    manager: EntityManager,
    id: string,
    gapFen: number | null,
    now: Date,
  ): Promise<void> {
    await manager.query(`UPDATE need SET gap_fen = $2, updated_at = $3 WHERE id = $1`, [
      id,
      gapFen,
      now,
    ]);
  }
}
