import { Injectable, Logger } from '@nestjs/common';
import {
  AuditService,
  Clock,
  EventOutbox,
  type OutboxEventInput,
  TransactionRunner,
} from '@onedoor/platform';
import { escalateOverdue, parentPath } from '@onedoor/areas';
import { NeedsRepository } from '@onedoor/households';

interface OverdueProposal {
  id: string;
  need_id: string;
  household_id: string;
  resource_id: string;
  resource_title: string;
  category_code: string;
  urgency: string;
  due_at: Date;
  path: string;
}

/**
 * The deadline on a proposal waiting for approval (SLA_APPROVAL_HOURS, shorter for an
 * emergency, fixed when the matcher proposes it). The sweep marks those past it overdue,
 * notifies the staff in scope of the household's community and escalates to the area above,
 * once per proposal and deadline. Locks in `LOCK_ORDER`: the needs (by id), then their proposals.
 */
@Injectable()
export class ProposalDeadlinesService {
  private readonly logger = new Logger(ProposalDeadlinesService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: EventOutbox,
    private readonly needs: NeedsRepository,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<{ escalated: number }> {
    const now = this.clock.now();
    const escalated = await this.tx.run(async (manager) => {
      const needIds = (
        await manager.query<Array<{ need_id: string }>>(
          `SELECT DISTINCT need_id FROM match_proposal
            WHERE status = 'proposed' AND overdue_at IS NULL AND approval_due_at < $1
            ORDER BY need_id LIMIT 1000`,
          [now],
        )
      ).map((r) => r.need_id);
      if (needIds.length === 0) return 0;
      await this.needs.lock(manager, needIds);
      // Re-read under the needs' locks: an approval that got there first took its proposal.
      const due = await manager.query<OverdueProposal[]>(
        `SELECT m.id, m.need_id, m.household_id, m.resource_id, r.title AS resource_title,
                m.category_code, m.urgency, m.approval_due_at AS due_at, a.path
           FROM match_proposal m
           JOIN household h ON h.id = m.household_id
           JOIN area a ON a.id = h.community_id
           JOIN resource r ON r.id = m.resource_id
          WHERE m.need_id = ANY($1) AND m.status = 'proposed' AND m.overdue_at IS NULL
            AND m.approval_due_at < $2
          ORDER BY m.id FOR UPDATE OF m`,
        [needIds, now],
      );
      const deps = { audit: this.audit, outbox: this.outbox };
      await escalateOverdue(manager, deps, now, due, {
        table: 'match_proposal',
        overdueColumn: 'overdue_at',
        escalatedToColumn: 'escalated_to_area_id',
        alsoSet: 'updated_at = now(), version = x.version + 1',
        entityType: 'match_proposal',
        state: 'proposed',
        missed: 'decided',
        notices,
      });
      return due.length;
    });
    if (escalated > 0) this.logger.log({ escalated }, 'approval deadlines swept');
    return { escalated };
  }
}

/** Overdue to the staff in scope of the household's community, escalated to the area above. */
function notices(p: OverdueProposal, escalatedToAreaId: string, dueAt: string): OutboxEventInput[] {
  const data = {
    proposalId: p.id,
    needId: p.need_id,
    householdId: p.household_id,
    resourceId: p.resource_id,
    resourceTitle: p.resource_title,
    categoryCode: p.category_code,
    urgency: p.urgency,
    dueAt,
  };
  const base = { entityType: 'match_proposal', entityId: p.id, areaPath: p.path };
  return [
    {
      ...base,
      type: 'proposal.approval_overdue',
      audience: [{ roles: ['civil_affairs'], areaPath: p.path }],
      data,
      dedupKey: `proposal.approval_overdue:${p.id}:${dueAt}`,
    },
    {
      ...base,
      type: 'proposal.escalated',
      audience: [{ roles: ['civil_affairs'], areaPath: parentPath(p.path) }],
      data: { ...data, escalatedToAreaId },
      dedupKey: `proposal.escalated:${p.id}:${dueAt}`,
    },
  ];
}
