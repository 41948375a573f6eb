import { Injectable, Logger } from '@nestjs/common';
import { AuditService, Clock, EventOutbox, TransactionRunner } from '@onedoor/platform';
import { escalateOverdue, type OverdueStep, parentPath } from '@onedoor/areas';

interface OverdueReview {
  id: string;
  title: string;
  provider_id: string;
  provider_name: string;
  category_code: string;
  coverage_area_id: string;
  due_at: Date;
  path: string;
}

const REVIEW_STEP: OverdueStep<OverdueReview> = {
  table: 'resource',
  overdueColumn: 'review_overdue_at',
  escalatedToColumn: 'review_escalated_to_area_id',
  entityType: 'resource',
  state: 'pending_review',
  missed: 'reviewed',
  /**
   * One notice to the staff in scope and to those of the area above (the escalation): the
   * audience's union, so a user in both hears of it once.
   */
  notices: (r, escalatedToAreaId, dueAt) => [
    {
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
    },
  ],
};

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
                r.coverage_area_id, r.review_due_at AS due_at, a.path
           FROM resource r JOIN provider p ON p.id = r.provider_id
           JOIN area a ON a.id = r.coverage_area_id
          WHERE r.status = 'pending_review' AND r.review_overdue_at IS NULL AND r.review_due_at < $1
          ORDER BY r.id LIMIT 1000 FOR UPDATE OF r SKIP LOCKED`,
        [now],
      );
      await escalateOverdue(
        manager,
        { audit: this.audit, outbox: this.outbox },
        now,
        due,
        REVIEW_STEP,
      );
      return due.length;
    });
    if (escalated > 0) this.logger.log({ escalated }, 'review deadlines swept');
    return { escalated };
  }
}
