import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type Benefit,
  householdBenefits,
  type ReferralBenefitRow,
  StackingRepository,
} from '@onedoor/ledger';
import { ResourceSummariesRepository } from '@onedoor/resources';
import { LIVE_REFERRAL_SQL } from './referrals/referral.entity';

/** What the stacking rules weigh for one household. */
export interface HouseholdBenefits {
  benefits: Benefit[];
  /** Needs with a live referral (open, accepted, delivered): served, when they have no gap. */
  servedNeedIds: Set<string>;
}

/**
 * Households' benefits from every source, for the matcher (a batch: one read of the ledger, one
 * of referrals, one of their resources, whatever the number of households), the approval (one
 * household, in its transaction after the household lock) and the why-not view. Referrals are
 * this lib's; entries and rules the ledger's; titles, providers and values the resources lib's.
 */
@Injectable()
export class HouseholdBenefitsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stacking: StackingRepository,
    private readonly resources: ResourceSummariesRepository,
  ) {}

  async of(
    householdIds: string[],
    manager?: EntityManager,
  ): Promise<Map<string, HouseholdBenefits>> {
    const db = manager ?? this.dataSource.manager;
    // In a transaction the statements share one connection: one after the other.
    const entries = await this.stacking.entriesOf(householdIds, manager);
    // Live referrals (not yet delivered: pending) and delivered ones (the ledger's, and dropped
    // by householdBenefits when it has them); dates are Beijing calendar dates.
    const referrals: Array<{
      id: string;
      householdId: string;
      needId: string;
      resourceId: string;
      live: boolean;
      delivered: boolean;
      startsOn: string;
      amountDeliveredFen: string | null;
      coversFen: string | null;
      closedOn: string | null;
    }> =
      householdIds.length === 0
        ? []
        : await db.query(
            `SELECT id, household_id AS "householdId", need_id AS "needId", resource_id AS "resourceId",
                    status IN ${LIVE_REFERRAL_SQL} AS live, delivered_at IS NOT NULL AS delivered,
                    to_char(COALESCE(delivered_at, created_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "startsOn",
                    amount_delivered_fen AS "amountDeliveredFen", covers_fen AS "coversFen",
                    to_char(closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "closedOn"
               FROM referral
              WHERE household_id = ANY($1)
                AND (status IN ('open', 'accepted') OR delivered_at IS NOT NULL)`,
            [householdIds],
          );
    const resources = await this.resources.byIds(
      referrals.map((r) => r.resourceId),
      manager,
    );
    const rowsOf = new Map<string, ReferralBenefitRow[]>(householdIds.map((id) => [id, []]));
    const servedOf = new Map<string, Set<string>>(householdIds.map((id) => [id, new Set()]));
    for (const r of referrals) {
      if (r.live) servedOf.get(r.householdId)!.add(r.needId);
      const resource = resources.get(r.resourceId)!;
      rowsOf.get(r.householdId)!.push({
        referralId: r.id,
        delivered: r.delivered,
        closedOn: r.closedOn,
        resourceId: r.resourceId,
        needId: r.needId,
        grantedBy: resource.providerName,
        title: resource.title,
        categoryCode: resource.categoryCode,
        startsOn: r.startsOn,
        // A delivery's one date; householdBenefits keeps it current until the referral closes.
        endsOn: r.delivered ? r.startsOn : null,
        // Pending (or delivered without an amount), a gap need's referral counts what it was
        // approved to cover of the gap (at most what was left then), not its full value.
        amountFen:
          r.delivered && r.amountDeliveredFen !== null
            ? Number(r.amountDeliveredFen)
            : r.coversFen !== null
              ? Number(r.coversFen)
              : resource.valuePerUnitFen,
      });
    }
    return new Map(
      householdIds.map((id) => [
        id,
        {
          benefits: householdBenefits(entries.get(id) ?? [], rowsOf.get(id) ?? []),
          servedNeedIds: servedOf.get(id)!,
        },
      ]),
    );
  }
}
