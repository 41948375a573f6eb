import { Injectable } from '@nestjs/common';
import { CasesRepository, type CaseRow } from '@onedoor/households';
import {
  AuditService,
  Clock,
  DomainError,
  type FieldError,
  FilesService,
  isUniqueViolation,
  NotFoundError,
  type Principal,
  StaleVersionError,
  TransactionRunner,
  ValidationFailedError,
} from '@onedoor/platform';
import type { EntityManager } from 'typeorm';
import type { CasePlanEntity } from './case-plan.entity';
import type { PlanDto, PlanVersionDto, SavePlanDto } from './dto/plan.dto';
import { toPlanDto, toPlanVersionDto } from './plan.mapper';
import { PlanSyncService } from './plan-sync.service';
import { type NewAction, type NewGoal, PlansRepository } from './plans.repository';

/**
 * A household's plan, one per case, in versions. `generate` writes version 1 as a draft from
 * the latest completed assessment's open needs and their approved proposals; a draft is
 * edited in place (the revision sent must be current: of two edits, one wins, the other is 409
 * STALE_VERSION); editing an agreed plan writes the next version as a draft, the agreed one
 * staying current for the family until the new one is agreed (PlanAgreementService).
 */
@Injectable()
export class PlansService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly cases: CasesRepository,
    private readonly sync: PlanSyncService,
    private readonly files: FilesService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async generate(caseId: string, actor: Principal): Promise<PlanDto> {
    await this.tx.run(async (manager) => {
      const row = await this.openCase(caseId, actor, manager);
      // The case row's lock serialises two generations: the second finds the first's plan.
      await this.cases.lock(caseId, manager);
      if (await this.plans.current(caseId, manager)) {
        throw new DomainError('CASE_PLAN_EXISTS', 'The case has a plan: edit it instead');
      }
      const sources = await this.plans.needSources(row.householdId, manager);
      const planId = await this.plans.insertPlan(
        {
          caseId,
          version: 1,
          status: 'draft',
          agreedAt: null,
          agreedByName: null,
          agreementMethod: null,
          agreementFileId: null,
          attestedBy: null,
          createdBy: actor.userId,
          createdAt: this.clock.now(),
        },
        manager,
      );
      await this.plans.replaceContent(
        planId,
        sources.map((need, sort) => ({
          needId: need.needId,
          category: need.categoryCode,
          title: need.categoryName,
          targetDate: null,
          status: 'open',
          flagged: false,
          flagReason: null,
          sort,
          actions: need.steps.map((s, i) => ({
            kind: 'referral',
            referralId: s.referralId,
            proposalId: s.proposalId,
            description: s.resourceTitle,
            dueDate: null,
            status:
              s.referralStatus === 'delivered' || s.referralStatus === 'closed' ? 'done' : 'todo',
            sort: i,
          })),
        })),
        manager,
      );
      await this.audit.record(manager, {
        entityType: 'case_plan',
        entityId: planId,
        action: 'generate',
        actor,
        toState: 'draft',
        data: { householdId: row.householdId, caseId, version: 1, goals: sources.length },
        areaPath: row.communityPath,
      });
    });
    return this.get(caseId, actor);
  }

  /** The current plan (synced with its referrals first), or an earlier version. */
  async get(caseId: string, principal: Principal, version?: number): Promise<PlanDto> {
    await this.visibleCase(caseId, principal);
    if (version === undefined) await this.sync.sync(caseId);
    const plan =
      version === undefined
        ? await this.plans.current(caseId)
        : await this.plans.byVersion(caseId, version);
    if (!plan) throw new NotFoundError('Plan', 'CASE_PLAN_NOT_FOUND');
    return this.toDto(plan);
  }

  async versions(caseId: string, principal: Principal): Promise<PlanVersionDto[]> {
    await this.visibleCase(caseId, principal);
    const plans = await this.plans.versions(caseId);
    const names = await this.plans.userNames(
      plans.map((p) => p.attestedBy).filter((u): u is string => !!u),
    );
    return plans.map((p) => toPlanVersionDto(p, names));
  }

  /**
   * The whole plan as the adviser edited it: a draft is replaced in place; an agreed plan
   * gets its next version, a draft holding these goals (the agreed one is left as it was).
   */
  async save(caseId: string, dto: SavePlanDto, actor: Principal): Promise<PlanDto> {
    await this.tx.run(async (manager) => {
      const row = await this.openCase(caseId, actor, manager);
      // The case row's lock serialises two saves of an agreed plan: the second finds the
      // first's new draft (whose revision is past the one it sent) instead of writing the
      // same next version again.
      await this.cases.lock(caseId, manager);
      const plan = await this.plans.current(caseId, manager, true);
      if (!plan) throw new NotFoundError('Plan', 'CASE_PLAN_NOT_FOUND');
      if (plan.revision !== dto.revision)
        throw new StaleVersionError('Plan', dto.revision, plan.revision);
      if (plan.status !== 'draft' && plan.status !== 'agreed') {
        throw new DomainError('CASE_PLAN_STATE_CONFLICT', `The plan is ${plan.status}`);
      }
      const previous = await this.plans.goals(plan.id, manager);
      const previousActions = new Set(
        (await this.plans.actions(plan.id, manager)).map((a) => a.id),
      );
      await this.checkLinks(row.householdId, dto, manager);
      const asDraft = plan.status === 'draft';
      const content = this.content(dto, previous, asDraft ? previousActions : null);
      let planId = plan.id;
      if (asDraft) {
        await this.plans.updatePlan(plan.id, {}, manager);
      } else {
        planId = await this.plans
          .insertPlan(
            {
              caseId,
              version: plan.version + 1,
              // Revisions never repeat across a case's versions: a client holding the agreed
              // version's revision cannot pass as current against its successor's draft.
              revision: plan.revision + 1,
              status: 'draft',
              agreedAt: null,
              agreedByName: null,
              agreementMethod: null,
              agreementFileId: null,
              attestedBy: null,
              createdBy: actor.userId,
              createdAt: this.clock.now(),
            },
            manager,
          )
          .catch((error: unknown) => {
            // Someone wrote this version first (the lock above makes it rare): stale, not 500.
            if (isUniqueViolation(error))
              throw new StaleVersionError('Plan', dto.revision, plan.revision + 1);
            throw error;
          });
      }
      await this.plans.replaceContent(planId, content, manager);
      await this.audit.record(manager, {
        entityType: 'case_plan',
        entityId: planId,
        action: asDraft ? 'edit' : 'new_version',
        actor,
        fromState: plan.status,
        toState: 'draft',
        data: {
          householdId: row.householdId,
          caseId,
          version: asDraft ? plan.version : plan.version + 1,
          goals: content.length,
        },
        areaPath: row.communityPath,
      });
    });
    return this.get(caseId, actor);
  }

  /**
   * The goals to write: a draft keeps the ids sent that were its own (`actionIds`: its
   * actions'); a new version gets new ones (null).
   */
  private content(
    dto: SavePlanDto,
    previous: Array<{ id: string; flagged: boolean; flagReason: NewGoal['flagReason'] }>,
    actionIds: Set<string> | null,
  ): Array<NewGoal & { actions: NewAction[] }> {
    const keepIds = actionIds !== null;
    const byId = new Map(previous.map((g) => [g.id, g]));
    return dto.goals.map((g, sort) => {
      const before = g.id ? byId.get(g.id) : undefined;
      // Omitted, the sync's flag stays; false is the adviser clearing it.
      const flagged = g.flagged === false ? false : (before?.flagged ?? false);
      return {
        ...(keepIds && before ? { id: before.id } : {}),
        needId: g.needId ?? null,
        category: g.category,
        title: g.title,
        targetDate: g.targetDate ?? null,
        status: g.status,
        flagged,
        flagReason: flagged ? (before?.flagReason ?? null) : null,
        sort,
        actions: g.actions.map((a, i) => ({
          ...(a.id && actionIds?.has(a.id) ? { id: a.id } : {}),
          kind: a.kind,
          referralId: a.referralId ?? null,
          proposalId: a.proposalId ?? null,
          description: a.description,
          dueDate: a.dueDate ?? null,
          status: a.status,
          sort: i,
        })),
      };
    });
  }

  /** Categories must exist; needs, referrals and proposals must be the household's. */
  private async checkLinks(
    householdId: string,
    dto: SavePlanDto,
    manager: EntityManager,
  ): Promise<void> {
    const actions = dto.goals.flatMap((g) => g.actions);
    const [categories, links] = await Promise.all([
      this.plans.knownCategories([...new Set(dto.goals.map((g) => g.category))], manager),
      this.plans.householdLinks(
        householdId,
        {
          needs: dto.goals.map((g) => g.needId).filter((v): v is string => !!v),
          referrals: actions.map((a) => a.referralId).filter((v): v is string => !!v),
          proposals: actions.map((a) => a.proposalId).filter((v): v is string => !!v),
        },
        manager,
      ),
    ]);
    const errors: FieldError[] = [];
    const link = (field: string) =>
      errors.push({ field, constraint: 'planLink', message: "not one of the household's" });
    dto.goals.forEach((g, i) => {
      if (!categories.has(g.category))
        errors.push({
          field: `goals[${i}].category`,
          constraint: 'unknownCategory',
          message: 'unknown category',
        });
      if (g.needId && !links.needs.has(g.needId)) link(`goals[${i}].needId`);
      g.actions.forEach((a, j) => {
        if (a.referralId && !links.referrals.has(a.referralId))
          link(`goals[${i}].actions[${j}].referralId`);
        if (a.proposalId && !links.proposals.has(a.proposalId))
          link(`goals[${i}].actions[${j}].proposalId`);
      });
    });
    if (errors.length > 0) throw new ValidationFailedError('The plan has invalid fields', errors);
  }

  async toDto(plan: CasePlanEntity): Promise<PlanDto> {
    const [goals, actions, names, files] = await Promise.all([
      this.plans.goals(plan.id),
      this.plans.actions(plan.id),
      this.plans.userNames(plan.attestedBy ? [plan.attestedBy] : []),
      this.files.findMany(plan.agreementFileId ? [plan.agreementFileId] : []),
    ]);
    return toPlanDto(plan, goals, actions, names, files[0] ?? null);
  }

  async visibleCase(caseId: string, principal: Principal, manager?: EntityManager) {
    const row = await this.cases.findVisible(caseId, principal, manager);
    if (!row) throw new NotFoundError('Case', 'CASE_NOT_FOUND');
    return row;
  }

  /** A plan is written only while its case is open. */
  async openCase(caseId: string, actor: Principal, manager: EntityManager): Promise<CaseRow> {
    const row = await this.visibleCase(caseId, actor, manager);
    if (row.status !== 'open')
      throw new DomainError('CASE_STATE_CONFLICT', 'The case is closed: its plan is read only');
    return row;
  }
}
