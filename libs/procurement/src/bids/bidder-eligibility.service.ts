import { Injectable } from '@nestjs/common';
import { Clock, DomainError, type Principal } from '@onedoor/platform';
import { ProvidersRepository } from '@onedoor/resources';
import { PerformanceRepository } from '../performance/performance.repository';

/** Who may bid: verified social-work organizations not suspended by a failed evaluation. */
@Injectable()
export class BidderEligibilityService {
  constructor(
    private readonly providers: ProvidersRepository,
    private readonly suspensions: PerformanceRepository,
    private readonly clock: Clock,
  ) {}

  /** The caller's organization id, if it may bid now. */
  async assertEligible(actor: Principal): Promise<string> {
    const provider = actor.providerId ? await this.providers.findById(actor.providerId) : null;
    if (actor.role !== 'provider' || !provider) {
      throw new DomainError('BIDDER_NOT_ELIGIBLE', 'Only social-work organizations bid');
    }
    if (provider.kind !== 'social_work_org' || provider.verification !== 'verified') {
      throw new DomainError(
        'BIDDER_NOT_ELIGIBLE',
        'Only verified social-work organizations bid on purchased services',
        { kind: provider.kind, verification: provider.verification },
      );
    }
    const until = await this.suspensions.suspendedUntil(provider.id, this.clock.now());
    if (until) {
      throw new DomainError(
        'PROVIDER_SUSPENDED_FROM_BIDDING',
        `A failed performance evaluation bars this organization from bidding until ${until.toISOString()}`,
        { until: until.toISOString() },
      );
    }
    return provider.id;
  }
}
