import { Inject, Injectable, Logger } from '@nestjs/common';
import { AreasRepository } from '@onedoor/areas';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  DomainError,
  jobIds,
  MatchingQueueProducer,
  NotFoundError,
  todayInChina,
  type Principal,
  TransactionRunner,
  ValidationFailedError,
} from '@onedoor/platform';
import { CategoriesRepository } from '@onedoor/resources';
import type { EntityManager } from 'typeorm';
import type { AssessmentEntity } from './assessment.entity';
import {
  AssessmentTemplatesRepository,
  DEFAULT_TEMPLATE_CODE,
} from './assessment-templates.repository';
import { AssessmentsRepository } from './assessments.repository';
import type {
  AssessmentDto,
  CompleteAssessmentDto,
  CreateAssessmentDto,
  UpdateAssessmentDto,
} from './dto/assessment.dto';
import { eligibilityFacts, employedCount, tierFacts } from './facts.util';
import type { HouseholdEntity } from './household.entity';
import { toNeedDto } from './household.mapper';
import { REVISIT_MONTHS } from './household.types';
import { HouseholdsRepository } from './households.repository';
import type { NeedEntity } from './need.entity';
import { answerErrors, needsFromRules, scoreAnswers, tierFlags } from './template/scoring.util';
import { computeTier, DEFAULT_THRESHOLDS } from './tier/tier.util';

export function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

@Injectable()
export class AssessmentsService {
  private readonly logger = new Logger(AssessmentsService.name);

  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly templates: AssessmentTemplatesRepository,
    private readonly households: HouseholdsRepository,
    private readonly areas: AreasRepository,
    private readonly categories: CategoriesRepository,
    private readonly matching: MatchingQueueProducer,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(
    householdId: string,
    dto: CreateAssessmentDto,
    actor: Principal,
  ): Promise<AssessmentDto> {
    const id = await this.tx.run(async (manager) => {
      const household = await this.households.findVisible(householdId, actor, manager);
      if (!household) throw new NotFoundError('Household', 'HOUSEHOLD_NOT_FOUND');
      // An exited household may be assessed again: a family can fall back into hardship.
      const template = dto.templateId
        ? await this.templates.findById(dto.templateId, manager)
        : await this.templates.latest(DEFAULT_TEMPLATE_CODE, manager);
      if (!template) throw new NotFoundError('Assessment template', 'TEMPLATE_NOT_FOUND');
      const newId = await this.assessments.insert(
        {
          householdId,
          templateId: template.id,
          assessorId: actor.userId,
          status: 'draft',
          answers: {},
        },
        manager,
      );
      await this.audit.record(manager, {
        entityType: 'assessment',
        entityId: newId,
        action: 'start',
        actor,
        toState: 'draft',
        data: { householdId, template: `${template.code} v${template.version}` },
        areaPath: household.community!.path,
      });
      return newId;
    });
    return this.get(id, actor);
  }

  async get(id: string, principal: Principal): Promise<AssessmentDto> {
    const a = await this.assessments.findVisible(id, principal);
    if (!a) throw new NotFoundError('Assessment', 'ASSESSMENT_NOT_FOUND');
    return this.toDto(a, await this.assessments.needsOf(id));
  }

  /** Merges answers into a draft; answers of the wrong type or range are 400. */
  async answer(id: string, dto: UpdateAssessmentDto, actor: Principal): Promise<AssessmentDto> {
    await this.tx.run(async (manager) => {
      const a = await this.draft(id, actor, manager);
      const answers = { ...a.answers, ...dto.answers };
      const errors = answerErrors(a.template!.definition, dto.answers, false);
      if (errors.length > 0)
        throw new ValidationFailedError(`Invalid answers: ${errors[0].field}`, errors);
      await this.assessments.update(id, { answers }, manager);
    });
    return this.get(id, actor);
  }

  private async draft(
    id: string,
    actor: Principal,
    manager: EntityManager,
  ): Promise<AssessmentEntity> {
    const a = await this.assessments.findVisible(id, actor, manager, true);
    if (!a) throw new NotFoundError('Assessment', 'ASSESSMENT_NOT_FOUND');
    if (a.status !== 'draft') {
      throw new DomainError(
        'ASSESSMENT_NOT_DRAFT',
        `The assessment is ${a.status} and can no longer change`,
        {
          status: a.status,
        },
      );
    }
    return a;
  }

  /**
   * Completes a draft in one transaction: scores, tier and circle, needs (rules plus the
   * assessor's additions and removals), the superseded assessment's open needs withdrawn,
   * the household's tier, exit and revisit updated, a frozen snapshot, audit rows. The
   * matching job is enqueued after commit, idempotent per household and assessment.
   */
  async complete(
    id: string,
    dto: CompleteAssessmentDto,
    actor: Principal,
    now = new Date(),
  ): Promise<AssessmentDto> {
    const result = await this.tx.run(async (manager) => {
      const a = await this.draft(id, actor, manager);
      const definition = a.template!.definition;
      const missing = answerErrors(definition, a.answers, true);
      if (missing.length > 0) {
        throw new DomainError(
          'ASSESSMENT_INCOMPLETE',
          `Unanswered or invalid items: ${missing.map((m) => m.field).join(', ')}`,
          missing,
        );
      }
      const household = (await this.households.findVisible(a.householdId, actor, manager, true))!;
      const district = await this.areas.districtOf(household.community!.path, manager);
      const standardFen = district?.minimumLivingStandardFen;
      if (!standardFen)
        throw new DomainError(
          'AREA_STANDARD_MISSING',
          'The district has no minimum living standard',
        );

      const scores = scoreAnswers(definition, a.answers);
      const flags = tierFlags(definition, a.answers);
      const tf = tierFacts(
        household as HouseholdEntity & { members: NonNullable<HouseholdEntity['members']> },
        standardFen,
        flags,
      );
      const tier = computeTier(tf, {
        ...DEFAULT_THRESHOLDS,
        lowIncomeRatio: this.config.households.lowIncomeRatio,
      });
      const needs = await this.needsFor(a, dto, manager);
      const previous = await this.assessments.previousCompleted(a.householdId, manager);
      const employed = employedCount(household as never);
      const householdChange = this.householdAfter(
        household,
        tier.tier,
        tier.circle,
        previous,
        employed,
        now,
      );
      // During a grace period the household keeps the tier it is leaving: eligibility (and so
      // matching) follows the household's effective tier, the assessment records what it found.
      const facts = eligibilityFacts(
        household as never,
        standardFen,
        householdChange.tier ?? null,
        householdChange.circle ?? null,
        todayInChina(now),
      );
      const snapshot = {
        asOf: now.toISOString(),
        standardFen,
        members: household.members!.map(({ name: _n, idHmac: _h, idEnc: _e, ...m }) => m),
        medicalExpenseFen: household.medicalExpenseFen,
        educationExpenseFen: household.educationExpenseFen,
        residency: household.residency,
        tags: household.tags,
        tierFacts: tf,
        eligibility: facts,
        employed,
      };

      await this.assessments.update(
        id,
        {
          status: 'completed',
          completedAt: now,
          dimensionScores: scores.dimensions,
          totalScore: String(scores.total),
          tier: tier.tier,
          circle: tier.circle,
          tierReason: tier.reason,
          factsSnapshot: snapshot,
        },
        manager,
      );
      const path = household.community!.path;
      if (previous) {
        await this.assessments.update(previous.id, { status: 'superseded' }, manager);
      }
      const withdrawn = (await this.households.withdrawOpenNeeds([a.householdId], manager)).map(
        (n) => n.id,
      );
      await this.assessments.insertNeeds(
        needs.map((n) => ({
          ...n,
          householdId: a.householdId,
          assessmentId: id,
          status: 'open' as const,
        })),
        manager,
      );
      await this.households.update(a.householdId, householdChange, manager);

      await this.audit.record(manager, {
        entityType: 'assessment',
        entityId: id,
        action: 'complete',
        actor,
        fromState: 'draft',
        toState: 'completed',
        data: {
          tier: tier.tier,
          circle: tier.circle,
          total: scores.total,
          needs: needs.length,
          supersedes: previous?.id ?? null,
        },
        areaPath: path,
      });
      for (const change of [
        ...(dto.addNeeds ?? []).map((n) => ({ ...n, action: 'add_need' })),
        ...(dto.removeNeeds ?? []).map((n) => ({ ...n, action: 'remove_need' })),
      ]) {
        await this.audit.record(manager, {
          entityType: 'assessment',
          entityId: id,
          action: change.action,
          actor,
          reason: change.reason,
          data: { categoryCode: change.categoryCode },
          areaPath: path,
        });
      }
      for (const needId of withdrawn) {
        await this.audit.record(manager, {
          entityType: 'need',
          entityId: needId,
          action: 'withdraw',
          actor,
          fromState: 'open',
          toState: 'withdrawn',
          reason: `superseded by assessment ${id}`,
          areaPath: path,
        });
      }
      if (householdChange.status && householdChange.status !== household.status) {
        await this.audit.record(manager, {
          entityType: 'household',
          entityId: household.id,
          action: householdChange.status === 'exiting' ? 'begin_exit' : 'resume_assistance',
          actor,
          fromState: household.status,
          toState: householdChange.status,
          data: { graceEndsAt: householdChange.graceEndsAt?.toISOString() ?? null },
          areaPath: path,
        });
      }
      const emergency = tier.tier === 'emergency' || needs.some((n) => n.urgency === 'emergency');
      return { householdId: a.householdId, emergency, hasNeeds: needs.length > 0 };
    });
    if (result.hasNeeds) await this.enqueueMatch(result.householdId, id, result.emergency);
    return this.get(id, actor);
  }

  /**
   * Queues the household's matching and records that it was queued. If Redis is down the
   * completion still stands: the column stays empty and the maintenance sweep
   * ({@link enqueuePendingMatches}) queues it later. Job ids make a second add a no-op.
   */
  private async enqueueMatch(
    householdId: string,
    assessmentId: string,
    emergency: boolean,
  ): Promise<boolean> {
    try {
      await this.matching.enqueueHouseholdMatch(householdId, assessmentId, emergency);
      await this.assessments.markMatchEnqueued([assessmentId]);
      return true;
    } catch (error) {
      this.logger.warn(
        { err: error, assessmentId },
        'matching job not queued; the sweep will retry',
      );
      return false;
    }
  }

  /** Completed assessments with open needs whose matching job was never queued. */
  async enqueuePendingMatches(): Promise<number> {
    const pending = await this.assessments.pendingMatches();
    if (pending.length === 0) return 0;
    try {
      // addBulk batches, one update: not one add and one write per assessment.
      await this.matching.enqueueHouseholdMatches(
        pending.map((p) => ({ ...p, jobId: jobIds.matchHousehold(p.householdId, p.assessmentId) })),
      );
      await this.assessments.markMatchEnqueued(pending.map((p) => p.assessmentId));
      return pending.length;
    } catch (error) {
      this.logger.warn({ err: error }, 'pending matching jobs not queued; the next sweep retries');
      return 0;
    }
  }

  /** Rule-found needs, minus removals, plus additions (an addition for a category replaces the rule's). */
  private async needsFor(
    a: AssessmentEntity,
    dto: CompleteAssessmentDto,
    manager: EntityManager,
  ): Promise<Array<Partial<NeedEntity>>> {
    const removed = new Set((dto.removeNeeds ?? []).map((n) => n.categoryCode));
    const byCategory = new Map<string, Partial<NeedEntity>>();
    for (const rule of needsFromRules(a.template!.definition, a.answers)) {
      if (removed.has(rule.category)) continue;
      byCategory.set(rule.category, {
        categoryCode: rule.category,
        severity: rule.severity,
        urgency: rule.urgency,
        source: `rule:${rule.id}`,
        note: null,
      });
    }
    for (const [i, add] of (dto.addNeeds ?? []).entries()) {
      if (!add.severity || !add.urgency) {
        throw new ValidationFailedError('addNeeds need severity and urgency', [
          { field: `addNeeds.${i}`, messages: ['severity and urgency are required to add a need'] },
        ]);
      }
      if (!(await this.categories.exists(add.categoryCode, manager))) {
        throw new DomainError('CATEGORY_NOT_FOUND', `No category ${add.categoryCode}`, [
          { field: `addNeeds.${i}.categoryCode`, messages: ['unknown category'] },
        ]);
      }
      byCategory.set(add.categoryCode, {
        categoryCode: add.categoryCode,
        severity: add.severity,
        urgency: add.urgency,
        source: 'assessor',
        note: add.reason,
      });
    }
    return [...byCategory.values()];
  }

  /**
   * Gradual exit (渐退): a household that was assisted and is now above every threshold
   * enters `exiting` for a grace period (longer when a member found work), keeping the
   * tier and circle it is leaving until the grace ends; back within a threshold it returns
   * to `active`. An exited household assessed in need again is reopened. Revisits follow
   * the effective tier.
   */
  private householdAfter(
    h: HouseholdEntity,
    tier: HouseholdEntity['tier'],
    circle: number | null,
    previous: AssessmentEntity | null,
    employed: number,
    now: Date,
  ): Partial<HouseholdEntity> {
    const change: Partial<HouseholdEntity> = { tier, circle, lastAssessedAt: now };
    const wasAssisted = previous !== null && (h.tier !== null || h.circle !== null);
    if (circle !== null) {
      if (h.status !== 'active') {
        change.status = 'active';
        change.graceEndsAt = null;
      }
    } else if (h.status === 'exiting') {
      change.tier = h.tier; // still in grace: nothing changes until it ends
      change.circle = h.circle;
    } else if (h.status === 'active' && wasAssisted) {
      const previousEmployed = Number(
        (previous!.factsSnapshot as { employed?: number } | null)?.employed ?? 0,
      );
      const months =
        employed > previousEmployed
          ? this.config.households.exitGraceMonthsEmployment
          : this.config.households.exitGraceMonths;
      change.status = 'exiting';
      change.graceEndsAt = addMonths(now, months);
      change.tier = h.tier;
      change.circle = h.circle;
    }
    change.nextRevisitAt = addMonths(now, REVISIT_MONTHS[change.tier ?? 'none']);
    return change;
  }

  private toDto(a: AssessmentEntity, needs: NeedEntity[]): AssessmentDto {
    return {
      id: a.id,
      householdId: a.householdId,
      templateId: a.templateId,
      templateVersion: a.template!.version,
      status: a.status,
      answers: a.answers,
      dimensionScores: a.dimensionScores,
      totalScore: a.totalScore === null ? null : Number(a.totalScore),
      tier: a.tier,
      circle: a.circle,
      tierReason: a.tierReason,
      completedAt: a.completedAt ? a.completedAt.toISOString() : null,
      needs: needs.map(toNeedDto),
      version: a.version,
    };
  }
}
