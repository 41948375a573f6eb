import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AreasRepository } from '@onedoor/areas';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  Clock,
  DomainError,
  EventOutbox,
  isUniqueViolation,
  type Page,
  PiiCipher,
  type Principal,
  toPage,
  TransactionRunner,
  ValidationFailedError,
} from '@onedoor/platform';
import { ProvidersRepository } from '@onedoor/resources';
import type {
  ApprovedProviderApplicationDto,
  ApproveProviderApplicationDto,
  CreateProviderApplicationDto,
  ProviderApplicationDto,
  ProviderApplicationQueryDto,
  ProviderApplicationReceiptDto,
  RejectProviderApplicationDto,
} from '../dto/provider-applications.dto';
import { UsersService } from '../users.service';
import { ApplicationThrottleService } from './application-throttle.service';
import type { ProviderApplicationEntity } from './provider-application.entity';
import { toProviderApplicationDto } from './provider-application.mapper';
import { ProviderApplicationsRepository } from './provider-applications.repository';

/** The levels an organization may call home (a city is too wide for one office to review). */
const HOME_LEVELS = ['district', 'street', 'community'];

/**
 * Organizations apply to join (no login); civil-affairs staff of the home area (or admin)
 * approve or reject. Approval creates the provider, verified, and its first user as
 * organization admin with a one-time set-password token, all in one transaction.
 */
@Injectable()
export class ProviderApplicationsService {
  constructor(
    private readonly applications: ProviderApplicationsRepository,
    private readonly throttle: ApplicationThrottleService,
    private readonly areas: AreasRepository,
    private readonly providers: ProvidersRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly pii: PiiCipher,
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
    private readonly outbox: EventOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async apply(
    dto: CreateProviderApplicationDto,
    clientAddress: string,
  ): Promise<ProviderApplicationReceiptDto> {
    await this.throttle.consume(clientAddress);
    const home = await this.areas.findById(dto.homeAreaId);
    if (!home || !HOME_LEVELS.includes(home.level)) {
      throw new ValidationFailedError('homeAreaId: no such district, street or community', [
        {
          field: 'homeAreaId',
          constraint: 'unknownArea',
          message: 'no such district, street or community',
        },
      ]);
    }
    if (await this.providers.findByUscc(dto.uscc)) throw usccTaken(dto.uscc);
    try {
      // Staff of the home area review it within SLA_APPLICATION_HOURS.
      const dueAt = new Date(
        this.clock.now().getTime() + this.config.staffSla.applicationHours * 3600_000,
      );
      const created = await this.tx.run(async (manager) => {
        const application = await this.applications.insert(
          {
            uscc: dto.uscc,
            name: dto.name,
            kind: dto.kind,
            homeAreaId: home.id,
            address: dto.address,
            contactNameEnc: this.pii.encrypt(dto.contactName),
            contactPhoneEnc: this.pii.encrypt(dto.contactPhone),
            contactEmailEnc: this.pii.encrypt(dto.contactEmail),
            username: dto.username,
            status: 'pending',
            dueAt,
          },
          manager,
        );
        await this.audit.record(manager, {
          entityType: 'provider_application',
          entityId: application.id,
          action: 'create',
          actor: null,
          toState: 'pending',
          data: { uscc: dto.uscc, name: dto.name, kind: dto.kind, username: dto.username },
          areaPath: home.path,
        });
        // The contact person's details stay out of the notice (they are encrypted at rest).
        await this.outbox.emit(manager, {
          type: 'provider_application.received',
          entityType: 'provider_application',
          entityId: application.id,
          areaPath: home.path,
          audience: [{ roles: ['civil_affairs'], areaPath: home.path }],
          data: {
            applicationId: application.id,
            name: dto.name,
            kind: dto.kind,
            uscc: dto.uscc,
            homeAreaId: home.id,
            homeAreaName: home.name,
            dueAt: dueAt.toISOString(),
          },
        });
        return application;
      });
      return { id: created.id, status: created.status, createdAt: created.createdAt.toISOString() };
    } catch (error) {
      // The partial unique index: another application with this code is pending.
      if (isUniqueViolation(error)) {
        throw new DomainError(
          'PROVIDER_APPLICATION_DUPLICATE',
          `An application for code ${dto.uscc} is already pending`,
        );
      }
      throw error;
    }
  }

  async list(
    query: ProviderApplicationQueryDto,
    actor: Principal,
  ): Promise<Page<ProviderApplicationDto>> {
    return toPage(await this.applications.list(query, actor), query, (a) =>
      toProviderApplicationDto(a, this.pii),
    );
  }

  async get(id: string, actor: Principal): Promise<ProviderApplicationDto> {
    return toProviderApplicationDto(await this.reviewable(id, actor), this.pii, true);
  }

  /**
   * Creates the provider (verified: staff checked it in approving) and its first user,
   * organization admin, in one transaction with the decision and its audit rows. The
   * application's row is locked first: of two reviewers deciding at once, the second finds it
   * decided (409). A taken username rolls everything back (409 USERNAME_TAKEN); the reviewer
   * may approve again with another `username`.
   */
  async approve(
    id: string,
    dto: ApproveProviderApplicationDto,
    actor: Principal,
  ): Promise<ApprovedProviderApplicationDto> {
    // The username asked for never changes: read before the transaction, for the 409's message.
    const username = dto.username ?? (await this.reviewable(id, actor)).username;
    return this.users.withUniqueUsername(username, () =>
      this.tx.run(async (manager) => {
        const application = await this.pending(id, actor, manager);
        const providerId = await this.insertProvider(application, actor, manager);
        const { userId, token } = await this.users.insertAccount(
          {
            username,
            displayName: this.pii.decrypt(application.contactNameEnc),
            role: 'provider',
            areaId: application.homeAreaId,
            providerId,
            isOrgAdmin: true,
            evaluatorType: null,
            phone: this.pii.decrypt(application.contactPhoneEnc),
            email: this.pii.decrypt(application.contactEmailEnc),
          },
          // The system creates it: staff may not create provider accounts themselves; the
          // approval (audited below with the reviewer) is what allows this one.
          null,
          manager,
        );
        await this.decide(
          application,
          { status: 'approved', reason: dto.reason ?? null, providerId, userId },
          actor,
          manager,
          { username },
        );
        const decided = (await this.applications.findReviewable(id, actor, manager))!;
        return {
          ...toProviderApplicationDto(decided, this.pii, true),
          adminUsername: username,
          setPasswordToken: token!.token,
          setPasswordTokenExpiresAt: token!.expiresAt.toISOString(),
        };
      }),
    );
  }

  async reject(
    id: string,
    dto: RejectProviderApplicationDto,
    actor: Principal,
  ): Promise<ProviderApplicationDto> {
    return this.tx.run(async (manager) => {
      const application = await this.pending(id, actor, manager);
      await this.decide(
        application,
        { status: 'rejected', reason: dto.reason, providerId: null, userId: null },
        actor,
        manager,
      );
      const decided = (await this.applications.findReviewable(id, actor, manager))!;
      return toProviderApplicationDto(decided, this.pii, true);
    });
  }

  private async reviewable(
    id: string,
    actor: Principal,
    manager?: EntityManager,
  ): Promise<ProviderApplicationEntity> {
    const application = await this.applications.findReviewable(id, actor, manager);
    if (!application) {
      throw new DomainError('PROVIDER_APPLICATION_NOT_FOUND', 'Provider application not found');
    }
    return application;
  }

  /** The application, row-locked, if it still waits for a decision. */
  private async pending(
    id: string,
    actor: Principal,
    manager: EntityManager,
  ): Promise<ProviderApplicationEntity> {
    const application = await this.reviewable(id, actor, manager);
    if (application.status !== 'pending') {
      throw new DomainError(
        'PROVIDER_APPLICATION_DECIDED',
        `The application was already ${application.status}`,
        { status: application.status },
      );
    }
    return application;
  }

  private async insertProvider(
    a: ProviderApplicationEntity,
    actor: Principal,
    manager: EntityManager,
  ): Promise<string> {
    let providerId: string;
    try {
      // The provider's contact fields are public (the HSDS export): the applicant's personal
      // contact stays on the admin account; the organization sets a public contact itself.
      providerId = await this.providers.insert(
        {
          kind: a.kind,
          name: a.name,
          uscc: a.uscc,
          homeAreaId: a.homeAreaId,
          address: a.address,
          verification: 'verified',
        },
        manager,
      );
    } catch (error) {
      // Registered meanwhile (by staff directly): the provider's unique code.
      if (isUniqueViolation(error)) throw usccTaken(a.uscc);
      throw error;
    }
    await this.audit.record(manager, {
      entityType: 'provider',
      entityId: providerId,
      action: 'create',
      actor,
      toState: 'verified',
      data: { name: a.name, kind: a.kind, uscc: a.uscc, applicationId: a.id },
      areaPath: a.homeArea!.path,
    });
    return providerId;
  }

  private async decide(
    a: ProviderApplicationEntity,
    outcome: {
      status: 'approved' | 'rejected';
      reason: string | null;
      providerId: string | null;
      userId: string | null;
    },
    actor: Principal,
    manager: EntityManager,
    data: Record<string, unknown> = {},
  ): Promise<void> {
    await this.applications.decide(
      a.id,
      { ...outcome, decidedBy: actor.userId, decidedAt: this.clock.now() },
      manager,
    );
    await this.audit.record(manager, {
      entityType: 'provider_application',
      entityId: a.id,
      action: outcome.status === 'approved' ? 'approve' : 'reject',
      actor,
      fromState: 'pending',
      toState: outcome.status,
      reason: outcome.reason ?? undefined,
      data: { ...data, providerId: outcome.providerId, userId: outcome.userId },
      areaPath: a.homeArea!.path,
    });
  }
}

function usccTaken(uscc: string): DomainError {
  return new DomainError(
    'PROVIDER_USCC_TAKEN',
    `A provider with code ${uscc} is already registered`,
  );
}
