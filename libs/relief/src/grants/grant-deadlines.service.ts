import { Injectable, Logger } from '@nestjs/common';
import { AuditService, Clock, EventOutbox, TransactionRunner } from '@onedoor/platform';
import { idsOnPath, parentPath } from '@onedoor/areas';
import { EmergencyGrantsRepository } from './emergency-grants.repository';

/**
 * The decision deadline of a requested grant (RELIEF_GRANT_DECISION_HOURS after the request):
 * the sweep (`grant-decisions-sweep`) escalates each grant past it to the civil-affairs staff of
 * the area above the household's community, once (`escalated_at`), with its audit row. It
 * locks only grant rows and skips those an approval holds, so it never waits on a decision.
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
      if (due.length === 0) return 0;
      await this.grants.setEscalated(
        m,
        due.map((g) => g.id),
        now,
      );
      await this.audit.recordMany(
        m,
        due.map((g) => ({
          entityType: 'emergency_grant',
          entityId: g.id,
          action: 'escalate',
          actor: null,
          fromState: 'requested',
          toState: 'requested',
          reason: `not decided by ${new Date(g.decisionDueAt).toISOString()}`,
          data: { escalatedToAreaId: idsOnPath(parentPath(g.areaPath)).at(-1) ?? null },
          areaPath: g.areaPath,
        })),
      );
      await this.outbox.emit(
        m,
        ...due.map((g) => {
          const dueAt = new Date(g.decisionDueAt).toISOString();
          const above = parentPath(g.areaPath);
          return {
            type: 'grant.escalated' as const,
            entityType: 'emergency_grant',
            entityId: g.id,
            areaPath: g.areaPath,
            audience: [{ roles: ['civil_affairs' as const], areaPath: above }],
            data: {
              grantId: g.id,
              householdId: g.householdId,
              headName: g.headName,
              communityName: g.communityName,
              amountFen: g.amountFen,
              dueAt,
              escalatedToAreaId: idsOnPath(above).at(-1) ?? null,
            },
            dedupKey: `grant.escalated:${g.id}:${dueAt}`,
          };
        }),
      );
      return due.length;
    });
    if (escalated > 0) this.logger.log({ escalated }, 'grant decision deadlines swept');
    return { escalated };
  }
}
