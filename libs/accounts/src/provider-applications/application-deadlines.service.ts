import { Injectable, Logger } from '@nestjs/common';
import { idsOnPath, parentPath } from '@onedoor/areas';
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
      if (due.length === 0) return 0;
      const upTo = due.map((a) => idsOnPath(parentPath(a.path)).at(-1)!);
      await manager.query(
        `UPDATE provider_application pa SET overdue_at = $1, escalated_to_area_id = t.area_id
           FROM unnest($2::uuid[], $3::uuid[]) AS t(id, area_id) WHERE pa.id = t.id`,
        [now, due.map((a) => a.id), upTo],
      );
      await this.audit.recordMany(
        manager,
        due.map((a, i) => ({
          entityType: 'provider_application',
          entityId: a.id,
          action: 'escalate',
          actor: null,
          fromState: 'pending',
          toState: 'pending',
          reason: `not reviewed by ${new Date(a.due_at).toISOString()}`,
          data: { escalatedToAreaId: upTo[i] },
          areaPath: a.path,
        })),
      );
      // Staff of the home area and (the escalation) of the area above: one notice to both.
      await this.outbox.emit(
        manager,
        ...due.map((a, i) => {
          const dueAt = new Date(a.due_at).toISOString();
          return {
            type: 'provider_application.overdue' as const,
            entityType: 'provider_application',
            entityId: a.id,
            areaPath: a.path,
            audience: [
              { roles: ['civil_affairs' as const], areaPath: a.path },
              { roles: ['civil_affairs' as const], areaPath: parentPath(a.path) },
            ],
            data: {
              applicationId: a.id,
              name: a.name,
              kind: a.kind,
              homeAreaId: a.home_area_id,
              homeAreaName: a.home_area_name,
              dueAt,
              escalatedToAreaId: upTo[i],
            },
            dedupKey: `provider_application.overdue:${a.id}:${dueAt}`,
          };
        }),
      );
      return due.length;
    });
    if (escalated > 0) this.logger.log({ escalated }, 'application deadlines swept');
    return { escalated };
  }
}
