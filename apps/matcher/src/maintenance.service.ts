import { Injectable, Logger } from '@nestjs/common';
import { Clock, IdempotencyKeysRepository, LoginLimitsRepository } from '@onedoor/platform';

@Injectable()
export class MaintenanceService {
  private readonly logger = new Logger(MaintenanceService.name);
  private beats = 0;

  constructor(
    private readonly loginLimits: LoginLimitsRepository,
    private readonly idempotencyKeys: IdempotencyKeysRepository,
    private readonly clock: Clock,
  ) {}

  heartbeat(): { beats: number; at: string } {
    this.beats += 1;
    const at = this.clock.now().toISOString();
    this.logger.log({ beats: this.beats, at }, 'matcher heartbeat');
    return { beats: this.beats, at };
  }

  /**
   * Login-failure counters that have lapsed (their window is over). rate-limiter-flexible
   * stamps their expiry with the system time (it takes no clock), so they are pruned by the
   * system time too: by the app's Clock, a test that moves it would prune live counters.
   */
  async pruneLoginFailures(): Promise<number> {
    const removed = await this.loginLimits.prune(new Date());
    if (removed > 0) this.logger.log({ removed }, 'pruned login failures');
    return removed;
  }

  /** Stored Idempotency-Key responses past their 24 h. */
  async pruneIdempotencyKeys(): Promise<number> {
    const removed = await this.idempotencyKeys.prune(this.clock.now());
    if (removed > 0) this.logger.log({ removed }, 'pruned idempotency keys');
    return removed;
  }
}
