import { Injectable, Logger } from '@nestjs/common';
import { AuditService, Clock, EventOutbox, TransactionRunner } from '@onedoor/platform';
import { escalateOverdue, type OverdueStep, parentPath } from '@onedoor/areas';
import { EmergencyGrantsRepository, type OverdueGrant } from './emergency-grants.repository';

/** How a missed decision is escalated: to the civil-affairs staff of the area above. */
const DECISION_STEP: OverdueStep<OverdueGrant> = {
  table: 'emergency_grant',
  overdueColumn: 'escalated_at',
  escalatedToColumn: 'escalated_to_area_id',
  entityType: 'emergency_grant',
  state: 'requested',
  missed: 'decided',
  alsoSet: 'updated_at = $1, version = x.version + 1',
  notices: (g, escalatedToAreaId, dueAt) => [
    {
      type: 'grant.escalated',
      entityType: 'emergency_grant',
      entityId: g.id,
      areaPath: g.path,
      audience: [{ roles: ['civil_affairs'], areaPath: parentPath(g.path) }],
      data: {
        grantId: g.id,
        householdId: g.householdId,
        headName: g.headName,
        communityName: g.communityName,
        amountFen: g.amountFen,
        dueAt,
        escalatedToAreaId,
      },
      dedupKey: `grant.escalated:${g.id}:${dueAt}`,
    },
  ],
};

/**
 * The decision deadline of a requested grant (RELIEF_GRANT_DECISION_HOURS after the request):
 * the sweep (`grant-decisions-sweep`) escalates each grant past it to the civil-affairs staff of
 * the area above the household's community, once (`escalated_at`), with its audit row — the
 * shared `escalateOverdue`, as the other staff steps. It locks only grant rows and skips those
 * an approval holds, so it never waits on a decision.
 */
@Injectable()
export class GrantDeadlinesService {
  private readonly logger = new Logger(GrantDeadlinesService.name);

  constructor(
    private readonly grants: EmergencyGrantsRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<{ escalated: number }> {
    const now = this.clock.now();
    const escalated = await this.tx.run(async (m) => {
      const due = await this.grants.lockOverdue(m, now);
      await escalateOverdue(m, { audit: this.audit, outbox: this.outbox }, now, due, DECISION_STEP);
      return due.length;
    });
    if (escalated > 0) this.logger.log({ escalated }, 'grant decision deadlines swept');
    return { escalated };
  }
}
