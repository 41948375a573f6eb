import { Injectable } from '@nestjs/common';
import { AreasRepository } from '@onedoor/areas';
import {
  AuditService,
  DomainError,
  StaleVersionError,
  ForbiddenError,
  isInScope,
  isUniqueViolation,
  NotFoundError,
  nullFieldErrors,
  type Page,
  type Principal,
  toPage,
  TransactionRunner,
  ValidationFailedError,
} from '@onedoor/platform';
import type {
  CreateProviderDto,
  ProviderDto,
  ProviderQueryDto,
  UpdateProviderDto,
  VerifyProviderDto,
} from './dto/provider.dto';
import { ProvidersRepository } from './providers.repository';
import { toProviderDto } from './resource.mapper';

@Injectable()
export class ProvidersService {
  constructor(
    private readonly providers: ProvidersRepository,
    private readonly areas: AreasRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateProviderDto, actor: Principal): Promise<ProviderDto> {
    const home = await this.areas.findById(dto.homeAreaId);
    if (!home)
      throw new ValidationFailedError('homeAreaId: no such area', [
        { field: 'homeAreaId', constraint: 'unknownArea', message: 'no such area' },
      ]);
    // Civil-affairs staff register organizations of their own area.
    if (!isInScope(actor, home.path))
      throw new ForbiddenError('The home area is outside your area');
    try {
      const id = await this.tx.run(async (manager) => {
        const newId = await this.providers.insert({ ...dto, verification: 'pending' }, manager);
        await this.audit.record(manager, {
          entityType: 'provider',
          entityId: newId,
          action: 'create',
          actor,
          toState: 'pending',
          data: { name: dto.name, kind: dto.kind, uscc: dto.uscc },
          areaPath: home.path,
        });
        return newId;
      });
      return toProviderDto((await this.providers.findById(id))!);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(
          'PROVIDER_USCC_TAKEN',
          `A provider with code ${dto.uscc} is already registered`,
        );
      }
      throw error;
    }
  }

  async list(query: ProviderQueryDto, principal: Principal): Promise<Page<ProviderDto>> {
    return toPage(await this.providers.list(query, query, principal), query, toProviderDto);
  }

  async get(id: string, principal: Principal): Promise<ProviderDto> {
    const provider = await this.providers.findVisible(id, principal);
    if (!provider) throw new NotFoundError('Provider', 'PROVIDER_NOT_FOUND');
    return toProviderDto(provider);
  }

  /** The organization's own users, staff of its area, or admin may edit its details. */
  async update(id: string, dto: UpdateProviderDto, actor: Principal): Promise<ProviderDto> {
    const { version, ...changes } = dto;
    const nulls = nullFieldErrors(changes, ['contactName', 'contactPhone', 'address']);
    if (nulls.length > 0)
      throw new ValidationFailedError(`Invalid provider: ${nulls[0].field}`, nulls);
    await this.tx.run(async (manager) => {
      const provider = await this.providers.findVisible(id, actor, manager, true);
      if (!provider) throw new NotFoundError('Provider', 'PROVIDER_NOT_FOUND');
      const own = actor.role === 'provider' && actor.providerId === provider.id;
      const staff = actor.role === 'civil_affairs' && isInScope(actor, provider.homeArea!.path);
      if (!own && !staff && actor.role !== 'admin') throw new ForbiddenError();
      if (!(await this.providers.updateVersioned(id, version, changes, manager))) {
        throw new StaleVersionError('Provider', version, provider.version);
      }
      await this.audit.record(manager, {
        entityType: 'provider',
        entityId: id,
        action: 'update',
        actor,
        data: { fields: Object.keys(changes) },
        areaPath: provider.homeArea!.path,
      });
    });
    return toProviderDto((await this.providers.findById(id))!);
  }

  /** Civil-affairs staff of the provider's area set its verification, with a reason. */
  async verify(id: string, dto: VerifyProviderDto, actor: Principal): Promise<ProviderDto> {
    await this.tx.run(async (manager) => {
      const provider = await this.providers.findVisible(id, actor, manager, true);
      if (!provider) throw new NotFoundError('Provider', 'PROVIDER_NOT_FOUND');
      if (!isInScope(actor, provider.homeArea!.path)) {
        throw new ForbiddenError("Only civil-affairs staff of the provider's area may verify it");
      }
      if (provider.verification === dto.status) {
        throw new DomainError('PROVIDER_INVALID_TRANSITION', `Provider is already ${dto.status}`, {
          verification: provider.verification,
        });
      }
      await this.providers.updateVersioned(
        id,
        provider.version,
        { verification: dto.status },
        manager,
      );
      await this.audit.record(manager, {
        entityType: 'provider',
        entityId: id,
        action: 'verify',
        actor,
        fromState: provider.verification,
        toState: dto.status,
        reason: dto.reason,
        areaPath: provider.homeArea!.path,
      });
    });
    return toProviderDto((await this.providers.findById(id))!);
  }
}
