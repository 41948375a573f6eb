import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AuditService,
  Clock,
  DomainError,
  ForbiddenError,
  formatYuan,
  isInScope,
  NotFoundError,
  type Page,
  type PageQueryDto,
  type Principal,
  TransactionRunner,
  ValidationFailedError,
} from '@onedoor/platform';
import { GrantLimitsRepository, type AreaLimitRow } from './grant-limits.repository';
import { type EffectiveLimit, effectiveLimit, GRANT_DECIDERS, NO_LIMIT } from './grant-limits.util';
import type { GrantLimitDto } from './dto/emergency-grant.dto';

/** Nobody's limit: who does not decide grants approves nothing. */
const NOTHING: EffectiveLimit = { maxFen: 0, isDefault: true };

/**
 * Delegated limits: the largest grant an officer approves alone is the limit of their scope
 * area (its row, else its level's default); admin has none. An area's row is set by admin or
 * by civil-affairs staff of an area strictly above it — never by the area's own staff.
 */
@Injectable()
export class GrantLimitsService {
  constructor(
    private readonly limits: GrantLimitsRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The caller's effective limit (read in the caller's transaction when given). */
  async limitOf(actor: Principal, manager?: EntityManager): Promise<EffectiveLimit> {
    if (actor.role === 'admin') return NO_LIMIT;
    if (!GRANT_DECIDERS.includes(actor.role) || !actor.areaId) return NOTHING;
    const row = await this.limits.ofArea(actor.areaId, manager);
    if (!row) return NOTHING;
    return effectiveLimit(row.level, row.hasRow ? row : null);
  }

  async list(actor: Principal, page: PageQueryDto): Promise<Page<GrantLimitDto>> {
    if (!GRANT_DECIDERS.includes(actor.role) && actor.role !== 'assessor')
      throw new ForbiddenError('Limits are read by civil-affairs staff and advisers');
    const { rows, total } = await this.limits.inScope(actor, page);
    return {
      items: rows.map((r) => this.toDto(r, actor)),
      page: page.page,
      limit: page.limit,
      total,
    };
  }

  async set(actor: Principal, areaId: string, maxFen: number | null): Promise<GrantLimitDto> {
    await this.tx.run(async (manager) => {
      const area = await this.limits.ofArea(areaId, manager);
      if (!area || !isInScope(actor, area.path)) throw new NotFoundError('Area', 'AREA_NOT_FOUND');
      if (!this.mayEdit(actor, area.path))
        throw new DomainError(
          'GRANT_LIMIT_FORBIDDEN',
          'A limit is set by admin or by civil-affairs staff of an area above it',
        );
      // Delegation hands down at most what one holds: a street officer (¥5,000) cannot make a
      // community's officers unlimited, nor give them more than their own limit.
      const own = await this.limitOf(actor, manager);
      if (own.maxFen !== null && (maxFen === null || maxFen > own.maxFen))
        throw new ValidationFailedError('A limit above your own cannot be delegated', [
          {
            field: 'maxFen',
            constraint: 'grantLimitAboveOwn',
            message: `at most your own limit of ${own.maxFen} fen`,
            params: { limitYuan: formatYuan(own.maxFen) },
          },
        ]);
      await this.limits.upsert(manager, areaId, maxFen, actor.userId, this.clock.now());
      await this.audit.record(manager, {
        entityType: 'relief_grant_limit',
        entityId: areaId,
        action: 'set_limit',
        actor,
        data: {
          from: area.hasRow ? area.maxFen : 'default',
          to: maxFen === null ? null : String(maxFen),
        },
        areaPath: area.path,
      });
    });
    const row = (await this.limits.ofArea(areaId))!;
    return this.toDto(row, actor);
  }

  /** Admin, or civil-affairs staff of an area strictly above. */
  private mayEdit(actor: Principal, path: string): boolean {
    if (actor.role === 'admin') return true;
    return (
      actor.role === 'civil_affairs' &&
      !!actor.areaPath &&
      path.startsWith(actor.areaPath) &&
      path !== actor.areaPath
    );
  }

  private toDto(r: AreaLimitRow, actor: Principal): GrantLimitDto {
    const limit = effectiveLimit(r.level, r.hasRow ? r : null);
    return {
      areaId: r.areaId,
      areaName: r.name,
      level: r.level,
      maxFen: limit.maxFen,
      isDefault: limit.isDefault,
      canEdit: this.mayEdit(actor, r.path),
    };
  }
}
