import { Injectable } from '@nestjs/common';
import { AreasRepository, idsOnPath } from '@onedoor/areas';
import {
  AuditEntryDto,
  AuditLogRepository,
  AuditService,
  PageQueryDto,
  toAuditEntryDto,
  DomainError,
  StaleVersionError,
  ForbiddenError,
  NotFoundError,
  nullFieldErrors,
  type Page,
  type Principal,
  toPage,
  TransactionRunner,
  ValidationFailedError,
} from '@onedoor/platform';
import type { EntityManager } from 'typeorm';
import { CategoriesRepository } from './categories.repository';
import type {
  CreateResourceDto,
  ResourceDto,
  ResourceQueryDto,
  UpdateResourceDto,
} from './dto/resource.dto';
import { validateEligibilityRules } from './eligibility/eligibility.util';
import type { EligibilityRules } from './eligibility/eligibility.types';
import { ProvidersRepository } from './providers.repository';
import type { ResourceEntity } from './resource.entity';
import { toResourceDto } from './resource.mapper';
import {
  EDITABLE_FIELDS,
  isWithinReach,
  NULLABLE_RESOURCE_FIELDS,
  resourceFieldErrors,
} from './resource-rules';
import { ResourcesRepository } from './resources.repository';

/** Creating, editing and finding resources; state changes are in ResourceLifecycleService. */
@Injectable()
export class ResourcesService {
  constructor(
    private readonly resources: ResourcesRepository,
    private readonly providers: ProvidersRepository,
    private readonly categories: CategoriesRepository,
    private readonly areas: AreasRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly auditLog: AuditLogRepository,
  ) {}

  async create(dto: CreateResourceDto, actor: Principal): Promise<ResourceDto> {
    const providerId = actor.role === 'admin' ? dto.providerId : actor.providerId;
    if (actor.role !== 'admin' && dto.providerId && dto.providerId !== actor.providerId) {
      throw new ForbiddenError('You post resources for your own organization only');
    }
    if (!providerId) {
      throw new ValidationFailedError('providerId is required', [
        { field: 'providerId', constraint: 'required', message: 'is required' },
      ]);
    }
    const { providerId: _ignored, ...fields } = dto;
    const id = await this.tx.run(async (manager) => {
      const coveragePath = await this.checkFields(
        providerId,
        {
          ...fields,
          valuePerUnitFen: fields.valuePerUnitFen ?? null,
          validUntil: fields.validUntil ?? null,
          eligibility: fields.eligibility ?? null,
        },
        manager,
      );
      const newId = await this.resources.insert(
        { ...fields, providerId, status: 'draft' },
        manager,
      );
      await this.audit.record(manager, {
        entityType: 'resource',
        entityId: newId,
        action: 'create',
        actor,
        toState: 'draft',
        data: { title: fields.title, categoryCode: fields.categoryCode },
        areaPath: coveragePath,
      });
      return newId;
    });
    return toResourceDto((await this.resources.findById(id))!);
  }

  async update(id: string, dto: UpdateResourceDto, actor: Principal): Promise<ResourceDto> {
    const { version, ...changes } = dto;
    const nulls = nullFieldErrors(changes, NULLABLE_RESOURCE_FIELDS);
    if (nulls.length > 0)
      throw new ValidationFailedError(`Invalid resource: ${nulls[0].field}`, nulls);
    await this.tx.run(async (manager) => {
      const current = await this.resources.findVisible(id, actor, manager, true);
      if (!current) throw new NotFoundError('Resource', 'RESOURCE_NOT_FOUND');
      if (
        actor.role !== 'admin' &&
        !(actor.role === 'provider' && actor.providerId === current.providerId)
      ) {
        throw new ForbiddenError("Only the resource's own organization edits it");
      }
      if (current.version !== version) {
        throw new StaleVersionError('Resource', version, current.version);
      }
      const editable = EDITABLE_FIELDS[current.status];
      const refused = Object.keys(changes).filter(
        (f) => editable !== 'all' && !editable.includes(f),
      );
      if (refused.length > 0) {
        throw new DomainError(
          'RESOURCE_NOT_EDITABLE',
          `A ${current.status} resource cannot change ${refused.join(', ')}`,
          {
            status: current.status,
            fields: refused,
          },
        );
      }
      const next = { ...current, ...changes } as ResourceEntity;
      const committed = current.reserved + current.delivered;
      if (changes.capacity !== undefined && changes.capacity < committed) {
        throw new DomainError(
          'RESOURCE_CAPACITY_BELOW_COMMITTED',
          `Capacity ${changes.capacity} is below the ${committed} units already reserved or delivered`,
          { reserved: current.reserved, delivered: current.delivered },
        );
      }
      const coveragePath = await this.checkFields(current.providerId, next, manager);
      await this.resources.update(id, changes as Partial<ResourceEntity>, manager);
      await this.audit.record(manager, {
        entityType: 'resource',
        entityId: id,
        action: 'update',
        actor,
        data: {
          fields: Object.keys(changes),
          ...(changes.capacity !== undefined ? { capacity: changes.capacity } : {}),
        },
        areaPath: coveragePath,
      });
    });
    return toResourceDto((await this.resources.findById(id))!);
  }

  async list(query: ResourceQueryDto, principal: Principal): Promise<Page<ResourceDto>> {
    let coveringAreaIds: string[] | undefined;
    if (query.coversArea) {
      const area = await this.areas.findById(query.coversArea);
      coveringAreaIds = area ? idsOnPath(area.path) : [];
    }
    const rows = await this.resources.list({ ...query, coveringAreaIds }, query, principal);
    return toPage(rows, query, toResourceDto);
  }

  /** The resource's audit history, for anyone who may see the resource. */
  async history(
    id: string,
    query: PageQueryDto,
    principal: Principal,
  ): Promise<Page<AuditEntryDto>> {
    if (!(await this.resources.findVisible(id, principal)))
      throw new NotFoundError('Resource', 'RESOURCE_NOT_FOUND');
    return toPage(await this.auditLog.listForEntity('resource', id, query), query, toAuditEntryDto);
  }

  async get(id: string, principal: Principal): Promise<ResourceDto> {
    const resource = await this.resources.findVisible(id, principal);
    if (!resource) throw new NotFoundError('Resource', 'RESOURCE_NOT_FOUND');
    return toResourceDto(resource);
  }

  /** Every rule a saved resource must meet; returns the coverage area's path. */
  private async checkFields(
    providerId: string,
    r: Pick<
      ResourceEntity,
      | 'form'
      | 'serviceLevel'
      | 'valuePerUnitFen'
      | 'validFrom'
      | 'validUntil'
      | 'categoryCode'
      | 'coverageAreaId'
    > & {
      eligibility: EligibilityRules | null;
    },
    manager: EntityManager,
  ): Promise<string> {
    const ruleErrors = r.eligibility ? validateEligibilityRules(r.eligibility) : [];
    if (ruleErrors.length > 0) {
      throw new DomainError(
        'ELIGIBILITY_RULES_INVALID',
        `Invalid eligibility rules at ${ruleErrors[0].field}`,
        ruleErrors,
      );
    }
    if (!(await this.categories.exists(r.categoryCode, manager))) {
      throw new DomainError('CATEGORY_NOT_FOUND', `No category ${r.categoryCode}`, [
        { field: 'categoryCode', constraint: 'unknownCategory', message: 'unknown category' },
      ]);
    }
    const [provider, coverage] = await Promise.all([
      this.providers.findById(providerId, manager),
      this.areas.findById(r.coverageAreaId, manager),
    ]);
    if (!provider) throw new NotFoundError('Provider', 'PROVIDER_NOT_FOUND');
    if (!coverage) {
      throw new ValidationFailedError('coverageAreaId: no such area', [
        { field: 'coverageAreaId', constraint: 'unknownArea', message: 'no such area' },
      ]);
    }
    const fieldErrors = resourceFieldErrors({ ...r, coverageLevel: coverage.level });
    if (fieldErrors.length > 0) {
      throw new ValidationFailedError(`Invalid resource: ${fieldErrors[0].field}`, fieldErrors);
    }
    if (!isWithinReach(provider.kind, provider.homeArea!.path, coverage.path)) {
      throw new DomainError(
        'RESOURCE_COVERAGE_OUT_OF_REACH',
        `${provider.name} may cover only areas within its home area${provider.kind === 'government' ? "'s city" : ''}`,
      );
    }
    return coverage.path;
  }
}
