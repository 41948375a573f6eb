import { Injectable, Logger } from '@nestjs/common';
import { escalateOverdue, type OverdueStep, parentPath } from '@onedoor/areas';
import { AuditService, Clock, EventOutbox, TransactionRunner } from '@onedoor/platform';
import { maskName } from './lead-lifecycle';
import { LeadsRepository } from './leads.repository';

interface OverdueLead {
  id: string;
  path: string;
  due_at: Date;
  reference: string;
  subject_name: string;
  area_name: string;
}

const TRIAGE_STEP: OverdueStep<OverdueLead> = {
  table: 'lead',
  overdueColumn: 'escalated_at',
  escalatedToColumn: 'escalated_to_area_id',
  entityType: 'lead',
  state: 'reported',
  missed: 'triaged',
  alsoSet: 'version = x.version + 1',
  // The community's staff are reminded, the street's (the area above) must now see to it.
  notices: (l, escalatedToAreaId, dueAt) => [
    {
      type: 'lead.overdue',
      entityType: 'lead',
      entityId: l.id,
      areaPath: l.path,
      audience: [
        { roles: ['civil_affairs', 'assessor'], areaPath: l.path },
        { roles: ['civil_affairs'], areaPath: parentPath(l.path) },
      ],
      data: {
        leadId: l.id,
        reference: l.reference,
        subject: maskName(l.subject_name),
        area: l.area_name,
        dueAt,
        escalatedToAreaId,
      },
      dedupKey: `lead.overdue:${l.id}:${dueAt}`,
    },
  ],
};

/**
 * The triage deadline (RELIEF_TRIAGE_HOURS from the report): a lead still `reported` past it
 * is escalated once to the area above its community (`escalated_at`, `escalated_to_area_id`),
 * with an audit row and a notice to both, in one transaction (the `lead-triage-sweep` job).
 */
@Injectable()
export class LeadDeadlinesService {
  private readonly logger = new Logger(LeadDeadlinesService.name);

  constructor(
    private readonly leads: LeadsRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<{ escalated: number }> {
    const now = this.clock.now();
    const escalated = await this.tx.run(async (manager) => {
      const due = await this.leads.overdue(now, manager);
      await escalateOverdue(
        manager,
        { audit: this.audit, outbox: this.outbox },
        now,
        due,
        TRIAGE_STEP,
      );
      return due.length;
    });
    if (escalated > 0) this.logger.log({ escalated }, 'lead triage deadlines swept');
    return { escalated };
  }
}
