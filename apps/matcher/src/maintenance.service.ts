import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  Clock,
  IdempotencyKeysRepository,
  LoginFailuresRepository,
} from '@onedoor/platform';

@Injectable()
export class MaintenanceService {
  private readonly logger = new Logger(MaintenanceService.name);
  private beats = 0;

  constructor(
    private readonly loginFailures: LoginFailuresRepository,
    private readonly idempotencyKeys: IdempotencyKeysRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  heartbeat(): { beats: number; at: string } {
    this.beats += 1;
    const at = this.clock.now().toISOString();
    this.logger.log({ beats: this.beats, at }, 'matcher heartbeat');
    return { beats: this.beats, at };
  }

  /** Only failures that no longer count: older than the throttling window. */
  async pruneLoginFailures(): Promise<number> {
    const removed = await this.loginFailures.prune(
      this.config.auth.loginFailureWindowMinutes,
      this.clock.now(),
    );
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
