import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AreasRepository } from '@onedoor/areas';
import {
  AuditService,
  Clock,
  DomainError,
  type FieldError,
  ForbiddenError,
  fieldError,
  isInScope,
  maskPhone,
  NotFoundError,
  type Page,
  PiiCipher,
  type Principal,
  TransactionRunner,
  ValidationFailedError,
} from '@onedoor/platform';
import { ReliefFundsRepository } from '../funds/relief-funds.repository';
import { canSee, ReliefFundsService } from '../funds/relief-funds.service';
import { type DonationRow, DonationsRepository } from './donations.repository';
import { toDonationDto } from './donation.mapper';
import type {
  CancelDonationDto,
  DonationDto,
  DonationQueryDto,
  PledgeDonationDto,
  ReceiveDonationDto,
} from './dto/donation.dto';

/**
 * Donations into a donation fund, from pledge to receipt. Receiving credits the fund, writes
 * its 'donation' movement and its audit row in one transaction; the pledge's conditional
 * status change makes two receives at once credit once (and the movement's unique index on the
 * donation would refuse a second credit anyway).
 *
 * A restricted donation goes only where its restriction holds for every grant the fund can
 * pay: restricted to a category, into a fund restricted to that same category (an unrestricted
 * fund could spend it on anything); restricted to an area, into a fund whose area lies inside
 * it (a fund pays the households of its own area only). Unrestricted donations go anywhere.
 */
@Injectable()
export class DonationsService {
  constructor(
    private readonly donations: DonationsRepository,
    private readonly funds: ReliefFundsRepository,
    private readonly fundsService: ReliefFundsService,
    private readonly areas: AreasRepository,
    private readonly pii: PiiCipher,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async pledge(fundId: string, dto: PledgeDonationDto, actor: Principal): Promise<DonationDto> {
    const id = await this.tx.run(async (manager) => {
      const fund = await this.fundsService.managed(fundId, actor, manager);
      if (fund.status === 'closed')
        throw new DomainError('RELIEF_FUND_CLOSED', 'A closed fund takes no donation');
      if (fund.kind !== 'donation')
        throw new DomainError(
          'RELIEF_FUND_NOT_DONATION_FUND',
          'Donations go into a donation fund, not a reserve fund',
        );
      const problems: FieldError[] = [];
      if (dto.restrictedCategoryCode && dto.restrictedCategoryCode !== fund.restrictedCategoryCode)
        problems.push(
          fieldError(
            'restrictedCategoryCode',
            'donationCategory',
            'a donation restricted to a category goes into a fund restricted to the same category',
          ),
        );
      if (dto.restrictedAreaId) {
        const area = await this.areas.findById(dto.restrictedAreaId, manager);
        if (!area) problems.push(fieldError('restrictedAreaId', 'unknownArea', 'no such area'));
        else if (!fund.areaPath.startsWith(area.path))
          problems.push(
            fieldError(
              'restrictedAreaId',
              'donationArea',
              "a donation restricted to an area goes into a fund of that area's subtree",
            ),
          );
      }
      if (problems.length) throw new ValidationFailedError('The donation is not valid', problems);
      const phone = dto.donorPhone?.trim() || null;
      const donationId = await this.donations.insert(manager, {
        fundId,
        areaPath: fund.areaPath,
        donorKind: dto.donorKind,
        donorName: dto.donorName.trim(),
        donorPhoneHmac: phone ? this.pii.digest(phone) : null,
        donorPhoneEnc: phone ? this.pii.encrypt(phone) : null,
        donorPhoneMasked: phone ? maskPhone(phone) : null,
        amountFen: dto.amountFen,
        restrictedCategoryCode: dto.restrictedCategoryCode ?? null,
        restrictedAreaId: dto.restrictedAreaId ?? null,
        note: dto.note ?? null,
        recordedById: actor.userId,
        at: this.clock.now(),
      });
      await this.audit.record(manager, {
        entityType: 'donation',
        entityId: donationId,
        action: 'pledge',
        actor,
        toState: 'pledged',
        // No phone here: the audit log is not encrypted.
        data: {
          fundId,
          donorKind: dto.donorKind,
          donorName: dto.donorName,
          amountFen: dto.amountFen,
          restrictedCategoryCode: dto.restrictedCategoryCode ?? null,
          restrictedAreaId: dto.restrictedAreaId ?? null,
        },
        areaPath: fund.areaPath,
      });
      return donationId;
    });
    return this.get(id, actor);
  }

  async receive(id: string, dto: ReceiveDonationDto, actor: Principal): Promise<DonationDto> {
    await this.tx.run(async (manager) => {
      const donation = await this.managed(id, actor, manager);
      const now = this.clock.now();
      const received = await this.donations.markReceived(manager, id, {
        receiptNumber: dto.receiptNumber?.trim() ?? null,
        byId: actor.userId,
        at: now,
      });
      if (!received)
        throw new DomainError(
          'DONATION_NOT_PLEDGED',
          'The donation is received or cancelled already',
        );
      const balance = await this.funds.credit(manager, received.fundId, received.amountFen, now);
      if (balance === null)
        throw new DomainError('RELIEF_FUND_CLOSED', 'A closed fund receives no donation');
      await this.funds.insertMovement(manager, {
        fundId: received.fundId,
        kind: 'donation',
        amountFen: received.amountFen,
        donationId: id,
        note: `${donation.donorName}${dto.receiptNumber ? `（票据 ${dto.receiptNumber.trim()}）` : ''}`,
        occurredAt: now,
        recordedById: actor.userId,
      });
      await this.audit.record(manager, {
        entityType: 'donation',
        entityId: id,
        action: 'receive',
        actor,
        fromState: 'pledged',
        toState: 'received',
        data: {
          fundId: received.fundId,
          amountFen: received.amountFen,
          balanceFen: balance,
          receiptNumber: dto.receiptNumber ?? null,
        },
        areaPath: donation.areaPath,
      });
    });
    return this.get(id, actor);
  }

  async cancel(id: string, dto: CancelDonationDto, actor: Principal): Promise<DonationDto> {
    await this.tx.run(async (manager) => {
      const donation = await this.managed(id, actor, manager);
      const cancelled = await this.donations.markCancelled(manager, id, {
        reason: dto.reason,
        at: this.clock.now(),
      });
      if (!cancelled)
        throw new DomainError(
          'DONATION_NOT_PLEDGED',
          'The donation is received or cancelled already',
        );
      await this.audit.record(manager, {
        entityType: 'donation',
        entityId: id,
        action: 'cancel',
        actor,
        fromState: 'pledged',
        toState: 'cancelled',
        reason: dto.reason,
        data: { fundId: donation.fundId, amountFen: donation.amountFen },
        areaPath: donation.areaPath,
      });
    });
    return this.get(id, actor);
  }

  async get(id: string, actor: Principal): Promise<DonationDto> {
    return toDonationDto(await this.visible(id, actor));
  }

  async listByFund(
    fundId: string,
    query: DonationQueryDto,
    actor: Principal,
  ): Promise<Page<DonationDto>> {
    await this.fundsService.visible(fundId, actor);
    const { rows, total } = await this.donations.listByFund(fundId, query, query);
    return { items: rows.map(toDonationDto), page: query.page, limit: query.limit, total };
  }

  private async visible(
    id: string,
    actor: Principal,
    manager?: EntityManager,
  ): Promise<DonationRow> {
    const readers = ['civil_affairs', 'assessor', 'admin'];
    const row = readers.includes(actor.role) ? await this.donations.find(id, manager) : null;
    if (!row || !canSee(actor, row.areaPath))
      throw new NotFoundError('Donation', 'DONATION_NOT_FOUND');
    return row;
  }

  /** The donation if the caller manages its fund: 404 unseen, 403 seen but not theirs. */
  private async managed(
    id: string,
    actor: Principal,
    manager: EntityManager,
  ): Promise<DonationRow> {
    // In the caller's transaction: a read on another connection while it holds one would
    // exhaust the pool when many receives arrive at once.
    const row = await this.visible(id, actor, manager);
    if (!['civil_affairs', 'admin'].includes(actor.role) || !isInScope(actor, row.areaPath))
      throw new ForbiddenError('Donations are handled by the staff of the fund’s area');
    return row;
  }
}
