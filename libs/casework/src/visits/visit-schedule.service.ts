import { Injectable, Logger } from '@nestjs/common';
import {
  AuditService,
  Clock,
  EventOutbox,
  type OutboxEventInput,
  TransactionRunner,
} from '@onedoor/platform';
import { VISIT_SCHEDULE_LEAD_DAYS } from './visit.types';

interface Scheduled {
  id: string;
  case_id: string;
  due_at: Date;
  household_id: string;
  adviser_id: string | null;
  head_name: string | null;
  community_name: string;
  path: string;
}

/**
 * The maintenance sweep that turns revisit dates into visits due: one `due` home visit per open
 * case and revisit date (the household's `next_revisit_at`, set by each completed assessment by
 * tier) once the date is within {@link VISIT_SCHEDULE_LEAD_DAYS} days, and a notice to the
 * case's adviser (deduplicated per visit). The unique (case, due date) index makes a rerun, or
 * two matchers sweeping at once, create nothing more; a visit made or not, its date is not
 * scheduled again. The visit names no adviser: it follows the case's.
 */
@Injectable()
export class VisitScheduleService {
  private readonly logger = new Logger(VisitScheduleService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<{ scheduled: number }> {
    const until = new Date(this.clock.now().getTime() + VISIT_SCHEDULE_LEAD_DAYS * 24 * 3600_000);
    const scheduled = await this.tx.run(async (manager) => {
      const rows = await manager.query<Scheduled[]>(
        `WITH inserted AS (
           INSERT INTO case_visit (case_id, kind, status, due_at)
           SELECT c.id, 'home_visit', 'due', h.next_revisit_at
             FROM household_case c JOIN household h ON h.id = c.household_id
            WHERE c.status = 'open' AND h.status = 'active'
              AND h.next_revisit_at IS NOT NULL AND h.next_revisit_at <= $1
              AND NOT EXISTS (SELECT 1 FROM case_visit v
                               WHERE v.case_id = c.id AND v.due_at = h.next_revisit_at)
            ORDER BY h.next_revisit_at LIMIT 5000
           ON CONFLICT (case_id, due_at) WHERE due_at IS NOT NULL DO NOTHING
           RETURNING id, case_id, due_at)
         SELECT i.id, i.case_id, i.due_at, c.household_id, c.adviser_id,
                m.name AS head_name, a.name AS community_name, a.path
           FROM inserted i JOIN household_case c ON c.id = i.case_id
           JOIN household h ON h.id = c.household_id JOIN area a ON a.id = h.community_id
           LEFT JOIN household_member m ON m.household_id = h.id AND m.is_head`,
        [until],
      );
      if (rows.length === 0) return 0;
      await this.audit.recordMany(
        manager,
        rows.map((r) => ({
          entityType: 'case_visit',
          entityId: r.id,
          action: 'schedule',
          actor: null,
          toState: 'due',
          data: {
            householdId: r.household_id,
            caseId: r.case_id,
            dueAt: new Date(r.due_at).toISOString(),
          },
          areaPath: r.path,
        })),
      );
      await this.outbox.emit(manager, ...rows.flatMap(notice));
      return rows.length;
    });
    if (scheduled > 0) this.logger.log({ scheduled }, 'case visits scheduled');
    return { scheduled };
  }
}

/** To the case's adviser at the time (an unassigned case's visit waits in the due list). */
function notice(r: Scheduled): OutboxEventInput[] {
  if (!r.adviser_id) return [];
  return [
    {
      type: 'case.visit_due',
      entityType: 'case',
      entityId: r.case_id,
      areaPath: r.path,
      audience: [{ userIds: [r.adviser_id] }],
      // The head's name only, as the other household notices: no number, phone or note.
      data: {
        caseId: r.case_id,
        visitId: r.id,
        householdId: r.household_id,
        headName: r.head_name,
        communityName: r.community_name,
        dueAt: new Date(r.due_at).toISOString(),
      },
      dedupKey: `case.visit_due:${r.id}`,
    },
  ];
}
