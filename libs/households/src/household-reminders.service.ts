import { Injectable, Logger } from '@nestjs/common';
import { Clock, EventOutbox, type OutboxEventInput, TransactionRunner } from '@onedoor/platform';

/** How far ahead the assessor is reminded of a revisit or of a grace period's end. */
const REMINDER_LEAD_DAYS = 7;

interface Due {
  id: string;
  head_name: string | null;
  community_name: string;
  path: string;
  due_at: Date;
  assessor_id: string | null;
}

/**
 * The daily reminders to a household's assessor (the one who completed its latest assessment):
 * a revisit due within a week (or past), and an exiting household's grace period ending within
 * a week. Nothing changes state, so nothing is locked; each notice is deduplicated per household
 * and date, so a rerun, or the next day's run, writes nothing new until the date moves.
 */
@Injectable()
export class HouseholdRemindersService {
  private readonly logger = new Logger(HouseholdRemindersService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<{ revisits: number; graceEnding: number }> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + REMINDER_LEAD_DAYS * 24 * 3600_000);
    const result = await this.tx.run(async (manager) => {
      // Those already reminded of this date are skipped in SQL (the dedup key's index), so a
      // backlog beyond the batch is reached on the next runs instead of re-read forever.
      const select = (type: string, dueColumn: string, where: string, params: unknown[] = []) =>
        manager.query<Due[]>(
          `SELECT h.id, m.name AS head_name, a.name AS community_name, a.path,
                  h.${dueColumn} AS due_at,
                  (SELECT s.assessor_id FROM assessment s
                    WHERE s.household_id = h.id AND s.completed_at IS NOT NULL
                    ORDER BY s.completed_at DESC LIMIT 1) AS assessor_id
             FROM household h JOIN area a ON a.id = h.community_id
             LEFT JOIN household_member m ON m.household_id = h.id AND m.is_head
            WHERE ${where} AND h.${dueColumn} <= $1
              AND EXISTS (SELECT 1 FROM assessment s
                           WHERE s.household_id = h.id AND s.completed_at IS NOT NULL)
              AND NOT EXISTS (SELECT 1 FROM outbox_event e WHERE e.dedup_key =
                    '${type}:' || h.id || ':' || to_char(h.${dueColumn} AT TIME ZONE 'UTC', 'YYYY-MM-DD'))
            ORDER BY h.id LIMIT 5000`,
          [until, ...params],
        );
      const revisits = await select(
        'household.revisit_due',
        'next_revisit_at',
        `h.status = 'active'`,
      );
      const grace = await select(
        'household.grace_ending',
        'grace_ends_at',
        `h.status = 'exiting' AND h.grace_ends_at > $2`,
        [now],
      );
      const events = [
        ...revisits.flatMap((d) => notice('household.revisit_due', d)),
        ...grace.flatMap((d) => notice('household.grace_ending', d)),
      ];
      await this.outbox.emit(manager, ...events);
      return { revisits: revisits.length, graceEnding: grace.length };
    });
    if (result.revisits + result.graceEnding > 0) this.logger.log(result, 'household reminders');
    return result;
  }
}

function notice(
  type: 'household.revisit_due' | 'household.grace_ending',
  d: Due,
): OutboxEventInput[] {
  if (!d.assessor_id) return [];
  const dueAt = new Date(d.due_at).toISOString();
  return [
    {
      type,
      entityType: 'household',
      entityId: d.id,
      areaPath: d.path,
      audience: [{ userIds: [d.assessor_id] }],
      // The assessor sees the household anyway; the head's name only, no number or phone.
      data: {
        householdId: d.id,
        headName: d.head_name,
        communityName: d.community_name,
        dueAt,
      },
      dedupKey: `${type}:${d.id}:${dueAt.slice(0, 10)}`,
    },
  ];
}
