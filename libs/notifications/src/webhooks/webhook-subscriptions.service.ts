import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AreasRepository } from '@onedoor/areas';
import {
  AuditService,
  DomainError,
  ForbiddenError,
  isEventType,
  type Page,
  pageOffset,
  PiiCipher,
  type Principal,
  TransactionRunner,
} from '@onedoor/platform';
import type {
  CreatedWebhookDto,
  CreateWebhookDto,
  DeliveryQueryDto,
  UpdateWebhookDto,
  WebhookDeliveryDto,
  WebhookDto,
} from './dto/webhooks.dto';
import { urlProblem } from './url-guard';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

export function toWebhookDto(s: WebhookSubscriptionEntity): WebhookDto {
  return {
    id: s.id,
    providerId: s.providerId,
    areaId: s.areaId,
    url: s.url,
    eventTypes: s.eventTypes,
    format: s.format,
    active: s.active,
    allowPrivateNetwork: s.allowPrivateNetwork,
    hasSecret: !!s.secretEnc,
    consecutiveFailures: s.consecutiveFailures,
    disabledAt: s.disabledAt,
    createdAt: s.createdAt,
  };
}

/**
 * Webhook subscriptions: an organization's (its org admins) or an area's (civil-affairs staff
 * of that subtree); admin any. Someone else's subscription is answered 404, like a missing one.
 */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly areas: AreasRepository,
    private readonly pii: PiiCipher,
  ) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(WebhookSubscriptionEntity);
  }

  async create(dto: CreateWebhookDto, principal: Principal): Promise<CreatedWebhookDto> {
    const owner = await this.ownerFor(dto, principal);
    this.checkInput(dto, principal, dto.allowPrivateNetwork ?? false, dto.allowPrivateNetwork);
    const format = dto.format ?? 'json';
    // Robots bring their own secret (DingTalk's 加签); our JSON receivers get one if they gave none.
    const secret = dto.secret ?? (format === 'json' ? randomBytes(32).toString('base64url') : null);
    const saved = await this.tx.run(async (manager) => {
      const row = await this.repo(manager).save(
        this.repo(manager).create({
          ...owner,
          url: dto.url,
          secretEnc: secret ? this.pii.encrypt(secret) : null,
          eventTypes: dto.eventTypes as WebhookSubscriptionEntity['eventTypes'],
          format,
          active: dto.active ?? true,
          allowPrivateNetwork: dto.allowPrivateNetwork ?? false,
          createdBy: principal.userId,
        }),
      );
      await this.record(manager, row, 'create', principal, { url: row.url, format });
      return row;
    });
    return { ...toWebhookDto(saved), secret };
  }

  async list(
    principal: Principal,
    query: { page: number; limit: number },
  ): Promise<Page<WebhookDto>> {
    const qb = this.scoped(principal).orderBy('w.createdAt', 'DESC').addOrderBy('w.id');
    const [rows, total] = await qb.skip(pageOffset(query)).take(query.limit).getManyAndCount();
    return { items: rows.map(toWebhookDto), total, page: query.page, limit: query.limit };
  }

  async get(id: string, principal: Principal): Promise<WebhookDto> {
    return toWebhookDto(await this.find(id, principal));
  }

  async update(id: string, dto: UpdateWebhookDto, principal: Principal): Promise<WebhookDto> {
    return this.tx.run(async (manager) => {
      const row = await this.find(id, principal, manager);
      // An admin's leave is for the URL the admin saw: a new URL from anyone else loses it.
      const allowPrivate =
        principal.role === 'admin'
          ? (dto.allowPrivateNetwork ?? row.allowPrivateNetwork)
          : dto.url !== undefined
            ? false
            : row.allowPrivateNetwork;
      this.checkInput(
        { url: dto.url ?? row.url, eventTypes: dto.eventTypes },
        principal,
        allowPrivate,
        dto.allowPrivateNetwork,
      );
      if (dto.url !== undefined) row.url = dto.url;
      if (dto.eventTypes)
        row.eventTypes = dto.eventTypes as WebhookSubscriptionEntity['eventTypes'];
      if (dto.format) row.format = dto.format;
      if (dto.secret) row.secretEnc = this.pii.encrypt(dto.secret);
      row.allowPrivateNetwork = allowPrivate;
      if (dto.active !== undefined && dto.active !== row.active) {
        row.active = dto.active;
        // Turned back on by its owner: the failures that stopped it start counting afresh.
        if (dto.active) Object.assign(row, { consecutiveFailures: 0, disabledAt: null });
      }
      const saved = await this.repo(manager).save(row);
      await this.record(manager, saved, 'update', principal, {
        changed: Object.keys(dto).filter((k) => k !== 'secret'),
        secretChanged: !!dto.secret,
      });
      return toWebhookDto(saved);
    });
  }

  async remove(id: string, principal: Principal): Promise<void> {
    await this.tx.run(async (manager) => {
      const row = await this.find(id, principal, manager);
      await this.record(manager, row, 'delete', principal, { url: row.url });
      await this.repo(manager).delete({ id: row.id });
    });
  }

  async deliveries(
    id: string,
    query: DeliveryQueryDto,
    principal: Principal,
  ): Promise<Page<WebhookDeliveryDto>> {
    const sub = await this.find(id, principal);
    const [rows, total] = await this.dataSource.manager
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('d')
      .innerJoinAndSelect('d.event', 'e')
      .where('d.subscription_id = :id', { id: sub.id })
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id')
      .skip(pageOffset(query))
      .take(query.limit)
      .getManyAndCount();
    return {
      items: rows.map((d) => ({
        id: d.id,
        eventId: d.eventId,
        eventType: d.event!.type,
        status: d.status,
        attempts: d.attempts,
        lastStatusCode: d.lastStatusCode,
        lastError: d.lastError,
        nextAttemptAt: d.nextAttemptAt,
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
      })),
      total,
      page: query.page,
      limit: query.limit,
    };
  }

  /** The subscription if the caller may see it; otherwise (or missing) 404. */
  async find(id: string, principal: Principal, manager?: EntityManager) {
    const row = await this.scoped(principal, manager).andWhere('w.id = :id', { id }).getOne();
    if (!row) throw new DomainError('WEBHOOK_NOT_FOUND', 'Webhook subscription not found');
    return row;
  }

  private scoped(principal: Principal, manager?: EntityManager) {
    const qb = this.repo(manager).createQueryBuilder('w');
    if (principal.role === 'admin') return qb;
    if (principal.role === 'provider' && principal.isOrgAdmin && principal.providerId) {
      return qb.where('w.provider_id = :pid', { pid: principal.providerId });
    }
    if (principal.role === 'civil_affairs' && principal.areaPath) {
      return qb.where('w.area_path LIKE :prefix', { prefix: `${principal.areaPath}%` });
    }
    return qb.where('1 = 0');
  }

  private async ownerFor(
    dto: Pick<CreateWebhookDto, 'providerId' | 'areaId'>,
    principal: Principal,
  ): Promise<Pick<WebhookSubscriptionEntity, 'providerId' | 'areaId' | 'areaPath'>> {
    const invalid = (msg: string) => new DomainError('WEBHOOK_OWNER_INVALID', msg);
    if (principal.role === 'provider') {
      if (!principal.isOrgAdmin || !principal.providerId) {
        throw new ForbiddenError('Only an organization admin manages its webhooks');
      }
      if (dto.areaId) throw invalid('An organization subscribes for itself, not for an area');
      if (dto.providerId && dto.providerId !== principal.providerId) {
        throw new ForbiddenError('You may subscribe only for your own organization');
      }
      return { providerId: principal.providerId, areaId: null, areaPath: null };
    }
    if (!!dto.providerId === !!dto.areaId) {
      throw invalid('Give exactly one of providerId and areaId');
    }
    if (dto.providerId) {
      if (principal.role !== 'admin') throw invalid('Staff subscribe for an area');
      return { providerId: dto.providerId, areaId: null, areaPath: null };
    }
    const area = await this.areas.findById(dto.areaId!);
    if (
      !area ||
      (principal.role !== 'admin' && !area.path.startsWith(principal.areaPath ?? '\0'))
    ) {
      throw invalid('No such area in your scope');
    }
    return { providerId: null, areaId: area.id, areaPath: area.path };
  }

  private checkInput(
    dto: { url: string; eventTypes?: string[] },
    principal: Principal,
    allowPrivate: boolean,
    allowPrivateAsked: boolean | undefined,
  ): void {
    if (allowPrivateAsked && principal.role !== 'admin') {
      throw new ForbiddenError('Only an admin may allow private-network webhook addresses');
    }
    const problem = urlProblem(dto.url, allowPrivate);
    if (problem) throw new DomainError('WEBHOOK_URL_REFUSED', `Webhook URL ${problem}`);
    const unknown = (dto.eventTypes ?? []).filter((t) => !isEventType(t));
    if (unknown.length > 0) {
      throw new DomainError(
        'WEBHOOK_EVENT_TYPE_UNKNOWN',
        `Unknown event types: ${unknown.join(', ')}`,
        { unknown },
      );
    }
  }

  private record(
    manager: EntityManager,
    row: WebhookSubscriptionEntity,
    action: string,
    principal: Principal,
    data: Record<string, unknown>,
  ) {
    return this.audit.record(manager, {
      entityType: 'webhook_subscription',
      entityId: row.id,
      action,
      actor: principal,
      areaPath: row.areaPath,
      data: { providerId: row.providerId, areaId: row.areaId, ...data },
    });
  }
}
