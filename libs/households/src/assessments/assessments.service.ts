import { Injectable, Logger } from '@nestjs/common';
import {
  AuditService,
  DomainError,
  Clock,
  jobIds,
  MatchingQueueProducer,
  NotFoundError,
  type Principal,
  TransactionRunner,
  ValidationFailedError,
} from '@onedoor/platform';
import {
  AssessmentTemplatesRepository,
  DEFAULT_TEMPLATE_CODE,
} from '../assessment-templates.repository';
import { AssessmentsRepository } from '../assessments.repository';
import type {
  AssessmentDto,
  CompleteAssessmentDto,
  CreateAssessmentDto,
  UpdateAssessmentDto,
} from '../dto/assessment.dto';
import { HouseholdsRepository } from '../households.repository';
import { answerErrors } from '../template/scoring.util';
import { AssessmentCompletionService } from './assessment-completion.service';
import { requireDraft } from './assessment-draft.util';
import { toAssessmentDto } from './assessment.mapper';

/**
 * An assessment's life: started as a draft, answered, completed (what completing decides
 * is {@link AssessmentCompletionService}'s), read; and the matching it queues on completion.
 */
@Injectable()
export class AssessmentsService {
  private readonly logger = new Logger(AssessmentsService.name);

  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly templates: AssessmentTemplatesRepository,
    private readonly households: HouseholdsRepository,
    private readonly completion: AssessmentCompletionService,
    private readonly matching: MatchingQueueProducer,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async start(
    householdId: string,
    dto: CreateAssessmentDto,
    actor: Principal,
  ): Promise<AssessmentDto> {
    const id = await this.tx.run(async (manager) => {
      // The household's row lock serialises two starts: the second sees the first's draft.
      const household = await this.households.findVisible(householdId, actor, manager, true);
      if (!household) throw new NotFoundError('Household', 'HOUSEHOLD_NOT_FOUND');
      const open = await this.assessments.openDraft(householdId, manager);
      if (open) {
        throw new DomainError(
          'ASSESSMENT_DRAFT_OPEN',
          'The household already has a draft assessment: continue or complete it',
          { assessmentId: open },
        );
      }
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

  /** The household's assessments, drafts included, newest first; needs only on GET /assessments/:id. */
  async ofHousehold(householdId: string, principal: Principal): Promise<AssessmentDto[]> {
    if (!(await this.households.isVisible(householdId, principal)))
      throw new NotFoundError('Household', 'HOUSEHOLD_NOT_FOUND');
    return (await this.assessments.ofHousehold(householdId)).map((a) => toAssessmentDto(a, []));
  }

  async get(id: string, principal: Principal): Promise<AssessmentDto> {
    const a = await this.assessments.findVisible(id, principal);
    if (!a) throw new NotFoundError('Assessment', 'ASSESSMENT_NOT_FOUND');
    return toAssessmentDto(a, await this.assessments.needsOf(id));
  }

  /** Merges answers into a draft; answers of the wrong type or range are 400. */
  async answer(id: string, dto: UpdateAssessmentDto, actor: Principal): Promise<AssessmentDto> {
    await this.tx.run(async (manager) => {
      const a = requireDraft(await this.assessments.findVisible(id, actor, manager, true));
      const answers = { ...a.answers, ...dto.answers };
      const errors = answerErrors(a.template!.definition, dto.answers, false);
      if (errors.length > 0)
        throw new ValidationFailedError(`Invalid answers: ${errors[0].field}`, errors);
      await this.assessments.update(id, { answers }, manager);
    });
    return this.get(id, actor);
  }

  /**
   * Completes a draft in one transaction; the matching job is enqueued after commit,
   * idempotent per household and assessment.
   */
  async complete(id: string, dto: CompleteAssessmentDto, actor: Principal): Promise<AssessmentDto> {
    const result = await this.tx.run((manager) =>
      this.completion.complete(id, dto, actor, manager),
    );
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
      await this.assessments.markMatchEnqueued([assessmentId], this.clock.now());
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
      await this.assessments.markMatchEnqueued(
        pending.map((p) => p.assessmentId),
        this.clock.now(),
      );
      return pending.length;
    } catch (error) {
      this.logger.warn({ err: error }, 'pending matching jobs not queued; the next sweep retries');
      return 0;
    }
  }
}
