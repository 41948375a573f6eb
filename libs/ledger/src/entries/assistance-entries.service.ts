import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AuditService,
  Clock,
  DomainError,
  type FieldError,
  ForbiddenError,
  fieldError,
  isInScope,
  NotFoundError,
  type Page,
  PiiCipher,
  type Principal,
  todayInChina,
  TransactionRunner,
  ValidationFailedError,
} from '@onedoor/platform';
import { HouseholdsRepository, NeedsRepository, normaliseIdNumber } from '@onedoor/households';
import { CategoriesRepository, ResourcesRepository } from '@onedoor/resources';
import {
  AssistanceEntriesRepository,
  type HouseholdFacts,
  type NewAssistanceEntry,
} from './assistance-entries.repository';
import { toAssistanceEntryDto, toHistoryItemDto } from './assistance-entry.mapper';
import type {
  AssistanceEntryDto,
  AssistanceEntryQueryDto,
  HouseholdAssistanceDto,
  RecordAssistanceEntryDto,
  VoidAssistanceEntryDto,
} from './dto/assistance-entry.dto';
import { StackingRepository } from '../stacking/stacking.repository';
import { GrantingOrganizations } from './granting-organizations';

/** What a referral's delivery hands the ledger (matching's referral, as plain values). */
export interface DeliveredReferral {
  referralId: string;
  householdId: string;
  needId: string;
  providerId: string;
  resourceId: string;
  categoryCode: string;
  deliveredAt: Date;
  units: number | null;
  /** What the provider says it delivered, fen; null: what it covers, else the resource's value. */
  amountDeliveredFen: string | null;
  /** For a money-gap need: what the referral was approved to cover of the gap (fen). */
  coversFen: string | null;
}

/** Who may record: the granting organizations (providers) and civil-affairs staff, admin. */
const RECORDERS: readonly string[] = ['provider', 'civil_affairs', 'admin'];
/** Who reads a household's history and the entries list. */
const READERS: readonly string[] = ['provider', 'civil_affairs', 'assessor', 'admin'];

/**
 * The ledger's entries: help given outside OneDoor recorded by the organization that gave it
 * (or by civil-affairs staff naming it), OneDoor deliveries written in the delivery's
 * transaction, and the household's assistance history.
 *
 * A provider's reach is its organization's home area subtree (departments are government
 * providers of a district or street): it records for, and reads the history of, households
 * whose community lies there, and sees only what its own organization granted. Staff see the
 * households of their area; assessors read but do not record (they do not grant).
 */
@Injectable()
export class AssistanceEntriesService {
  constructor(
    private readonly entries: AssistanceEntriesRepository,
    private readonly needs: NeedsRepository,
    private readonly categories: CategoriesRepository,
    private readonly resources: ResourcesRepository,
    private readonly pii: PiiCipher,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly stacking: StackingRepository,
    private readonly households: HouseholdsRepository,
    private readonly orgs: GrantingOrganizations,
  ) {}

  async record(dto: RecordAssistanceEntryDto, actor: Principal): Promise<AssistanceEntryDto> {
    if (!RECORDERS.includes(actor.role))
      throw new ForbiddenError('Assistance is recorded by the organization that granted it');
    const id = await this.tx.run(async (manager) => {
      const reachPath = await this.orgs.reachOf(actor, manager);
      const { household, memberId } = await this.householdOf(dto, actor, reachPath, manager);
      // The household's lock (LOCK_ORDER in libs/matching), before the insert: an approval
      // holding it re-checks the stacking rules against the household's benefits, and must not
      // miss one committed while it decides. No row lock is held yet (householdOf reads only).
      await this.stacking.lockHousehold(manager, household.id);
      const granting = await this.orgs.granting(dto, actor, manager);
      this.checkPeriod(dto);
      const problems: FieldError[] = [];
      if (dto.form === 'cash' && (dto.amountFen === undefined || dto.amountFen === null))
        problems.push(fieldError('amountFen', 'required', 'amountFen is required for cash'));
      if (!(await this.categories.exists(dto.categoryCode, manager)))
        problems.push(fieldError('categoryCode', 'unknownCategory', 'no such category'));
      if (dto.needId) {
        const own = await this.needs.ofHousehold(household.id, manager);
        if (!own.some((n) => n.id === dto.needId))
          problems.push(fieldError('needId', 'unknownNeed', "not one of the household's needs"));
      }
      if (dto.resourceId) {
        const resource = await this.resources.findById(dto.resourceId, manager);
        // A provider grants under its own resources only; staff naming a provider, under that
        // provider's; staff naming an outside organization, under any resource.
        if (!resource || (granting.providerId && resource.providerId !== granting.providerId))
          problems.push(
            fieldError('resourceId', 'unknownResource', "not the granting organization's resource"),
          );
      }
      if (problems.length) throw new ValidationFailedError('The entry is not valid', problems);

      const entry: NewAssistanceEntry = {
        householdId: household.id,
        memberId,
        needId: dto.needId ?? null,
        source: 'entry',
        providerId: granting.providerId,
        grantedBy: granting.grantedBy,
        resourceId: dto.resourceId ?? null,
        categoryCode: dto.categoryCode,
        title: dto.title.trim(),
        form: dto.form,
        frequency: dto.frequency,
        amountFen: dto.amountFen ?? null,
        units: dto.units ?? null,
        startsOn: dto.startsOn,
        endsOn: dto.frequency === 'one_off' ? dto.startsOn : (dto.endsOn ?? null),
        areaPath: household.areaPath,
        tier: household.tier,
        residency: household.residency,
        note: dto.note ?? null,
        recordedById: actor.userId,
      };
      const [entryId] = await this.entries.insertMany(manager, [entry]);
      await this.audit.record(manager, {
        entityType: 'assistance_entry',
        entityId: entryId,
        action: 'record',
        actor,
        toState: 'active',
        // No identity number here: the audit log is not encrypted.
        data: {
          householdId: household.id,
          memberId,
          byIdNumber: Boolean(dto.idNumber),
          providerId: granting.providerId,
          grantedBy: granting.grantedBy,
          categoryCode: dto.categoryCode,
          title: entry.title,
          form: dto.form,
          frequency: dto.frequency,
          amountFen: entry.amountFen,
          startsOn: entry.startsOn,
          endsOn: entry.endsOn,
        },
        areaPath: household.areaPath,
      });
      return entryId;
    });
    return this.get(id, actor);
  }

  /** The recording organization's users, or civil-affairs staff in scope and admin. */
  async void(
    id: string,
    dto: VoidAssistanceEntryDto,
    actor: Principal,
  ): Promise<AssistanceEntryDto> {
    await this.tx.run(async (manager) => {
      await this.entries.lock(id, manager);
      const row = await this.entries.find(id, manager);
      if (!row || !this.canSee(actor, row)) throw this.entryNotFound();
      if (actor.role === 'assessor')
        throw new ForbiddenError(
          'Entries are voided by the organization that recorded them or by civil-affairs staff',
        );
      if (row.source === 'referral')
        throw new DomainError(
          'ASSISTANCE_ENTRY_NOT_VOIDABLE',
          "A referral's delivery entry cannot be voided by hand",
        );
      if (row.status === 'voided')
        throw new DomainError('ASSISTANCE_ENTRY_VOIDED', 'The entry is voided already');
      const now = this.clock.now();
      await this.entries.setVoided(manager, id, {
        reason: dto.reason,
        byId: actor.userId,
        at: now,
      });
      await this.audit.record(manager, {
        entityType: 'assistance_entry',
        entityId: id,
        action: 'void',
        actor,
        fromState: 'active',
        toState: 'voided',
        reason: dto.reason,
        data: { householdId: row.householdId, title: row.title, grantedBy: row.grantedBy },
        areaPath: row.areaPath,
      });
    });
    return this.get(id, actor);
  }

  async get(id: string, actor: Principal): Promise<AssistanceEntryDto> {
    const row = await this.entries.find(id);
    if (!row || !this.canSee(actor, row)) throw this.entryNotFound();
    return toAssistanceEntryDto(row, actor.role !== 'provider');
  }

  async list(query: AssistanceEntryQueryDto, actor: Principal): Promise<Page<AssistanceEntryDto>> {
    if (!READERS.includes(actor.role)) throw new ForbiddenError('Not a reader of the ledger');
    const { rows, total } = await this.entries.list(query, query, actor);
    const staff = actor.role !== 'provider';
    return {
      items: rows.map((r) => toAssistanceEntryDto(r, staff)),
      page: query.page,
      limit: query.limit,
      total,
    };
  }

  /**
   * The household's assistance history. Staff and assessors in scope see everything; a
   * provider within reach sees what its organization granted; anyone else gets the 404 a
   * missing household gets.
   */
  async history(householdId: string, actor: Principal): Promise<HouseholdAssistanceDto> {
    if (!READERS.includes(actor.role)) throw this.householdNotFound();
    const household = await this.entries.householdFacts(householdId);
    const reach = await this.orgs.reachOf(actor);
    if (!household || !this.reaches(actor, reach, household.areaPath))
      throw this.householdNotFound();
    const rows = await this.entries.history(
      householdId,
      actor.role === 'provider' ? actor.providerId : null,
    );
    return { householdId, items: rows.map(toHistoryItemDto) };
  }

  /**
   * A referral's delivery enters the ledger, in the delivery's transaction: granted by the
   * provider under the resource, one-off on the delivery's Beijing date, for the amount
   * delivered, else what it was approved to cover of a money gap (what was left of it, not the
   * full value), else the resource's value per unit. Written once per referral (the unique
   * index on referral_id: a retried delivery adds nothing).
   */
  async recordDelivery(manager: EntityManager, d: DeliveredReferral): Promise<void> {
    const resource = await this.resources.findById(d.resourceId, manager);
    const household = await this.entries.householdFacts(d.householdId, manager);
    if (!resource || !household)
      throw new Error(`Referral ${d.referralId}: resource or household missing`);
    const day = todayInChina(d.deliveredAt);
    await this.entries.insertMany(manager, [
      {
        householdId: d.householdId,
        needId: d.needId,
        source: 'referral',
        referralId: d.referralId,
        providerId: d.providerId,
        grantedBy: resource.provider?.name ?? '',
        resourceId: d.resourceId,
        categoryCode: d.categoryCode,
        title: resource.title,
        form: resource.form,
        frequency: 'one_off',
        amountFen:
          d.amountDeliveredFen !== null
            ? Number(d.amountDeliveredFen)
            : d.coversFen !== null
              ? Number(d.coversFen)
              : (resource.valuePerUnitFen ?? null),
        units: d.units,
        startsOn: day,
        endsOn: day,
        areaPath: household.areaPath,
        tier: household.tier,
        residency: household.residency,
        recordedById: null,
      },
    ]);
  }

  private reaches(actor: Principal, reachPath: string | null, path: string): boolean {
    if (actor.role === 'provider') return reachPath !== null && path.startsWith(reachPath);
    return isInScope(actor, path);
  }

  /** The household by id (404 outside reach) or by a member's identity digest. */
  private async householdOf(
    dto: RecordAssistanceEntryDto,
    actor: Principal,
    reachPath: string | null,
    manager: EntityManager,
  ): Promise<{ household: HouseholdFacts; memberId: string | null }> {
    if (Boolean(dto.householdId) === Boolean(dto.idNumber)) {
      throw new ValidationFailedError('Give a household or an identity number', [
        fieldError(
          dto.householdId ? 'idNumber' : 'householdId',
          'householdOrIdNumber',
          'give householdId or idNumber, not both',
        ),
      ]);
    }
    if (dto.householdId) {
      const household = await this.entries.householdFacts(dto.householdId, manager);
      if (!household || !this.reaches(actor, reachPath, household.areaPath))
        throw this.householdNotFound();
      return { household, memberId: null };
    }
    const hits = await this.households.membersListing(
      [this.pii.digest(normaliseIdNumber(dto.idNumber!))],
      manager,
    );
    // Only households within reach count: one elsewhere (or exited) answers as no one does.
    const hit = hits.find((h) => this.reaches(actor, reachPath, h.areaPath));
    if (!hit)
      throw new DomainError(
        'ASSISTANCE_PERSON_NOT_FOUND',
        'No household within your reach lists this identity number',
      );
    const { householdId: id, areaPath, tier, residency, memberId } = hit;
    return { household: { id, areaPath, tier, residency }, memberId };
  }

  /** A one-off has one day (help given, so not later than today); a period does not run backwards. */
  private checkPeriod(dto: RecordAssistanceEntryDto): void {
    const problems: FieldError[] = [];
    const today = todayInChina(this.clock.now());
    if (dto.frequency === 'one_off') {
      if (dto.endsOn != null && dto.endsOn !== dto.startsOn)
        problems.push(fieldError('endsOn', 'oneOffPeriod', 'a one-off ends the day it starts'));
      if (dto.startsOn > today)
        problems.push(
          fieldError('startsOn', 'notAfter', 'a one-off benefit is given by today', {
            other: today,
          }),
        );
    } else if (dto.endsOn != null && dto.endsOn < dto.startsOn) {
      problems.push(
        fieldError('endsOn', 'notBefore', 'endsOn is before startsOn', { other: dto.startsOn }),
      );
    }
    if (problems.length) throw new ValidationFailedError('The period is not valid', problems);
  }

  private canSee(actor: Principal, row: { providerId: string | null; areaPath: string }): boolean {
    if (actor.role === 'provider') return !!actor.providerId && row.providerId === actor.providerId;
    if (!READERS.includes(actor.role)) return false;
    return isInScope(actor, row.areaPath);
  }

  private entryNotFound() {
    return new NotFoundError('Assistance entry', 'ASSISTANCE_ENTRY_NOT_FOUND');
  }

  private householdNotFound() {
    return new NotFoundError('Household', 'ASSISTANCE_HOUSEHOLD_NOT_FOUND');
  }
}
