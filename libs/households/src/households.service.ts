import { Injectable } from '@nestjs/common';
import { AreasRepository } from '@onedoor/areas';
import {
  AuditService,
  Clock,
  DomainError,
  StaleVersionError,
  ForbiddenError,
  isInScope,
  isUniqueViolation,
  maskIdNumber,
  NotFoundError,
  nullFieldErrors,
  isOffsetQuery,
  type ListPage,
  PiiCipher,
  type Principal,
  todayInChina,
  TransactionRunner,
  ValidationFailedError,
} from '@onedoor/platform';
import type { EntityManager } from 'typeorm';
import type {
  CreateHouseholdDto,
  HouseholdDto,
  HouseholdQueryDto,
  HouseholdSummaryDto,
  HouseholdWarningDto,
  MemberInputDto,
  NeedDto,
  UpdateHouseholdDto,
} from './dto/household.dto';
import type { HouseholdEntity } from './household.entity';
import { summaryRowToDto, toHouseholdDto, toNeedDto } from './household.mapper';
import { NeedsRepository } from './needs.repository';
import { HouseholdsRepository } from './households.repository';
import { birthDateOf, genderOf, normaliseIdNumber } from './id-number.util';
import { phoneDigest } from './household-search';
import type { MemberEntity } from './member.entity';
import { CasesService } from './cases/cases.service';

/** Registering, editing and reading households; assessments are in AssessmentsService. */
@Injectable()
export class HouseholdsService {
  constructor(
    private readonly households: HouseholdsRepository,
    private readonly needRows: NeedsRepository,
    private readonly areas: AreasRepository,
    private readonly pii: PiiCipher,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly cases: CasesService,
  ) {}

  /**
   * class-validator's @IsOptional lets null through; a null in a required column would be a
   * 500. Only phone and address may be cleared.
   */
  private refuseNulls(dto: Partial<CreateHouseholdDto>): void {
    const nulls = [
      ...nullFieldErrors(dto, ['phone', 'address']),
      ...(dto.members ?? []).flatMap((m, i) => nullFieldErrors({ ...m }, [], `members[${i}]`)),
    ];
    if (nulls.length > 0)
      throw new ValidationFailedError(`Invalid household: ${nulls[0].field}`, nulls);
  }

  /** Members as stored: identity numbers digested and encrypted, never kept in clear. */
  toMemberRows(members: MemberInputDto[]): Array<Partial<MemberEntity>> {
    const heads = members.filter((m) => m.relation === 'self');
    if (heads.length !== 1) {
      throw new ValidationFailedError('members: exactly one head (relation self) is required', [
        {
          field: 'members',
          constraint: 'oneHead',
          params: { found: heads.length },
          message: `needs exactly one member with relation self, found ${heads.length}`,
        },
      ]);
    }
    const seen = new Set<string>();
    return members.map((m, i) => {
      const id = normaliseIdNumber(m.idNumber);
      if (seen.has(id)) {
        throw new ValidationFailedError(`members[${i}].idNumber: listed twice`, [
          {
            field: `members[${i}].idNumber`,
            constraint: 'idNumberListedTwice',
            message: 'is listed twice in this household',
          },
        ]);
      }
      seen.add(id);
      const derivedBirth = birthDateOf(id);
      if (m.birthDate && m.birthDate !== derivedBirth) {
        throw new ValidationFailedError(
          `members[${i}].birthDate does not match the identity number`,
          [
            {
              field: `members[${i}].birthDate`,
              constraint: 'birthDateMismatch',
              message: 'does not match the identity number',
            },
          ],
        );
      }
      return {
        name: m.name,
        relation: m.relation,
        isHead: m.relation === 'self',
        idHmac: this.pii.digest(id),
        idEnc: this.pii.encrypt(id),
        idMasked: maskIdNumber(id),
        birthDate: derivedBirth,
        gender: m.gender ?? genderOf(id),
        disabilityGrade: m.disabilityGrade ?? 0,
        chronicIllness: m.chronicIllness ?? false,
        employment: m.employment,
        educationStage: m.educationStage ?? 'none',
        monthlyIncomeFen: m.monthlyIncomeFen ?? 0,
      };
    });
  }

  async register(dto: CreateHouseholdDto, actor: Principal): Promise<HouseholdDto> {
    const { id, warnings } = await this.tx.run((manager) => this.registerIn(manager, dto, actor));
    return this.getWith(id, actor, warnings);
  }

  /** Registration inside a given transaction (the CSV import runs one per household). */
  async registerIn(
    manager: EntityManager,
    dto: CreateHouseholdDto,
    actor: Principal,
  ): Promise<{ id: string; warnings: HouseholdWarningDto[] }> {
    this.refuseNulls(dto);
    const community = await this.areas.findById(dto.communityId, manager);
    if (!community || community.level !== 'community') {
      throw new ValidationFailedError('communityId: no such community', [
        { field: 'communityId', constraint: 'unknownArea', message: 'no such community' },
      ]);
    }
    if (!isInScope(actor, community.path))
      throw new ForbiddenError('The community is outside your area');
    const members = this.toMemberRows(dto.members);
    const head = members.find((m) => m.isHead)!;
    const existing = await this.households.householdOfHead(head.idHmac!, manager);
    if (existing) throw await this.duplicate(existing, actor);
    const { members: _m, phone, communityId, ...fields } = dto;
    let id: string;
    try {
      id = await this.households.insert(
        {
          ...fields,
          communityId,
          phoneEnc: phone ? this.pii.encrypt(phone) : null,
          phoneHmac: phone ? phoneDigest(this.pii, phone) : null,
          status: 'active',
        },
        members,
        manager,
      );
    } catch (error) {
      // Two registrations of the same head at once: the partial unique index decides.
      if (isUniqueViolation(error)) {
        const winner = await this.households.householdOfHead(head.idHmac!);
        throw await this.duplicate(winner, actor);
      }
      throw error;
    }
    const warnings = await this.memberWarnings(members, id, actor, manager);
    await this.audit.record(manager, {
      entityType: 'household',
      entityId: id,
      action: 'register',
      actor,
      toState: 'active',
      data: { members: members.length, warnings: warnings.length },
      areaPath: community.path,
    });
    // The household's file opens with it: a registered household always has its case.
    await this.cases.openIn(manager, id, community.path, actor);
    return { id, warnings };
  }

  private async duplicate(existingId: string | null, actor: Principal): Promise<DomainError> {
    const visible = existingId ? await this.households.isVisible(existingId, actor) : false;
    return new DomainError(
      'HOUSEHOLD_DUPLICATE',
      'A household with this head is already registered',
      visible ? { existingHouseholdId: existingId } : undefined,
    );
  }

  /** Members already listed in another household that has not exited: flagged, not refused. */
  private async memberWarnings(
    members: Array<Partial<MemberEntity>>,
    householdId: string,
    actor: Principal,
    manager: EntityManager,
  ): Promise<HouseholdWarningDto[]> {
    const hits = await this.households.activeHouseholdsListing(
      members.map((m) => m.idHmac!),
      householdId,
      manager,
    );
    const warnings: HouseholdWarningDto[] = [];
    for (const hit of hits) {
      const memberIndex = members.findIndex((m) => m.idHmac === hit.idHmac);
      const visible = await this.households.isVisible(hit.householdId, actor);
      warnings.push({
        code: 'MEMBER_IN_OTHER_HOUSEHOLD',
        message: `${members[memberIndex].name} is also listed in another active household`,
        memberIndex,
        ...(visible ? { householdId: hit.householdId } : {}),
      });
    }
    return warnings;
  }

  async update(id: string, dto: UpdateHouseholdDto, actor: Principal): Promise<HouseholdDto> {
    this.refuseNulls(dto);
    const { version, members, phone, ...fields } = dto;
    const warnings = await this.tx.run(async (manager) => {
      const current = await this.households.findVisible(id, actor, manager, true);
      if (!current) throw new NotFoundError('Household', 'HOUSEHOLD_NOT_FOUND');
      if (current.version !== version) {
        throw new StaleVersionError('Household', version, current.version);
      }
      const changes: Partial<HouseholdEntity> = { ...fields };
      if (phone !== undefined) {
        changes.phoneEnc = phone ? this.pii.encrypt(phone) : null;
        changes.phoneHmac = phone ? phoneDigest(this.pii, phone) : null;
      }
      await this.households.update(id, changes, manager);
      let flagged: HouseholdWarningDto[] = [];
      if (members) {
        const rows = this.toMemberRows(members);
        const head = rows.find((m) => m.isHead)!;
        const owner = await this.households.householdOfHead(head.idHmac!, manager);
        if (owner && owner !== id) throw await this.duplicate(owner, actor);
        try {
          await this.households.replaceMembers(id, rows, manager);
        } catch (error) {
          // A new head registered elsewhere at the same moment: the partial unique index decides.
          if (isUniqueViolation(error)) {
            throw await this.duplicate(await this.households.householdOfHead(head.idHmac!), actor);
          }
          throw error;
        }
        flagged = await this.memberWarnings(rows, id, actor, manager);
      }
      await this.audit.record(manager, {
        entityType: 'household',
        entityId: id,
        action: 'update',
        actor,
        data: { fields: Object.keys(dto).filter((k) => k !== 'version') },
        areaPath: current.community!.path,
      });
      return flagged;
    });
    return this.getWith(id, actor, warnings);
  }

  async list(
    query: HouseholdQueryDto,
    principal: Principal,
    dueBefore?: Date,
  ): Promise<ListPage<HouseholdSummaryDto>> {
    const { rows, nextCursor, total } = await this.households.list(
      { ...query, dueBefore, draftsOf: query.drafts === 'mine' ? principal.userId : undefined },
      query,
      principal,
    );
    return {
      items: rows.map((r) => summaryRowToDto(r, this.pii)),
      limit: query.limit,
      nextCursor,
      ...(isOffsetQuery(query) ? { page: query.page } : {}),
      ...(total === undefined ? {} : { total }),
    };
  }

  dueRevisits(
    query: HouseholdQueryDto,
    principal: Principal,
  ): Promise<ListPage<HouseholdSummaryDto>> {
    return this.list(query, principal, this.clock.now());
  }

  get(id: string, principal: Principal): Promise<HouseholdDto> {
    return this.getWith(id, principal, []);
  }

  private async getWith(
    id: string,
    principal: Principal,
    warnings: HouseholdWarningDto[],
  ): Promise<HouseholdDto> {
    const household = await this.households.findVisible(id, principal);
    if (!household) throw new NotFoundError('Household', 'HOUSEHOLD_NOT_FOUND');
    return toHouseholdDto(household, this.pii, todayInChina(this.clock.now()), warnings);
  }

  async needs(id: string, principal: Principal): Promise<NeedDto[]> {
    if (!(await this.households.isVisible(id, principal)))
      throw new NotFoundError('Household', 'HOUSEHOLD_NOT_FOUND');
    return (await this.needRows.ofHousehold(id)).map(toNeedDto);
  }
}
