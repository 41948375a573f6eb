import { Injectable, Logger } from '@nestjs/common';
import {
  AuditService,
  Clock,
  EventOutbox,
  type OutboxEventInput,
  TransactionRunner,
} from '@onedoor/platform';
import { idsOnPath, parentPath } from '@onedoor/areas';

interface OverdueReview {
  id: string;
  title: string;
  provider_id: string;
  provider_name: string;
  category_code: string;
  coverage_area_id: string;
  review_due_at: Date;
  path: string;
}

/**
 * The deadline on a resource waiting in pending_review (SLA_REVIEW_HOURS from submission): the
 * sweep marks those past it overdue, notifies the staff whose scope holds the coverage area and
 * escalates to the area above, once per submission. Locks only resources (by id, skipping those
 * a reviewer holds: they are being decided).
 */
@Injectable()
export class ResourceReviewDeadlinesService {
  private readonly logger = new Logger(ResourceReviewDeadlinesService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<{ escalated: number }> {
    const now = this.clock.now();
    const escalated = await this.tx.run(async (manager) => {
      const due = await manager.query<OverdueReview[]>(
        `SELECT r.id, r.title, r.provider_id, p.name AS provider_name, r.category_code,
                r.coverage_area_id, r.review_due_at, a.path
           FROM resource r JOIN provider p ON p.id = r.provider_id
           JOIN area a ON a.id = r.coverage_area_id
          WHERE r.status = 'pending_review' AND r.review_overdue_at IS NULL AND r.review_due_at < $1
          ORDER BY r.id LIMIT 1000 FOR UPDATE OF r SKIP LOCKED`,
        [now],
      );
      if (due.length === 0) return 0;
      const upTo = due.map((r) => idsOnPath(parentPath(r.path)).at(-1)!);
      await manager.query(
        `UPDATE resource r SET review_overdue_at = $1, review_escalated_to_area_id = t.area_id
           FROM unnest($2::uuid[], $3::uuid[]) AS t(id, area_id) WHERE r.id = t.id`,
        [now, due.map((r) => r.id), upTo],
      );
      await this.audit.recordMany(
        manager,
        due.map((r, i) => ({
          entityType: 'resource',
          entityId: r.id,
          action: 'escalate',
          actor: null,
          fromState: 'pending_review',
          toState: 'pending_review',
          reason: `not reviewed by ${new Date(r.review_due_at).toISOString()}`,
          data: { escalatedToAreaId: upTo[i] },
          areaPath: r.path,
        })),
      );
      await this.outbox.emit(manager, ...due.map((r, i) => notice(r, upTo[i])));
      return due.length;
    });
    if (escalated > 0) this.logger.log({ escalated }, 'review deadlines swept');
    return { escalated };
  }
}

/**
 * One notice to the staff in scope and to those of the area above (the escalation): the
 * audience's union, so a user in both hears of it once.
 */
function notice(r: OverdueReview, escalatedToAreaId: string): OutboxEventInput {
  const dueAt = new Date(r.review_due_at).toISOString();
  return {
    type: 'resource.review_overdue',
    entityType: 'resource',
    entityId: r.id,
    areaPath: r.path,
    providerId: r.provider_id,
    audience: [
      { roles: ['civil_affairs'], areaPath: r.path },
      { roles: ['civil_affairs'], areaPath: parentPath(r.path) },
    ],
    data: {
      resourceId: r.id,
      resourceTitle: r.title,
      providerId: r.provider_id,
      providerName: r.provider_name,
      categoryCode: r.category_code,
      coverageAreaId: r.coverage_area_id,
      dueAt,
      escalatedToAreaId,
    },
    dedupKey: `resource.review_overdue:${r.id}:${dueAt}`,
  };
}
