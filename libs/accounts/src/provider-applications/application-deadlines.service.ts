import { Injectable, Logger } from '@nestjs/common';
import { escalateOverdue, type OverdueStep, parentPath } from '@onedoor/areas';
import { AuditService, Clock, EventOutbox, TransactionRunner } from '@onedoor/platform';

interface OverdueApplication {
  id: string;
  name: string;
  kind: string;
  home_area_id: string;
  home_area_name: string;
  due_at: Date;
  path: string;
}

const APPLICATION_STEP: OverdueStep<OverdueApplication> = {
  table: 'provider_application',
  overdueColumn: 'overdue_at',
  escalatedToColumn: 'escalated_to_area_id',
  entityType: 'provider_application',
  state: 'pending',
  missed: 'reviewed',
  // Staff of the home area and (the escalation) of the area above: one notice to both.
  notices: (a, escalatedToAreaId, dueAt) => [
    {
      type: 'provider_application.overdue',
      entityType: 'provider_application',
      entityId: a.id,
      areaPath: a.path,
      audience: [
        { roles: ['civil_affairs'], areaPath: a.path },
        { roles: ['civil_affairs'], areaPath: parentPath(a.path) },
      ],
      data: {
        applicationId: a.id,
        name: a.name,
        kind: a.kind,
        homeAreaId: a.home_area_id,
        homeAreaName: a.home_area_name,
        dueAt,
        escalatedToAreaId,
      },
      dedupKey: `provider_application.overdue:${a.id}:${dueAt}`,
    },
  ],
};

/**
 * The deadline on an organization's application (SLA_APPLICATION_HOURS from receipt): the sweep
 * marks pending ones past it overdue, notifies the staff of the home area and escalates to the
 * area above, once per application. Locks only applications (by id, skipping one being decided).
 */
@Injectable()
export class ApplicationDeadlinesService {
  private readonly logger = new Logger(ApplicationDeadlinesService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<{ escalated: number }> {
    const now = this.clock.now();
    const escalated = await this.tx.run(async (manager) => {
      const due = await manager.query<OverdueApplication[]>(
        `SELECT pa.id, pa.name, pa.kind, pa.home_area_id, a.name AS home_area_name, pa.due_at, a.path
           FROM provider_application pa JOIN area a ON a.id = pa.home_area_id
          WHERE pa.status = 'pending' AND pa.overdue_at IS NULL AND pa.due_at < $1
          ORDER BY pa.id LIMIT 1000 FOR UPDATE OF pa SKIP LOCKED`,
        [now],
      );
      await escalateOverdue(
        manager,
        { audit: this.audit, outbox: this.outbox },
        now,
        due,
        APPLICATION_STEP,
      );
      return due.length;
    });
    if (escalated > 0) this.logger.log({ escalated }, 'application deadlines swept');
    return { escalated };
  }
}
