import { Injectable, Logger } from '@nestjs/common';
import {
  AssessmentsRepository,
  CasesRepository,
  HouseholdsRepository,
  NeedsRepository,
} from '@onedoor/households';
import {
  AuditService,
  Clock,
  DomainError,
  jobIds,
  MatchingQueueProducer,
  NotFoundError,
  PiiCipher,
  type Principal,
  TransactionRunner,
  ValidationFailedError,
} from '@onedoor/platform';
import { CategoriesRepository } from '@onedoor/resources';
import type { EntityManager } from 'typeorm';
import { checkInConsequences } from './check-in-rules';
import { toCheckInDto } from './check-in.mapper';
import type { ReassessmentReason } from './check-in.types';
import { CheckInsRepository } from './check-ins.repository';
import type { CheckInDto, CreateCheckInDto } from './dto/check-in.dto';

/**
 * A light check-in of a case: the answers, what they lead to (check-in-rules.ts) and its
 * writes in one transaction: the check-in, the needs it opens (attached to the household's
 * latest completed assessment, `source` = `check_in:<id>`), the household due for a revisit
 * at once when a reassessment is required, and the audit row. The new needs' matching is
 * queued after commit (job id per check-in); a Redis outage leaves `match_enqueued_at`
 * empty and the maintenance sweep queues it later.
 */
@Injectable()
export class CheckInsService {
  private readonly logger = new Logger(CheckInsService.name);

  constructor(
    private readonly checkIns: CheckInsRepository,
    private readonly cases: CasesRepository,
    private readonly households: HouseholdsRepository,
    private readonly assessments: AssessmentsRepository,
    private readonly needs: NeedsRepository,
    private readonly categories: CategoriesRepository,
    private readonly matching: MatchingQueueProducer,
    private readonly pii: PiiCipher,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(caseId: string, principal: Principal): Promise<CheckInDto[]> {
    if (!(await this.cases.findVisible(caseId, principal)))
      throw new NotFoundError('Case', 'CASE_NOT_FOUND');
    return (await this.checkIns.ofCase(caseId)).map((r) => toCheckInDto(r, this.pii));
  }

  async record(caseId: string, body: CreateCheckInDto, actor: Principal): Promise<CheckInDto> {
    // A code ticked twice counts once.
    const dto = {
      ...body,
      memberChanges: [...new Set(body.memberChanges)],
      newDifficulties: [...new Set(body.newDifficulties)],
    };
    const written = await this.tx.run((manager) => this.write(caseId, dto, actor, manager));
    if (written.openedNeeds > 0) await this.enqueueMatch(written);
    const [row] = await this.checkIns.ofCase(caseId, written.id);
    return toCheckInDto(row, this.pii);
  }

  private async write(
    caseId: string,
    dto: CreateCheckInDto,
    actor: Principal,
    manager: EntityManager,
  ): Promise<{ id: string; householdId: string; openedNeeds: number; emergency: boolean }> {
    const row = await this.cases.findVisible(caseId, actor, manager);
    if (!row) throw new NotFoundError('Case', 'CASE_NOT_FOUND');
    if (row.status !== 'open')
      throw new DomainError('CHECK_IN_CASE_CLOSED', 'The case is closed: reopen it first');
    for (const [i, code] of dto.newDifficulties.entries()) {
      if (!(await this.categories.exists(code, manager))) {
        throw new ValidationFailedError(`newDifficulties[${i}]: unknown category`, [
          {
            field: `newDifficulties[${i}]`,
            constraint: 'unknownCategory',
            message: 'unknown category',
          },
        ]);
      }
    }
    // The household's lock comes before its needs' (lock-order.ts): a completion or a move of
    // the same household waits for this check-in, and the other way round.
    const household = (await this.households.findVisible(row.householdId, actor, manager, true))!;
    const now = this.clock.now();
    const found = checkInConsequences({
      ...dto,
      newMonthlyIncomeFen: dto.newMonthlyIncomeFen ?? null,
      previousMonthlyIncomeFen: (household.members ?? []).reduce(
        (sum, m) => sum + m.monthlyIncomeFen,
        0,
      ),
    });
    const reasons: ReassessmentReason[] = [...found.reassessmentReasons];
    const latest = await this.assessments.previousCompleted(household.id, manager);
    // Needs belong to an assessment and the matcher reads a completed one's facts: without
    // one, the check-in's needs wait for the first assessment, which it asks for.
    if (!latest && found.needs.length > 0) reasons.push('no_assessment');
    const alreadyOpen = new Set(
      (await this.needs.ofHousehold(household.id, manager))
        .filter((n) => n.status === 'open' || n.status === 'matched')
        .map((n) => n.categoryCode),
    );
    const opened = latest ? found.needs.filter((n) => !alreadyOpen.has(n.categoryCode)) : [];

    const id = await this.checkIns.insert(
      {
        caseId,
        householdId: household.id,
        mode: dto.mode,
        incomeChange: dto.incomeChange,
        newMonthlyIncomeFen: dto.newMonthlyIncomeFen ?? null,
        newSeriousIllness: dto.newSeriousIllness,
        newDisability: dto.newDisability,
        hospitalStay: dto.hospitalStay,
        memberChanges: dto.memberChanges,
        lostHousing: dto.lostHousing,
        housingDamage: dto.housingDamage,
        rentArrears: dto.rentArrears,
        newDifficulties: dto.newDifficulties,
        difficultyNoteEnc: dto.difficultyNote ? this.pii.encrypt(dto.difficultyNote) : null,
        conclusionEnc: this.pii.encrypt(dto.conclusion),
        openedNeeds: opened.map((n) => n.categoryCode),
        assessmentId: opened.length > 0 ? latest!.id : null,
        reassessmentReasons: reasons,
        byUserId: actor.userId,
        at: now,
      },
      manager,
    );
    await this.assessments.insertNeeds(
      opened.map((n) => ({
        ...n,
        householdId: household.id,
        assessmentId: latest!.id,
        status: 'open' as const,
        source: `check_in:${id}`,
        note: null,
      })),
      manager,
    );
    // Due at once: the revisit lists (GET /households/due-revisits, the reminders) show it.
    if (reasons.length > 0)
      await this.households.update(household.id, { nextRevisitAt: now }, manager);
    await this.audit.record(manager, {
      entityType: 'case_check_in',
      entityId: id,
      action: 'record',
      actor,
      // Outcomes only: the answers are the family's, not the audit's.
      data: {
        householdId: household.id,
        caseId,
        mode: dto.mode,
        openedNeeds: opened.length,
        reassessmentRequired: reasons.length > 0,
      },
      areaPath: household.community!.path,
    });
    return {
      id,
      householdId: household.id,
      openedNeeds: opened.length,
      emergency: opened.some((n) => n.urgency === 'emergency'),
    };
  }

  private async enqueueMatch(c: {
    id: string;
    householdId: string;
    emergency: boolean;
  }): Promise<void> {
    try {
      await this.matching.enqueueHouseholdMatches([
        {
          householdId: c.householdId,
          emergency: c.emergency,
          jobId: jobIds.matchHouseholdAfterCheckIn(c.householdId, c.id),
        },
      ]);
      await this.checkIns.markMatchEnqueued([c.id], this.clock.now());
    } catch (error) {
      this.logger.warn(
        { err: error, checkInId: c.id },
        'matching job not queued; the sweep will retry',
      );
    }
  }

  /** Check-ins whose matching job was never queued: queued now (the maintenance sweep). */
  async enqueuePendingMatches(): Promise<number> {
    const pending = await this.checkIns.pendingMatches();
    if (pending.length === 0) return 0;
    await this.matching.enqueueHouseholdMatches(
      pending.map((p) => ({
        householdId: p.householdId,
        emergency: false,
        jobId: jobIds.matchHouseholdAfterCheckIn(p.householdId, p.id),
      })),
    );
    await this.checkIns.markMatchEnqueued(
      pending.map((p) => p.id),
      this.clock.now(),
    );
    return pending.length;
  }
}
