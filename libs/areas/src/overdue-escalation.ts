import type { EntityManager } from 'typeorm';
import type { AuditService, EventOutbox, OutboxEventInput } from '@onedoor/platform';
import { idsOnPath, parentPath } from './area-level';

/** A row past a staff step's deadline, read (and locked) by the sweep: the area it is decided in. */
export interface OverdueRow {
  id: string;
  path: string;
  due_at: Date;
}

/** Where a staff step keeps its deadline and how its escalation is recorded. */
export interface OverdueStep<T extends OverdueRow> {
  /** The table and its columns: constants of the caller, never input. */
  table: string;
  overdueColumn: string;
  escalatedToColumn: string;
  entityType: string;
  /** The state the row stays in (an escalation does not change it). */
  state: string;
  /** 'reviewed', 'decided': the audit reason says what was not done by the deadline. */
  missed: string;
  /** More assignments for the marked rows (a constant of the caller, e.g. a version bump). */
  alsoSet?: string;
  /** The notices of one overdue row; `dueAt` is the deadline (ISO), for the dedup key. */
  notices(row: T, escalatedToAreaId: string, dueAt: string): OutboxEventInput[];
}

/**
 * The common end of a deadline sweep, in the caller's transaction: marks the rows overdue,
 * escalates each to the area above its own, and writes their audit rows and notices together.
 * The caller selects and locks the rows (`overdue_at IS NULL`, so each is escalated once).
 */
export async function escalateOverdue<T extends OverdueRow>(
  manager: EntityManager,
  deps: { audit: AuditService; outbox: EventOutbox },
  now: Date,
  due: T[],
  step: OverdueStep<T>,
): Promise<void> {
  if (due.length === 0) return;
  const upTo = due.map((r) => idsOnPath(parentPath(r.path)).at(-1)!);
  await manager.query(
    `UPDATE ${step.table} x SET ${step.overdueColumn} = $1, ${step.escalatedToColumn} = t.area_id
            ${step.alsoSet ? `, ${step.alsoSet}` : ''}
       FROM unnest($2::uuid[], $3::uuid[]) AS t(id, area_id) WHERE x.id = t.id`,
    [now, due.map((r) => r.id), upTo],
  );
  await deps.audit.recordMany(
    manager,
    due.map((r, i) => ({
      entityType: step.entityType,
      entityId: r.id,
      action: 'escalate',
      actor: null,
      fromState: step.state,
      toState: step.state,
      reason: `not ${step.missed} by ${new Date(r.due_at).toISOString()}`,
      data: { escalatedToAreaId: upTo[i] },
      areaPath: r.path,
    })),
  );
  await deps.outbox.emit(
    manager,
    ...due.flatMap((r, i) => step.notices(r, upTo[i], new Date(r.due_at).toISOString())),
  );
}
