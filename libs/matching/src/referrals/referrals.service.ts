import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  type AuditEntry,
  AuditLogRepository,
  AuditService,
  Clock,
  DomainError,
  EventOutbox,
  ForbiddenError,
  isInScope,
  NotFoundError,
  type ListPage,
  type Principal,
  toAuditEntryDto,
  toListPage,
  TransactionRunner,
} from '@onedoor/platform';
import { AreasRepository, idsOnPath } from '@onedoor/areas';
import { HouseholdsRepository, NeedsRepository } from '@onedoor/households';
import { AssistanceEntriesService } from '@onedoor/ledger';
import {
  ResourceCapacityRepository,
  ResourcesRepository,
  ResourceSummariesRepository,
} from '@onedoor/resources';
import type {
  CloseReferralDto,
  DeclineReferralDto,
  DeliverReferralDto,
  ReferralDetailDto,
  ReferralDto,
  ReferralQueryDto,
} from './referral.dto';
import { expiryCutoff, pendingDeadline } from './referral-deadlines';
import type { ReferralEntity, ReferralStatus } from './referral.entity';
import { snapshotFor, toReferralDto } from './referral.mapper';
import { DUE_SOON_HOURS, dueSoonNotice, overdueNotices } from './referral-notices';
import { ReferralReleaseService, type Requeue } from './referral-release.service';
import { ReferralsRepository } from './referrals.repository';
import { ReferralContactService } from './referral-contact.service';
import { workQueueFields } from '../work-queue';

type Action = 'accept' | 'decline' | 'deliver' | 'close';

/** Who may take each step, and from which states. */
const STEPS: Record<
  Action,
  { from: ReferralStatus[]; to: ReferralStatus; by: 'provider' | 'staff' }
> = {
  accept: { from: ['open'], to: 'accepted', by: 'provider' },
  decline: { from: ['open', 'accepted'], to: 'declined', by: 'provider' },
  deliver: { from: ['accepted'], to: 'delivered', by: 'provider' },
  close: { from: ['delivered'], to: 'closed', by: 'staff' },
};

/**
 * Referrals from approval to closure: the provider accepts, declines or delivers, staff or
 * the assessor close with the household's feedback, and the SLA sweep escalates and expires.
 */
@Injectable()
export class ReferralsService {
  private readonly logger = new Logger(ReferralsService.name);

  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly resources: ResourcesRepository,
    private readonly capacity: ResourceCapacityRepository,
    private readonly resourceSummaries: ResourceSummariesRepository,
    private readonly needs: NeedsRepository,
    private readonly householdLabels: HouseholdsRepository,
    private readonly contacts: ReferralContactService,
    private readonly releases: ReferralReleaseService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly auditLog: AuditLogRepository,
    private readonly areas: AreasRepository,
    private readonly clock: Clock,
    private readonly outbox: EventOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ledger: AssistanceEntriesService,
  ) {}

  async list(query: ReferralQueryDto, principal: Principal): Promise<ListPage<ReferralDto>> {
    const now = this.clock.now();
    const page = await this.referrals.list(query, query, principal, now);
    const [resources, labels] = await Promise.all([
      this.resourceSummaries.byIds(page.rows.map((r) => r.resourceId)),
      this.householdLabels.labels(page.rows.map((r) => r.householdId)),
    ]);
    // A provider lists only referrals addressed to it, each made by an approval: it may see
    // the household's name there (its contact only under consent, on the referral itself).
    const items = page.rows.map((r) => ({
      ...toReferralDto(r, resources.get(r.resourceId)!),
      ...workQueueFields(labels.get(r.householdId)!, pendingDeadline(r), now),
    }));
    return toListPage(items, query, page);
  }

  async get(id: string, principal: Principal): Promise<ReferralDetailDto> {
    const r = await this.referrals.findVisible(id, principal);
    if (!r) throw new NotFoundError('Referral', 'REFERRAL_NOT_FOUND');
    const [[history], resources, labels] = await Promise.all([
      this.auditLog.listForEntity('referral', id, { page: 1, limit: 100 }),
      this.resourceSummaries.byIds([r.resourceId]),
      this.householdLabels.labels([r.householdId]),
    ]);
    return {
      ...toReferralDto(r, resources.get(r.resourceId)!),
      // Named as in the list (a provider sees the name on its own referrals, never the contact).
      ...workQueueFields(labels.get(r.householdId)!, pendingDeadline(r), this.clock.now()),
      ...(r.consent ? { consent: r.consent } : {}),
      ...(principal.role === 'provider'
        ? { contact: await this.contacts.contactFor(r, principal) }
        : {}),
      snapshot: snapshotFor(r, principal),
      history: history.map(toAuditEntryDto),
    };
  }

  accept(id: string, actor: Principal): Promise<ReferralDetailDto> {
    return this.step(id, 'accept', actor, async (_manager, r, now) => {
      r.acceptedAt = now;
      return {};
    });
  }

  decline(id: string, body: DeclineReferralDto, actor: Principal): Promise<ReferralDetailDto> {
    return this.step(id, 'decline', actor, async (manager, r, now) => {
      r.endedAt = now;
      r.declineReason = body.reason;
      r.declineNote = body.note ?? null;
      const requeue = await this.releases.release(manager, r, now, actor, 'declined');
      return { requeue, reason: body.reason, data: { note: body.note ?? null } };
    });
  }

  deliver(id: string, body: DeliverReferralDto, actor: Principal): Promise<ReferralDetailDto> {
    return this.step(id, 'deliver', actor, async (manager, r, now) => {
      const units = body.units ?? 1;
      const after = await this.capacity.deliverUnits(manager, r.resourceId, units);
      if (!after) {
        throw new DomainError(
          'RESOURCE_CAPACITY_EXHAUSTED',
          `Delivering ${units} units would exceed the resource's capacity`,
          { units },
        );
      }
      r.deliveredAt = now;
      r.unitsDelivered = units;
      r.amountDeliveredFen = body.amountFen === undefined ? null : String(body.amountFen);
      // The delivery enters the assistance ledger with it (once: a retry writes nothing more).
      await this.ledger.recordDelivery(manager, {
        referralId: r.id,
        householdId: r.householdId,
        needId: r.needId,
        providerId: r.providerId,
        resourceId: r.resourceId,
        categoryCode: r.categoryCode,
        deliveredAt: now,
        units,
        amountDeliveredFen: r.amountDeliveredFen,
        coversFen: r.coversFen,
      });
      await this.audit.record(manager, {
        entityType: 'resource',
        entityId: r.resourceId,
        action: 'deliver',
        actor,
        data: { units, referralId: r.id, delivered: after.delivered },
        areaPath: r.areaPath,
      });
      if (after.delivered >= after.capacity) {
        const closed = await this.resources.closeIfOpen(manager, r.resourceId, 'exhausted', {
          onlyWhenFull: true,
        });
        if (closed) {
          await this.audit.record(manager, {
            entityType: 'resource',
            entityId: r.resourceId,
            action: 'exhaust',
            actor: null,
            fromState: closed.from,
            toState: 'closed',
            reason: 'exhausted',
            areaPath: closed.path,
          });
        }
      }
      return { data: { units, amountFen: body.amountFen ?? null, note: body.note ?? null } };
    });
  }

  close(id: string, body: CloseReferralDto, actor: Principal): Promise<ReferralDetailDto> {
    return this.step(id, 'close', actor, async (manager, r, now) => {
      r.closedAt = now;
      r.satisfaction = body.satisfaction;
      r.needResolved = body.resolved;
      r.feedbackNote = body.note ?? null;
      // A money-gap need served by several referrals ends (or opens again) with the last of them.
      const from = (await this.referrals.othersLiveOnNeed(manager, r.needId, r.id))
        ? null
        : await this.needs.settle(manager, r.needId, body.resolved ? 'fulfilled' : 'open', now);
      if (from) {
        await this.audit.record(manager, {
          entityType: 'need',
          entityId: r.needId,
          action: body.resolved ? 'fulfil' : 'reopen',
          actor,
          fromState: from,
          toState: body.resolved ? 'fulfilled' : 'open',
          reason: body.resolved ? null : 'closed with the need not resolved',
          areaPath: r.areaPath,
        });
      }
      return {
        data: { satisfaction: body.satisfaction, resolved: body.resolved },
        requeue: body.resolved ? undefined : this.releases.requeueOf(r, 'closed'),
      };
    });
  }

  /**
   * The SLA sweep (the matcher's repeatable job): referrals past their pending deadline are
   * marked overdue and escalated one area level up from the approver's area; those overdue
   * beyond the hard limit expire, releasing their unit and re-queuing their need. Locks in
   * `LOCK_ORDER`: the expiring referrals' needs (by id), the referrals (by id), their resources
   * (by id). Reminds the provider and the approver 24 h before a deadline, and notifies them and
   * the staff above when it passes.
   */
  async sweep(): Promise<{ escalated: number; expired: number }> {
    const now = this.clock.now();
    const cutoff = expiryCutoff(now, this.config.referrals);
    const requeues: Requeue[] = [];
    const result = await this.tx.run(async (manager) => {
      // Only expiry changes needs; a referral that turns expirable after this read waits for
      // the next sweep rather than have its need locked after it.
      const expiringNeeds = await this.referrals.needsPastDeadline(manager, cutoff, true);
      await this.needs.lock(manager, expiringNeeds);
      const due = await this.referrals.pastDeadline(manager, now, false);
      // Escalation goes one level above the approver's area (the community for an admin).
      const fromArea = (r: ReferralEntity) =>
        r.snapshot.decidedBy.areaId ?? idsOnPath(r.areaPath).at(-1)!;
      const parentOf = new Map(
        (await this.areas.byIds([...new Set(due.map(fromArea))])).map((a) => [a.id, a.parentId]),
      );
      const escalations = due.map((r) => ({
        id: r.id,
        areaId: parentOf.get(fromArea(r)) ?? fromArea(r),
      }));
      await this.referrals.markOverdue(manager, now, escalations);
      // Reminders before the deadline, then overdue and escalated notices: each deduplicated
      // per referral and deadline, so a sweep finding them again writes nothing.
      const soon = await this.referrals.dueBetween(
        manager,
        now,
        new Date(now.getTime() + DUE_SOON_HOURS * 3600_000),
      );
      await this.outbox.emit(
        manager,
        ...soon.map(dueSoonNotice),
        ...due.flatMap((r, i) => overdueNotices(r, escalations[i].areaId)),
      );
      const audit: AuditEntry[] = due.map((r, i) => ({
        entityType: 'referral',
        entityId: r.id,
        action: 'escalate',
        actor: null,
        fromState: r.status,
        toState: r.status,
        reason: `${r.status === 'open' ? 'not accepted' : 'not delivered'} by ${pendingDeadline(r)!.toISOString()}`,
        data: { escalatedToAreaId: escalations[i].areaId },
        areaPath: r.areaPath,
      }));
      const expiring = await this.referrals.pastDeadline(manager, cutoff, true, expiringNeeds);
      for (const r of expiring) {
        audit.push({
          entityType: 'referral',
          entityId: r.id,
          action: 'expire',
          actor: null,
          fromState: r.status,
          toState: 'expired',
          reason: `overdue beyond ${this.config.referrals.expireAfterOverdueHours} h`,
          areaPath: r.areaPath,
        });
      }
      await this.referrals.markExpired(
        manager,
        now,
        expiring.map((r) => r.id),
      );
      await this.audit.recordMany(manager, audit);
      // Each release locks its resource: in resource id order, so two sweeps cannot cross.
      const byResource = [...expiring].sort((a, b) => (a.resourceId < b.resourceId ? -1 : 1));
      for (const r of byResource)
        requeues.push(await this.releases.release(manager, r, now, null, 'expired'));
      return { escalated: due.length, expired: expiring.length };
    });
    for (const q of requeues) await this.releases.enqueue(q);
    if (result.escalated + result.expired > 0) this.logger.log(result, 'SLA sweep');
    return result;
  }

  private async step(
    id: string,
    action: Action,
    actor: Principal,
    apply: (
      manager: EntityManager,
      r: ReferralEntity,
      now: Date,
    ) => Promise<{ requeue?: Requeue; reason?: string; data?: Record<string, unknown> }>,
  ): Promise<ReferralDetailDto> {
    const rule = STEPS[action];
    const requeue = await this.tx.run(async (manager) => {
      // `LOCK_ORDER`: the need before its referral (a decline or close changes the need, a
      // decline and a delivery the resource after it), as approvals and the matcher take it.
      const needId = await this.referrals.needOf(manager, id);
      if (needId) await this.needs.lock(manager, [needId]);
      const r = await this.referrals.lock(manager, id);
      if (!r || !this.canSee(actor, r)) throw new NotFoundError('Referral', 'REFERRAL_NOT_FOUND');
      if (rule.by === 'provider' && actor.role !== 'provider')
        throw new ForbiddenError(`Only the provider's users may ${action} a referral`);
      if (rule.by === 'staff' && actor.role === 'provider')
        throw new ForbiddenError('Only the assessor or civil-affairs staff may close a referral');
      if (!rule.from.includes(r.status)) {
        throw new DomainError(
          'REFERRAL_INVALID_TRANSITION',
          `Cannot ${action} a ${r.status} referral`,
          { status: r.status, allowedFrom: rule.from },
        );
      }
      const now = this.clock.now();
      const from = r.status;
      const outcome = await apply(manager, r, now);
      r.status = rule.to;
      await manager.save(r);
      await this.audit.record(manager, {
        entityType: 'referral',
        entityId: r.id,
        action,
        actor,
        fromState: from,
        toState: rule.to,
        reason: outcome.reason ?? null,
        data: outcome.data ?? null,
        areaPath: r.areaPath,
      });
      return outcome.requeue;
    });
    if (requeue) await this.releases.enqueue(requeue);
    return this.get(id, actor);
  }

  private canSee(actor: Principal, r: ReferralEntity): boolean {
    if (actor.role === 'provider') return actor.providerId === r.providerId;
    if (actor.role === 'evaluator') return false;
    return isInScope(actor, r.areaPath);
  }
}
