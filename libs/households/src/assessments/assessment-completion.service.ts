import { Inject, Injectable } from '@nestjs/common';
import { AreasRepository } from '@onedoor/areas';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  Clock,
  DomainError,
  todayInChina,
  type Principal,
  ValidationFailedError,
} from '@onedoor/platform';
import { CategoriesRepository } from '@onedoor/resources';
import type { EntityManager } from 'typeorm';
import type { AssessmentEntity } from '../assessment.entity';
import { AssessmentsRepository } from '../assessments.repository';
import type { CompleteAssessmentDto } from '../dto/assessment.dto';
import { eligibilityFacts, employedCount, tierFacts } from '../facts.util';
import type { HouseholdEntity } from '../household.entity';
import { HouseholdsRepository } from '../households.repository';
import type { NeedEntity } from '../need.entity';
import { answerErrors, needsFromRules, scoreAnswers, tierFlags } from '../template/scoring.util';
import { computeTier, DEFAULT_THRESHOLDS } from '../tier/tier.util';
import { requireDraft } from './assessment-draft.util';
import { householdAfterAssessment } from './gradual-exit.util';

/** What the caller needs after commit to queue the household's matching. */
export interface CompletedAssessment {
  householdId: string;
  emergency: boolean;
  hasNeeds: boolean;
}

/**
 * What completing an assessment decides and writes: scores, tier and circle, needs, the
 * household's tier, exit and revisit, a frozen snapshot and the audit rows.
 */
@Injectable()
export class AssessmentCompletionService {
  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly households: HouseholdsRepository,
    private readonly areas: AreasRepository,
    private readonly categories: CategoriesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Completes a draft inside the caller's transaction: needs are the rules' plus the
   * assessor's additions and minus the removals; the superseded assessment's open needs are
   * withdrawn.
   */
  async complete(
    id: string,
    dto: CompleteAssessmentDto,
    actor: Principal,
    manager: EntityManager,
  ): Promise<CompletedAssessment> {
    const now = this.clock.now();
    const a = requireDraft(await this.assessments.findVisible(id, actor, manager, true));
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
      throw new DomainError('AREA_STANDARD_MISSING', 'The district has no minimum living standard');

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
    const householdChange = householdAfterAssessment({
      household,
      tier: tier.tier,
      circle: tier.circle,
      previous,
      employed,
      now,
      graceMonths: {
        standard: this.config.households.exitGraceMonths,
        employment: this.config.households.exitGraceMonthsEmployment,
      },
    });
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
    const withdrawn = (await this.households.withdrawOpenNeeds([a.householdId], now, manager)).map(
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
          {
            field: `addNeeds[${i}]`,
            constraint: 'severityUrgencyRequired',
            message: 'severity and urgency are required to add a need',
          },
        ]);
      }
      if (!(await this.categories.exists(add.categoryCode, manager))) {
        throw new DomainError('CATEGORY_NOT_FOUND', `No category ${add.categoryCode}`, [
          {
            field: `addNeeds[${i}].categoryCode`,
            constraint: 'unknownCategory',
            message: 'unknown category',
          },
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
}
