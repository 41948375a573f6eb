import { Injectable, Logger } from '@nestjs/common';
import { escalateOverdue, parentPath } from '@onedoor/areas';
import { HouseholdsRepository } from '@onedoor/households';
import {
  AuditService,
  Clock,
  EventOutbox,
  type OutboxEventInput,
  type Page,
  type Principal,
  TransactionRunner,
} from '@onedoor/platform';
import type { EntityManager } from 'typeorm';
import { EMERGENCY_TAG } from '../relief.types';
import type { FollowUpDto, FollowUpQueryDto } from './dto/follow-up.dto';
import { FollowUpsRepository, type OverdueFollowUp } from './follow-ups.repository';

/**
 * The full assessment an emergency intake owes. There is no hook on an assessment's completion
 * that a lib above households could use (completion emits no event, and households may not
 * call relief), so the sweep and every read check it: a follow-up is done once the household's
 * latest completed assessment is a full one (not an intake's provisional one) dated after the
 * intake. Past its date it is escalated once to the street (`escalated_at`).
 */
@Injectable()
export class FollowUpsService {
  private readonly logger = new Logger(FollowUpsService.name);

  constructor(
    private readonly followUps: FollowUpsRepository,
    private readonly households: HouseholdsRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async list(query: FollowUpQueryDto, principal: Principal): Promise<Page<FollowUpDto>> {
    let page = await this.followUps.list(query, query, principal);
    const pending = page.rows.filter((r) => r.status !== 'done').map((r) => r.id);
    // A page whose pending rows turn out done is read again, so its order stays true.
    if (pending.length > 0 && (await this.checkDone(pending)) > 0)
      page = await this.followUps.list(query, query, principal);
    const labels = await this.households.labels(page.rows.map((r) => r.householdId));
    const now = this.clock.now();
    const items = page.rows.map((r) => ({
      id: r.id,
      intakeId: r.intakeId,
      householdId: r.householdId,
      headName: labels.get(r.householdId)?.name ?? null,
      communityId: r.communityId,
      communityName: r.communityName,
      // Past its date reads overdue at once; the sweep marks and escalates it within minutes.
      status: r.status === 'due' && r.dueAt < now ? ('overdue' as const) : r.status,
      intakeAt: r.intakeAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
      doneAt: r.doneAt?.toISOString() ?? null,
      assessmentId: r.assessmentId,
      escalatedAt: r.escalatedAt?.toISOString() ?? null,
      escalatedToAreaId: r.escalatedToAreaId,
    }));
    return { items, page: query.page, limit: query.limit, total: page.total };
  }

  /** The maintenance job `follow-up-sweep`: done ones marked, then overdue ones escalated. */
  async sweep(): Promise<{ done: number; escalated: number }> {
    // Batch after batch (each at most 500), so a follow-up assessed after a
    // disaster's hundreds is marked done before the escalation below could reach it.
    let done = 0;
    for (let batch = 0; batch < 100; batch += 1) {
      const marked = await this.checkDone(null);
      done += marked;
      if (marked === 0) break;
    }
    const now = this.clock.now();
    const escalated = await this.tx.run(async (manager) => {
      const due = await this.followUps.overdueLocked(manager, now);
      await escalateOverdue(manager, { audit: this.audit, outbox: this.outbox }, now, due, {
        table: 'relief_follow_up',
        overdueColumn: 'escalated_at',
        escalatedToColumn: 'escalated_to_area_id',
        alsoSet: `status = 'overdue', updated_at = now(), version = x.version + 1`,
        entityType: 'relief_follow_up',
        state: 'due',
        missed: 'assessed',
        notices,
      });
      return due.length;
    });
    if (done + escalated > 0) this.logger.log({ done, escalated }, 'follow-ups swept');
    return { done, escalated };
  }

  /** Marks done the pending follow-ups (these, or all) whose full assessment exists. */
  private checkDone(ids: string[] | null): Promise<number> {
    return this.tx.run(async (manager) => {
      // The query selects exactly the settled ones, with their assessment: no lookup per row.
      const done = await this.followUps.pendingLocked(manager, ids);
      if (done.length === 0) return 0;
      await this.followUps.markDone(manager, done);
      await this.audit.recordMany(
        manager,
        done.map((f) => ({
          entityType: 'relief_follow_up',
          entityId: f.id,
          action: 'done',
          actor: null,
          fromState: f.status,
          toState: 'done',
          data: { assessmentId: f.assessmentId },
          areaPath: f.path,
        })),
      );
      const doneIds = done.map((f) => f.id);
      for (const householdId of new Set(done.map((f) => f.householdId)))
        await this.unflag(manager, householdId, doneIds);
      return done.length;
    });
  }

  /** The emergency tag comes off once the household owes no intake a full assessment. */
  private async unflag(manager: EntityManager, householdId: string, doneIds: string[]) {
    if (await this.followUps.othersPending(manager, householdId, doneIds)) return;
    // In SQL, so the households lib's row is changed in one statement without reading it here.
    await this.households.update(
      householdId,
      { tags: (() => `array_remove(tags, '${EMERGENCY_TAG}')`) as never },
      manager,
    );
  }
}

/** Overdue to the community's staff, escalated to the street's (the area above). */
function notices(f: OverdueFollowUp, escalatedToAreaId: string, dueAt: string): OutboxEventInput[] {
  const data = {
    followUpId: f.id,
    intakeId: f.intake_id,
    householdId: f.household_id,
    area: f.community_name,
    dueAt,
  };
  const base = { entityType: 'relief_follow_up', entityId: f.id, areaPath: f.path };
  return [
    {
      ...base,
      type: 'relief_follow_up.overdue',
      audience: [{ roles: ['civil_affairs', 'assessor'], areaPath: f.path }],
      data,
      dedupKey: `relief_follow_up.overdue:${f.id}`,
    },
    {
      ...base,
      type: 'relief_follow_up.escalated',
      audience: [{ roles: ['civil_affairs'], areaPath: parentPath(f.path) }],
      data: { ...data, escalatedToAreaId },
      dedupKey: `relief_follow_up.escalated:${f.id}`,
    },
  ];
}
