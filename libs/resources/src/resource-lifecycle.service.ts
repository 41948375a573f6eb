import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  Clock,
  DomainError,
  EventOutbox,
  ForbiddenError,
  isInScope,
  MatchingQueueProducer,
  todayInChina,
  NotFoundError,
  type Principal,
  TransactionRunner,
  ValidationFailedError,
} from '@onedoor/platform';
import type { ResourceDto } from './dto/resource.dto';
import { actorsFor, RESOURCE_TRANSITIONS, type ResourceAction } from './resource-lifecycle';
import { toResourceDto } from './resource.mapper';
import { reviewNotice } from './resource-notices';
import { ResourcesRepository } from './resources.repository';

/** Moves resources through draft → pending_review → published ⇄ paused → closed. */
@Injectable()
export class ResourceLifecycleService {
  private readonly logger = new Logger(ResourceLifecycleService.name);

  constructor(
    private readonly resources: ResourcesRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly matching: MatchingQueueProducer,
    private readonly clock: Clock,
    private readonly outbox: EventOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async transition(
    id: string,
    action: Exclude<ResourceAction, 'expire' | 'exhaust'>,
    actor: Principal,
    reason?: string,
  ): Promise<ResourceDto> {
    const rule = RESOURCE_TRANSITIONS[action];
    const now = this.clock.now();
    await this.tx.run(async (manager) => {
      // Locked: two reviewers acting at once see each other's result, not a stale state.
      const resource = await this.resources.findVisible(id, actor, manager, true);
      if (!resource) throw new NotFoundError('Resource', 'RESOURCE_NOT_FOUND');
      const actors = actorsFor(actor, resource, isInScope(actor, resource.coverageArea!.path));
      if (!rule.by.some((a) => actors.includes(a))) {
        throw new ForbiddenError(
          rule.by.includes('reviewer')
            ? `Only civil-affairs staff whose area holds the coverage may ${action} it`
            : `Only the resource's own organization may ${action} it`,
        );
      }
      if (!rule.from.includes(resource.status)) {
        throw new DomainError(
          'RESOURCE_INVALID_TRANSITION',
          `Cannot ${action} a ${resource.status} resource`,
          {
            status: resource.status,
            allowedFrom: rule.from,
          },
        );
      }
      if (action === 'resume' && resource.pausedByReviewer && !actors.includes('reviewer')) {
        throw new ForbiddenError(
          'Civil-affairs staff paused this resource; only they may resume it',
        );
      }
      if (
        (action === 'publish' || action === 'resume') &&
        resource.validUntil &&
        resource.validUntil < todayInChina(now)
      ) {
        throw new DomainError(
          'RESOURCE_INVALID_TRANSITION',
          `Cannot ${action}: validity ended on ${resource.validUntil}`,
          {
            status: resource.status,
            validUntil: resource.validUntil,
          },
        );
      }
      if (rule.reasonRequired && !reason) {
        throw new ValidationFailedError(`A reason is required to ${action}`, [
          { field: 'reason', constraint: 'required', message: 'is required' },
        ]);
      }
      if (rule.needsVerifiedProvider && resource.provider!.verification !== 'verified') {
        throw new DomainError(
          'PROVIDER_NOT_VERIFIED',
          `${resource.provider!.name} is ${resource.provider!.verification}, not verified: it cannot publish`,
          { verification: resource.provider!.verification },
        );
      }
      await this.resources.update(
        id,
        {
          status: rule.to,
          statusReason: reason ?? null,
          ...(action === 'publish' ? { publishedAt: now } : {}),
          ...(action === 'pause'
            ? { pausedByReviewer: !actors.includes('owner') || actor.role === 'admin' }
            : {}),
          ...(action === 'resume' ? { pausedByReviewer: false } : {}),
          // Submitted: the review is due SLA_REVIEW_HOURS from now (a resubmission starts anew).
          ...(action === 'submit'
            ? {
                reviewDueAt: new Date(now.getTime() + this.config.staffSla.reviewHours * 3600_000),
                reviewOverdueAt: null,
                reviewEscalatedToAreaId: null,
              }
            : {}),
        },
        manager,
      );
      await this.audit.record(manager, {
        entityType: 'resource',
        entityId: id,
        action,
        actor,
        fromState: resource.status,
        toState: rule.to,
        reason: reason ?? null,
        areaPath: resource.coverageArea!.path,
      });
      const notice = reviewNotice(action, resource, reason ?? null, now, this.config);
      if (notice) await this.outbox.emit(manager, notice);
    });
    const after = (await this.resources.findById(id))!;
    if (action === 'publish' || action === 'resume') {
      // New supply: households with open needs it may serve are matched again. Queued after
      // commit; if Redis is down the resource still stands (logged; a later re-match catches up).
      await this.matching
        .rematchResource(id, after.version)
        .catch((error: unknown) =>
          this.logger.warn({ err: error, resourceId: id }, 'rematch not queued'),
        );
    }
    return toResourceDto(after);
  }

  /** Closes resources past their validity window (the matcher's repeatable job). */
  async expireDue(): Promise<number> {
    const today = todayInChina(this.clock.now());
    const expired = await this.tx.run(async (manager) => {
      const rows = await this.resources.expireDue(today, manager);
      await this.audit.recordMany(
        manager,
        rows.map((row) => ({
          entityType: 'resource',
          entityId: row.id,
          action: 'expire',
          actor: null,
          fromState: row.status,
          toState: 'closed',
          reason: 'expired',
          areaPath: row.path,
        })),
      );
      return rows.length;
    });
    if (expired > 0) this.logger.log({ expired }, 'closed resources past their validity');
    return expired;
  }
}
