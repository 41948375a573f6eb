import { Inject, Injectable, Logger } from '@nestjs/common';
import { AreasRepository } from '@onedoor/areas';
import {
  AssessmentsRepository,
  AssessmentTemplatesRepository,
  DEFAULT_TEMPLATE_CODE,
  eligibilityFacts,
  employedCount,
  type HouseholdEntity,
  HouseholdsRepository,
  HouseholdsService,
  type NeedEntity,
  phoneDigest,
} from '@onedoor/households';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  Clock,
  DomainError,
  EventOutbox,
  FilesService,
  isInScope,
  MatchingQueueProducer,
  NotFoundError,
  type Page,
  PiiCipher,
  type Principal,
  todayInChina,
  TransactionRunner,
  type Upload,
  ValidationFailedError,
} from '@onedoor/platform';
import { CategoriesRepository } from '@onedoor/resources';
import type { EntityManager } from 'typeorm';
import { EMERGENCY_TAG, INTAKE_URGENCY } from '../relief.types';
import { FollowUpsRepository } from '../follow-up/follow-ups.repository';
import type {
  CreateEmergencyIntakeDto,
  EmergencyIntakeDto,
  EmergencyIntakeQueryDto,
  IntakeFileDto,
} from './dto/emergency-intake.dto';
import { GrantsService } from '../grants/grants.service';
import { LeadsService } from '../leads/leads.service';
import { EmergencyIntakesRepository } from './emergency-intakes.repository';
import { toIntakeDto } from './emergency-intake.mapper';
import type { IntakeNeedRecord } from './relief-intake.entity';
import { householdFlagChange, provisionalStanding } from './emergency-flag.util';

const PROVISIONAL_REASON = 'emergency intake, provisional until the full assessment (急难登记)';

/**
 * The emergency intake (急难登记): registers the family without the full assessment, or
 * updates the household it already is, adds its immediate needs (urgency `emergency`) on a
 * provisional completed assessment (the matcher reads a completed assessment's facts, so
 * without one the family could not be matched at all), flags the household, queues its
 * matching at top priority and opens the follow-up that owes the full assessment.
 */
/** The short form's members as registration takes them: employment `other` until assessed. */
const asRegistered = (members: NonNullable<CreateEmergencyIntakeDto['members']>) =>
  members.map((m) => ({ ...m, employment: m.employment ?? ('other' as const) }));

@Injectable()
export class EmergencyIntakesService {
  private readonly logger = new Logger(EmergencyIntakesService.name);

  constructor(
    private readonly intakes: EmergencyIntakesRepository,
    private readonly followUps: FollowUpsRepository,
    private readonly householdsService: HouseholdsService,
    private readonly households: HouseholdsRepository,
    private readonly assessments: AssessmentsRepository,
    private readonly templates: AssessmentTemplatesRepository,
    private readonly categories: CategoriesRepository,
    private readonly areas: AreasRepository,
    private readonly files: FilesService,
    private readonly matching: MatchingQueueProducer,
    private readonly pii: PiiCipher,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: EventOutbox,
    private readonly grants: GrantsService,
    private readonly leads: LeadsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(dto: CreateEmergencyIntakeDto, actor: Principal): Promise<EmergencyIntakeDto> {
    let result: { id: string; householdId: string; assessmentId: string };
    try {
      result = await this.tx.run((manager) => this.registerIn(manager, dto, actor));
    } catch (error) {
      // Two intakes of the same new family at once: the head's unique index lets one register
      // it; the other runs again and finds the household, so it updates it (no duplicate).
      if (!(
        error instanceof DomainError &&
        error.code === 'HOUSEHOLD_DUPLICATE' &&
        !dto.householdId
      ))
        throw error;
      result = await this.tx.run((manager) => this.registerIn(manager, dto, actor));
    }
    await this.enqueueMatch(result.householdId, result.assessmentId);
    return this.get(result.id, actor);
  }

  private async registerIn(
    manager: EntityManager,
    dto: CreateEmergencyIntakeDto,
    actor: Principal,
  ): Promise<{ id: string; householdId: string; assessmentId: string }> {
    const now = this.clock.now();
    await this.checkNeeds(dto, manager);
    if (dto.amountRequestedFen && dto.amountRequestedFen > 0 && !dto.fundId)
      throw new ValidationFailedError('An amount requested needs the fund to pay it from', [
        {
          field: 'fundId',
          constraint: 'intakeFundRequired',
          message: 'choose the fund to pay the amount requested from',
        },
      ]);
    if (dto.leadId) {
      const path = await this.intakes.leadPath(dto.leadId, manager);
      if (!path || !isInScope(actor, path))
        throw new NotFoundError('Lead', 'RELIEF_INTAKE_LEAD_NOT_FOUND');
    }
    const existing = await this.existingHousehold(dto, actor, manager);
    let householdId: string;
    if (existing) {
      householdId = existing;
    } else {
      if (!dto.communityId || !dto.residency || !dto.members) {
        throw new ValidationFailedError('A new family needs communityId, residency and members', [
          {
            field: ['communityId', 'residency', 'members'].find(
              (f) => dto[f as keyof CreateEmergencyIntakeDto] === undefined,
            )!,
            constraint: 'intakeFamily',
            message: 'give householdId, or communityId, residency and members for a new family',
          },
        ]);
      }
      ({ id: householdId } = await this.householdsService.registerIn(
        manager,
        {
          communityId: dto.communityId,
          residency: dto.residency,
          phone: dto.phone,
          address: dto.address,
          tags: [EMERGENCY_TAG],
          members: asRegistered(dto.members),
        },
        actor,
      ));
    }
    // Locked: a concurrent intake or assessment of the same household waits for this one.
    const household = (await this.households.findVisible(householdId, actor, manager, true))!;
    const path = household.community!.path;
    const dueAt = new Date(now.getTime() + this.config.reliefFollowUp.days * 86_400_000);
    if (existing) await this.flagExisting(manager, household, dto, dueAt, actor);
    else await this.households.update(householdId, { nextRevisitAt: dueAt }, manager);

    const assessmentId = await this.provisionalAssessment(manager, household, now, actor);
    const needRows: Array<Partial<NeedEntity>> = dto.needs.map((n) => ({
      householdId,
      assessmentId,
      categoryCode: n.categoryCode,
      severity: n.severity ?? 5,
      urgency: INTAKE_URGENCY,
      status: 'open',
      source: 'intake',
      note: n.note ?? null,
    }));
    // The family's other open needs (from the full assessment this one supersedes) go on
    // beside the emergency: moved onto the provisional assessment, as a completion would
    // restate them, rather than left open on a superseded one that the matcher no longer reads.
    if (existing)
      needRows.push(
        ...(await this.carryOpenNeeds(manager, household, dto, assessmentId, now, actor)),
      );
    await this.assessments.insertNeeds(needRows, manager);
    const needs: IntakeNeedRecord[] = (await this.assessments.needsOf(assessmentId, manager))
      .filter((n) => n.source === 'intake')
      .map((n) => ({
        needId: n.id,
        categoryCode: n.categoryCode,
        severity: n.severity,
        note: n.note,
      }));

    // An amount asked for is an emergency grant request in the same transaction: the officer
    // decides it (amount, fund, limit) on the grant; the reason is what happened.
    const grantId =
      dto.amountRequestedFen && dto.amountRequestedFen > 0
        ? await this.grants.request(
            actor,
            {
              householdId,
              fundId: dto.fundId!,
              amountFen: dto.amountRequestedFen,
              reason: dto.situation,
              needId: needs.find((n) => n.categoryCode === 'emergency')?.needId,
              leadId: dto.leadId,
            },
            manager,
          )
        : null;
    const id = await this.intakes.insert(
      {
        householdId,
        communityId: household.communityId,
        registeredHousehold: !existing,
        leadId: dto.leadId ?? null,
        situationEnc: this.pii.encrypt(dto.situation),
        amountRequestedFen:
          dto.amountRequestedFen === undefined ? null : String(dto.amountRequestedFen),
        grantId,
        assessmentId,
        needs,
        registeredById: actor.userId,
        registeredAt: now,
      },
      manager,
    );
    // The lead this intake answers ends `registered`, with its audit row and the reporter's
    // notice, in this transaction.
    if (dto.leadId) await this.leads.markRegistered(manager, dto.leadId, householdId, actor);
    const followUpId = await this.followUps.insert(
      { intakeId: id, householdId, communityId: household.communityId, intakeAt: now, dueAt },
      manager,
    );
    await this.audit.record(manager, {
      entityType: 'relief_intake',
      entityId: id,
      action: 'register',
      actor,
      toState: 'registered',
      // No situation, names or identity numbers in the audit: ids and counts only.
      data: {
        householdId,
        registeredHousehold: !existing,
        leadId: dto.leadId ?? null,
        assessmentId,
        needs: needs.map((n) => n.categoryCode),
        amountRequestedFen: dto.amountRequestedFen ?? null,
        followUpId,
        followUpDueAt: dueAt.toISOString(),
      },
      areaPath: path,
    });
    await this.outbox.emit(manager, {
      type: 'relief_intake.registered',
      entityType: 'relief_intake',
      entityId: id,
      areaPath: path,
      audience: [{ roles: ['civil_affairs', 'assessor'], areaPath: path }],
      data: {
        intakeId: id,
        householdId,
        headName: household.members?.find((m) => m.isHead)?.name ?? null,
        area: household.community!.name,
        amountRequestedFen: dto.amountRequestedFen ?? null,
        dueAt: dueAt.toISOString(),
      },
    });
    return { id, householdId, assessmentId };
  }

  /** The household the form names or whose member's identity is registered; null: a new one. */
  private async existingHousehold(
    dto: CreateEmergencyIntakeDto,
    actor: Principal,
    manager: EntityManager,
  ): Promise<string | null> {
    if (dto.householdId) {
      if (!(await this.households.findVisible(dto.householdId, actor, manager)))
        throw new NotFoundError('Household', 'HOUSEHOLD_NOT_FOUND');
      return dto.householdId;
    }
    if (!dto.members) return null;
    const rows = this.householdsService.toMemberRows(asRegistered(dto.members));
    const head = rows.find((m) => m.isHead)!;
    // The head's household first (whatever its status), then any household listing a member.
    const found =
      (await this.households.householdOfHead(head.idHmac!, manager)) ??
      (
        await this.households.membersListing(
          rows.map((m) => m.idHmac!),
          manager,
        )
      )[0]?.householdId ??
      null;
    if (!found) return null;
    if (!(await this.households.findVisible(found, actor, manager))) {
      // Registered outside the caller's area: the same answer registration gives, no id.
      throw new DomainError(
        'HOUSEHOLD_DUPLICATE',
        'A member of this family is registered in a household outside your area',
      );
    }
    return found;
  }

  private async checkNeeds(dto: CreateEmergencyIntakeDto, manager: EntityManager): Promise<void> {
    const seen = new Set<string>();
    for (const [i, need] of dto.needs.entries()) {
      if (seen.has(need.categoryCode)) {
        throw new ValidationFailedError(`needs[${i}].categoryCode: listed twice`, [
          {
            field: `needs[${i}].categoryCode`,
            constraint: 'intakeNeedTwice',
            message: 'is listed twice',
          },
        ]);
      }
      seen.add(need.categoryCode);
      if (!(await this.categories.exists(need.categoryCode, manager))) {
        throw new DomainError('CATEGORY_NOT_FOUND', `No category ${need.categoryCode}`, [
          {
            field: `needs[${i}].categoryCode`,
            constraint: 'unknownCategory',
            message: 'unknown category',
          },
        ]);
      }
    }
  }

  /** An existing household: contact details updated, flagged, reopened if it had exited. */
  private async flagExisting(
    manager: EntityManager,
    household: HouseholdEntity,
    dto: CreateEmergencyIntakeDto,
    dueAt: Date,
    actor: Principal,
  ): Promise<void> {
    const changes: Partial<HouseholdEntity> = householdFlagChange(household, dueAt);
    if (dto.phone !== undefined) {
      changes.phoneEnc = this.pii.encrypt(dto.phone);
      changes.phoneHmac = phoneDigest(this.pii, dto.phone);
    }
    if (dto.address !== undefined) changes.address = dto.address;
    await this.households.update(household.id, changes, manager);
    await this.audit.record(manager, {
      entityType: 'household',
      entityId: household.id,
      action: 'emergency_intake',
      actor,
      fromState: household.status,
      toState: changes.status ?? household.status,
      data: {
        fields: Object.keys(changes).filter((k) => !k.endsWith('Enc') && !k.endsWith('Hmac')),
      },
      areaPath: household.community!.path,
    });
  }

  /**
   * Withdraws the household's open needs and returns them restated on `assessmentId`, except
   * those of a category the intake names (its emergency need takes their place). Each
   * withdrawal is audited as a completion's is.
   */
  private async carryOpenNeeds(
    manager: EntityManager,
    household: HouseholdEntity,
    dto: CreateEmergencyIntakeDto,
    assessmentId: string,
    now: Date,
    actor: Principal,
  ): Promise<Array<Partial<NeedEntity>>> {
    const open: NeedEntity[] = await manager.query(
      `SELECT id, category_code AS "categoryCode", severity, urgency, source, note, gap_fen AS "gapFen"
         FROM need WHERE household_id = $1 AND status = 'open' ORDER BY created_at, id`,
      [household.id],
    );
    if (open.length === 0) return [];
    await this.households.withdrawOpenNeeds([household.id], now, manager);
    for (const n of open)
      await this.audit.record(manager, {
        entityType: 'need',
        entityId: n.id,
        action: 'withdraw',
        actor,
        fromState: 'open',
        toState: 'withdrawn',
        reason: `superseded by assessment ${assessmentId}`,
        areaPath: household.community!.path,
      });
    const named = new Set(dto.needs.map((n) => n.categoryCode));
    return open
      .filter((n) => !named.has(n.categoryCode))
      .map((n) => ({
        householdId: household.id,
        assessmentId,
        categoryCode: n.categoryCode,
        severity: n.severity,
        urgency: n.urgency,
        status: 'open' as const,
        source: n.source,
        note: n.note,
        gapFen: n.gapFen,
      }));
  }

  /**
   * A completed assessment without answers whose facts put the household in the emergency
   * tier for eligibility (unless a core tier wins, TIER_TABLE). The household's own tier column
   * is left as the last full assessment set it: gradual exit keeps a tier through its grace
   * once a household was assisted, so an intake-set tier would outlive the emergency.
   */
  private async provisionalAssessment(
    manager: EntityManager,
    household: HouseholdEntity,
    now: Date,
    actor: Principal,
  ): Promise<string> {
    const template = await this.templates.latest(DEFAULT_TEMPLATE_CODE, manager);
    if (!template) throw new NotFoundError('Assessment template', 'TEMPLATE_NOT_FOUND');
    const district = await this.areas.districtOf(household.community!.path, manager);
    const standardFen = district?.minimumLivingStandardFen ?? 0;
    const { tier, circle } = provisionalStanding(household);
    const fresh = (await this.households.findVisible(household.id, actor, manager))!;
    const snapshot = {
      asOf: now.toISOString(),
      provisional: true,
      standardFen,
      members: fresh.members!.map(({ name: _n, idHmac: _h, idEnc: _e, ...m }) => m),
      residency: fresh.residency,
      tags: fresh.tags,
      eligibility: eligibilityFacts(fresh as never, standardFen, tier, circle, todayInChina(now)),
      employed: employedCount(fresh as never),
    };
    const previous = await this.assessments.previousCompleted(household.id, manager);
    if (previous) await this.assessments.update(previous.id, { status: 'superseded' }, manager);
    const id = await this.assessments.insert(
      {
        householdId: household.id,
        templateId: template.id,
        assessorId: actor.userId,
        status: 'completed',
        answers: {},
        tier,
        circle,
        tierReason: PROVISIONAL_REASON,
        factsSnapshot: snapshot,
        completedAt: now,
      },
      manager,
    );
    await this.audit.record(manager, {
      entityType: 'assessment',
      entityId: id,
      action: 'complete',
      actor,
      toState: 'completed',
      data: { provisional: true, tier, circle, supersedes: previous?.id ?? null },
      areaPath: household.community!.path,
    });
    return id;
  }

  /**
   * After commit, at emergency priority. If Redis is down the intake stands: the assessment's
   * `match_enqueued_at` stays empty and the `enqueue-pending-matches` sweep queues it later.
   */
  private async enqueueMatch(householdId: string, assessmentId: string): Promise<void> {
    try {
      await this.matching.enqueueHouseholdMatch(householdId, assessmentId, true);
      await this.assessments.markMatchEnqueued([assessmentId], this.clock.now());
    } catch (error) {
      this.logger.warn(
        { err: error, assessmentId },
        'intake matching not queued; the sweep retries',
      );
    }
  }

  async list(
    query: EmergencyIntakeQueryDto,
    principal: Principal,
  ): Promise<Page<EmergencyIntakeDto>> {
    const { rows, total } = await this.intakes.list(query, query, principal);
    const labels = await this.households.labels(rows.map((r) => r.householdId));
    const items = rows.map((r) =>
      toIntakeDto(
        r,
        labels.get(r.householdId)?.name ?? null,
        this.pii,
        [],
        false,
        this.clock.now(),
      ),
    );
    return { items, page: query.page, limit: query.limit, total };
  }

  async get(id: string, principal: Principal): Promise<EmergencyIntakeDto> {
    const row = await this.intakes.findVisible(id, principal);
    if (!row) throw new NotFoundError('Emergency intake', 'RELIEF_INTAKE_NOT_FOUND');
    const labels = await this.households.labels([row.householdId]);
    const fileIds = (await this.intakes.fileIdsOf([id])).get(id) ?? [];
    const files: IntakeFileDto[] = (await this.files.findMany(fileIds)).map((f) => ({
      id: f.id,
      originalName: f.originalName,
      contentType: f.contentType,
      size: Number(f.size),
    }));
    return toIntakeDto(
      row,
      labels.get(row.householdId)?.name ?? null,
      this.pii,
      files,
      true,
      this.clock.now(),
    );
  }

  /** A supporting file (one per request, checked by content), audited with the intake. */
  async attachFile(id: string, upload: Upload, actor: Principal): Promise<IntakeFileDto> {
    const row = await this.intakes.findVisible(id, actor);
    if (!row) throw new NotFoundError('Emergency intake', 'RELIEF_INTAKE_NOT_FOUND');
    const received = await this.files.receive(upload);
    const file = await this.tx.run(async (manager) => {
      const file = await this.files.record(manager, received, actor.userId);
      await this.intakes.linkFile(manager, id, file.id);
      await this.audit.record(manager, {
        entityType: 'relief_intake',
        entityId: id,
        action: 'attach_file',
        actor,
        data: { fileId: file.id, sha256: file.sha256, size: received.size },
        areaPath: row.communityPath,
      });
      return file;
    });
    return {
      id: file.id,
      originalName: file.originalName,
      contentType: file.contentType,
      size: Number(file.size),
    };
  }
}
