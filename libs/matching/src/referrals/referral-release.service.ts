import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NeedsRepository } from '@onedoor/households';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  jobIds,
  MatchingQueueProducer,
  type Principal,
} from '@onedoor/platform';
import { ResourceCapacityRepository } from '@onedoor/resources';
import type { ReferralEntity } from './referral.entity';
import { ReferralsRepository } from './referrals.repository';

/** A referral that ended without help: its need goes back to the matcher. */
export interface Requeue {
  householdId: string;
  referralId: string;
  status: string;
  emergency: boolean;
  releasedResourceId?: string;
}

/**
 * What happens when a referral ends without help (declined, expired, closed unresolved):
 * inside the transaction the unit is released, the resource parked and the need reopened (unless
 * other live referrals still serve it);
 * after the commit the household (and the released resource) are queued for matching again.
 */
@Injectable()
export class ReferralReleaseService {
  private readonly logger = new Logger(ReferralReleaseService.name);

  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly capacity: ResourceCapacityRepository,
    private readonly needs: NeedsRepository,
    private readonly audit: AuditService,
    private readonly queue: MatchingQueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Decline and expiry: the unit goes back to the resource, the resource is parked for this
   * household, and the need is open again for the matcher (unmarked, so the reconciler
   * re-queues it even if the job below never reaches Redis), unless another live referral
   * still serves it (a money-gap need paid by several). The caller holds the need's and
   * the referral's locks, taken in `LOCK_ORDER` before the resource's here.
   */
  async release(
    manager: EntityManager,
    r: ReferralEntity,
    now: Date,
    actor: Principal | null,
    status: 'declined' | 'expired',
  ): Promise<Requeue> {
    await this.capacity.releaseUnit(manager, r.resourceId);
    await this.audit.record(manager, {
      entityType: 'resource',
      entityId: r.resourceId,
      action: 'release',
      actor,
      data: { units: 1, referralId: r.id, because: status },
      areaPath: r.areaPath,
    });
    const until = new Date(now.getTime() + this.config.referrals.parkDays * 24 * 3600_000);
    await this.referrals.park(manager, {
      householdId: r.householdId,
      resourceId: r.resourceId,
      until,
      referralId: r.id,
    });
    // A money-gap need other live referrals still pay stays as it is (matched): it opens again
    // only with the last of them, as on close. The re-match below still looks at what is left.
    const from = (await this.referrals.othersLiveOnNeed(manager, r.needId, r.id))
      ? null
      : await this.needs.settle(manager, r.needId, 'open', now);
    if (from) {
      await this.audit.record(manager, {
        entityType: 'need',
        entityId: r.needId,
        action: 'reopen',
        actor,
        fromState: from,
        toState: 'open',
        reason: `referral ${status}; resource parked until ${until.toISOString()}`,
        areaPath: r.areaPath,
      });
    }
    return { ...this.requeueOf(r, status), releasedResourceId: r.resourceId };
  }

  requeueOf(r: ReferralEntity, status: string): Requeue {
    return {
      householdId: r.householdId,
      referralId: r.id,
      status,
      emergency: r.urgency === 'emergency',
    };
  }

  /** After commit. If Redis is down the reconciler catches up (the need is unmarked). */
  async enqueue(q: Requeue): Promise<void> {
    try {
      await this.queue.enqueueHouseholdMatches([
        {
          householdId: q.householdId,
          emergency: q.emergency,
          jobId: jobIds.matchHouseholdAfterReferral(q.householdId, q.referralId, q.status),
        },
      ]);
      // Released capacity may serve other households waiting in its coverage.
      if (q.releasedResourceId)
        await this.queue.rematchResourceAfterRelease(q.releasedResourceId, q.referralId);
    } catch (error) {
      this.logger.warn({ err: error, referralId: q.referralId }, 're-match not queued');
    }
  }
}
