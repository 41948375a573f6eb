import { Injectable, Logger } from '@nestjs/common';
import { AuditService, Clock, TransactionRunner } from '@onedoor/platform';
import { HouseholdsRepository } from './households.repository';

/** The matcher's repeatable job: exiting households whose grace has ended exit. */
@Injectable()
export class HouseholdExitService {
  private readonly logger = new Logger(HouseholdExitService.name);

  constructor(
    private readonly households: HouseholdsRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async completeExits(): Promise<number> {
    const now = this.clock.now();
    const exited = await this.tx.run(async (manager) => {
      const due = await this.households.exitsDue(now, manager);
      if (due.length === 0) return 0;
      const ids = due.map((h) => h.id);
      await this.households.update(
        ids,
        { status: 'exited', tier: null, circle: null, nextRevisitAt: null },
        manager,
      );
      const withdrawn = await this.households.withdrawOpenNeeds(ids, now, manager);
      await this.audit.recordMany(
        manager,
        due.map((h) => ({
          entityType: 'household',
          entityId: h.id,
          action: 'exit',
          actor: null,
          fromState: 'exiting',
          toState: 'exited',
          reason: 'grace period ended',
          data: {
            graceEndsAt: h.graceEndsAt?.toISOString() ?? null,
            withdrawnNeeds: withdrawn.filter((n) => n.householdId === h.id).map((n) => n.id),
          },
          areaPath: h.community!.path,
        })),
      );
      return due.length;
    });
    if (exited > 0) this.logger.log({ exited }, 'households exited after their grace period');
    return exited;
  }
}
