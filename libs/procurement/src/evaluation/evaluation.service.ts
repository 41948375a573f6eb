import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  Clock,
  DomainError,
  isUniqueViolation,
  NotFoundError,
  type Principal,
  TransactionRunner,
} from '@onedoor/platform';
import type { BidDetailDto, BidScoresDto, ModerateDto, SubmitScoresDto } from '../dto/bid.dto';
import { BidsService } from '../bids.service';
import type { AwardProjectDto, DeclarationDto, ProjectDetailDto } from '../dto/project.dto';
import type { RankingDto } from '../dto/ranking.dto';
import { isProjectStaff } from '../procurement-access';
import { type EvaluationState, ProcurementRepository } from '../procurement.repository';
import { isSealed, PRICE_CRITERION } from '../procurement.types';
import type { ServiceProjectEntity } from '../project.entity';
import { ProjectsService } from '../projects.service';
import { rankBids, type Ranking } from './ranking';
import { ContractsService } from '../contracts/contracts.service';

/** Ranking plus which bids' organizations declined an award. */
type ProjectRanking = Ranking & { declinedBids: Set<string> };

/**
 * The evaluation panel and the award: evaluators declare conflicts, score each qualified bid
 * independently (locked once submitted, hidden from each other until all are in), staff
 * moderate wide spreads, the ranking is computed, and staff award with a justification.
 */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly repo: ProcurementRepository,
    private readonly projects: ProjectsService,
    private readonly contracts: ContractsService,
    private readonly bids: BidsService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Replaces the panel (at least 3 active evaluators) until evaluation starts. */
  async setPanel(id: string, evaluatorIds: string[], actor: Principal): Promise<ProjectDetailDto> {
    const unique = [...new Set(evaluatorIds)];
    if (unique.length !== evaluatorIds.length) {
      throw new DomainError('PANEL_INVALID', 'An evaluator is listed twice');
    }
    const known = await this.repo.activeEvaluators(unique);
    const unknown = unique.filter((e) => !known.has(e));
    if (unknown.length) {
      throw new DomainError('PANEL_INVALID', 'Panel members must be active evaluator accounts', {
        evaluatorIds: unknown,
      });
    }
    await this.tx.run(async (manager) => {
      const project = await this.projects.lockForStaff(manager, id, actor);
      if (!['draft', 'published', 'bidding_closed'].includes(project.status)) {
        throw new DomainError(
          'PANEL_LOCKED',
          `The project is ${project.status}: the panel is fixed once evaluation starts`,
          { status: project.status },
        );
      }
      await this.repo.replacePanel(manager, id, unique);
      await this.audit.record(manager, {
        entityType: 'service_project',
        entityId: id,
        action: 'set_panel',
        actor,
        data: { evaluatorIds: unique },
        areaPath: project.areaPath,
      });
    });
    return this.projects.get(id, actor);
  }

  /**
   * An evaluator's declarations about the bidders, once bidding has closed (the bidder list is
   * sealed before). Each is final; a conflict recuses them from that bid.
   */
  async declare(
    id: string,
    items: Array<{ bidId: string; conflict: boolean; note?: string }>,
    actor: Principal,
  ): Promise<DeclarationDto[]> {
    const project = await this.panelProject(id, actor);
    if (!['bidding_closed', 'evaluating'].includes(project.status)) {
      throw new DomainError(
        'PROJECT_INVALID_TRANSITION',
        `Conflicts are declared after bidding closes; the project is ${project.status}`,
        { status: project.status },
      );
    }
    const live = new Set((await this.repo.bidsOf(id)).map((b) => b.id));
    const unknown = items.filter((i) => !live.has(i.bidId)).map((i) => i.bidId);
    if (unknown.length) {
      throw new DomainError('BID_NOT_FOUND', 'Not live bids of this project', { bidIds: unknown });
    }
    try {
      await this.tx.run(async (manager) => {
        await this.repo.insertDeclarations(
          manager,
          items.map((i) => ({
            bidId: i.bidId,
            evaluatorId: actor.userId,
            projectId: id,
            conflict: i.conflict,
            note: i.note ?? null,
          })),
        );
        await this.audit.record(manager, {
          entityType: 'service_project',
          entityId: id,
          action: 'declare_conflicts',
          actor,
          data: {
            declarations: items.map((i) => ({ bidId: i.bidId, conflict: i.conflict })),
          },
          areaPath: project.areaPath,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(
          'DECLARATION_LOCKED',
          'A declaration about this bidder is already on record',
        );
      }
      throw error;
    }
    return this.declarationsOf(id, actor);
  }

  async declarationsOf(id: string, actor: Principal): Promise<DeclarationDto[]> {
    await this.panelProject(id, actor);
    return (await this.repo.declarationsOf(id, actor.userId)).map((d) => ({
      bidId: d.bidId,
      evaluatorId: d.evaluatorId,
      conflict: d.conflict,
      note: d.note,
    }));
  }

  /** One evaluator's scores for one qualified bid: every non-price criterion, then locked. */
  async submitScores(
    bidId: string,
    body: SubmitScoresDto,
    actor: Principal,
  ): Promise<BidScoresDto> {
    const bid = await this.repo.findBid(bidId);
    if (!bid) throw new NotFoundError('Bid', 'BID_NOT_FOUND');
    const project = await this.panelProject(bid.projectId, actor);
    if (project.status !== 'evaluating') {
      throw new DomainError(
        'PROJECT_INVALID_TRANSITION',
        `Scoring happens during evaluation; the project is ${project.status}`,
        { status: project.status },
      );
    }
    if (bid.status !== 'submitted' || bid.qualification !== 'qualified') {
      throw new DomainError('BID_NOT_LIVE', 'Only qualified bids are scored', {
        qualification: bid.qualification,
      });
    }
    const state = await this.repo.evaluationState(project.id);
    const mine = new Map(
      state.declarations.filter((d) => d.evaluatorId === actor.userId).map((d) => [d.bidId, d]),
    );
    const undeclared = state.bids
      .filter((b) => b.qualification === 'qualified' && !mine.has(b.id))
      .map((b) => b.id);
    if (undeclared.length) {
      throw new DomainError(
        'DECLARATION_REQUIRED',
        'Declare your conflicts of interest with every qualified bidder before scoring',
        { bidIds: undeclared },
      );
    }
    if (mine.get(bidId)!.conflict) {
      throw new DomainError('EVALUATOR_RECUSED', 'You declared a conflict with this bidder');
    }
    const expected = project.criteria.filter((c) => c.code !== PRICE_CRITERION).map((c) => c.code);
    const given = body.scores.map((s) => s.criterion);
    const missing = expected.filter((c) => !given.includes(c));
    const unexpected = given.filter((c, i) => !expected.includes(c) || given.indexOf(c) !== i);
    if (missing.length || unexpected.length) {
      throw new DomainError(
        'SCORES_INVALID',
        'Score every non-price criterion exactly once (price is scored by formula)',
        { expected, missing, unexpected },
      );
    }
    try {
      await this.tx.run(async (manager) => {
        await this.repo.insertScores(
          manager,
          body.scores.map((s) => ({
            bidId,
            evaluatorId: actor.userId,
            criterion: s.criterion,
            projectId: project.id,
            score: s.score,
            comment: body.comment ?? null,
          })),
        );
        // The values stay out of the audit row: others may not see them before all are in.
        await this.audit.record(manager, {
          entityType: 'bid',
          entityId: bidId,
          action: 'score',
          actor,
          data: { criteria: expected.length },
          areaPath: project.areaPath,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(
          'SCORES_LOCKED',
          'Your scores for this bid were submitted and are locked',
        );
      }
      throw error;
    }
    return this.scores(bidId, actor);
  }

  /**
   * The panel's scores of a bid: your own always; the others' only once every evaluator has
   * submitted on every qualified bid. Staff see who has submitted, and the values then too.
   */
  async scores(bidId: string, actor: Principal): Promise<BidScoresDto> {
    const bid = await this.repo.findBid(bidId);
    if (!bid) throw new NotFoundError('Bid', 'BID_NOT_FOUND');
    const project = await this.readerProject(bid.projectId, actor);
    const { ranking, state } = await this.rank(project);
    const all = ranking.status !== 'incomplete';
    const recused = new Set(
      state.declarations.filter((d) => d.conflict).map((d) => `${d.evaluatorId}/${d.bidId}`),
    );
    return {
      bidId,
      allSubmitted: all,
      evaluators: state.panel.map((evaluatorId) => {
        const own = state.scores.filter((s) => s.bidId === bidId && s.evaluatorId === evaluatorId);
        const visible = all || evaluatorId === actor.userId;
        return {
          evaluatorId,
          submitted: own.length > 0,
          recused: recused.has(`${evaluatorId}/${bidId}`),
          scores: visible ? own.map((s) => ({ criterion: s.criterion, score: s.score })) : [],
          comment: visible ? (own[0]?.comment ?? null) : null,
        };
      }),
    };
  }

  async ranking(id: string, actor: Principal): Promise<RankingDto> {
    const project = await this.readerProject(id, actor);
    const { ranking, state } = await this.rank(project);
    if (actor.role === 'evaluator' && ranking.status === 'incomplete') {
      throw new DomainError(
        'SCORING_INCOMPLETE',
        'The ranking opens to evaluators once every score is in',
      );
    }
    return this.toRankingDto(project, ranking, state);
  }

  /** Staff comment on (and may settle) a criterion whose scores spread over 40 points. */
  async moderate(bidId: string, body: ModerateDto, actor: Principal): Promise<RankingDto> {
    const bid = await this.repo.findBid(bidId);
    if (!bid) throw new NotFoundError('Bid', 'BID_NOT_FOUND');
    await this.tx.run(async (manager) => {
      const project = await this.projects.lockForStaff(manager, bid.projectId, actor);
      if (project.status !== 'evaluating') {
        throw new DomainError('PROJECT_INVALID_TRANSITION', `The project is ${project.status}`, {
          status: project.status,
        });
      }
      const { ranking, state } = await this.rank(project, manager);
      this.assertNotAwarded(state);
      if (ranking.status === 'incomplete') {
        throw new DomainError('SCORING_INCOMPLETE', 'Moderation follows the last score');
      }
      const criterion = ranking.entries
        .find((e) => e.bidId === bidId)
        ?.criteria.find((c) => c.code === body.criterion);
      if (!criterion?.spreadFlag) {
        throw new DomainError(
          'MODERATION_NOT_NEEDED',
          `The scores of ${body.criterion} on this bid do not spread over 40 points`,
        );
      }
      await this.repo.upsertModeration(manager, {
        bidId,
        criterion: body.criterion,
        score: body.score === undefined ? null : String(body.score),
        comment: body.comment,
        moderatedById: actor.userId,
      });
      await this.audit.record(manager, {
        entityType: 'bid',
        entityId: bidId,
        action: 'moderate',
        actor,
        reason: body.comment,
        data: {
          criterion: body.criterion,
          originalScores: criterion.scores.map((s) => s.score),
          mean: criterion.mean,
          moderatedScore: body.score ?? null,
        },
        areaPath: project.areaPath,
      });
    });
    return this.ranking(bid.projectId, actor);
  }

  /** The explanation of an abnormally low price, from the bidder or recorded by staff. */
  async justifyPrice(bidId: string, note: string, actor: Principal): Promise<BidDetailDto> {
    const bid = await this.repo.findBid(bidId);
    if (!bid) throw new NotFoundError('Bid', 'BID_NOT_FOUND');
    const project = await this.repo.findProject(bid.projectId);
    const own = actor.role === 'provider' && actor.providerId === bid.providerId;
    if (!project || !(own || isProjectStaff(actor, project))) {
      throw new NotFoundError('Bid', 'BID_NOT_FOUND');
    }
    await this.tx.run(async (manager) => {
      const locked = (await this.repo.lockProject(manager, project.id))!;
      if (locked.status !== 'evaluating') {
        throw new DomainError('PROJECT_INVALID_TRANSITION', `The project is ${locked.status}`, {
          status: locked.status,
        });
      }
      const { ranking, state } = await this.rank(locked, manager);
      this.assertNotAwarded(state);
      if (!ranking.entries.find((e) => e.bidId === bidId)?.abnormallyLowPrice.flagged) {
        throw new DomainError(
          'PRICE_NOT_ABNORMAL',
          'The price of this bid is not flagged as abnormally low',
        );
      }
      const row = (await this.repo.lockBid(manager, bidId))!;
      row.priceJustification = note;
      await this.repo.saveBid(manager, row);
      await this.audit.record(manager, {
        entityType: 'bid',
        entityId: bidId,
        action: 'justify_price',
        actor,
        reason: note,
        areaPath: locked.areaPath,
      });
    });
    // The bid, not the ranking: the bidder may call this while scores are still hidden.
    return this.bids.get(bidId, actor);
  }

  /** Once an award was made the ranking is frozen: a decline passes to the next bid as ranked. */
  private assertNotAwarded(state: EvaluationState): void {
    if (state.awards.length) {
      throw new DomainError(
        'PROJECT_INVALID_TRANSITION',
        'The ranking is frozen once an award has been made',
      );
    }
  }

  /**
   * Awards a bid of a complete, moderated ranking. The best-ranked bid still available needs a
   * justification; any other also a deviation reason; an abnormally low price its explanation.
   */
  async award(id: string, body: AwardProjectDto, actor: Principal): Promise<ProjectDetailDto> {
    await this.tx.run(async (manager) => {
      const project = await this.projects.lockForStaff(manager, id, actor);
      this.projects.assertCan(project, 'award');
      const { ranking } = await this.rank(project, manager);
      const { declinedBids } = ranking;
      if (ranking.status !== 'ranked') {
        throw new DomainError(
          'RANKING_NOT_READY',
          ranking.status === 'incomplete'
            ? 'Not every evaluator has scored every qualified bid'
            : 'Spread flags wait for a moderation comment',
          { status: ranking.status, pendingModeration: ranking.pendingModeration },
        );
      }
      const entry = ranking.entries.find((e) => e.bidId === body.bidId);
      if (!entry) throw new NotFoundError('Bid', 'BID_NOT_FOUND');
      if (declinedBids.has(entry.bidId)) {
        throw new DomainError('BID_NOT_LIVE', 'This bidder declined the award');
      }
      const best = ranking.entries.find((e) => !declinedBids.has(e.bidId))!;
      if (best.bidId !== entry.bidId && !body.deviationReason) {
        throw new DomainError(
          'AWARD_DEVIATION_UNJUSTIFIED',
          `The bid ranks ${entry.rank}; the best-ranked available bid is ranked ${best.rank}: say why this one is chosen (deviationReason)`,
          { bestBidId: best.bidId, rank: entry.rank },
        );
      }
      if (entry.abnormallyLowPrice.flagged && !entry.abnormallyLowPrice.justification) {
        throw new DomainError(
          'PRICE_JUSTIFICATION_REQUIRED',
          'The price is abnormally low: record the bidder’s justification before awarding',
        );
      }
      const bid = (await this.repo.findBid(entry.bidId, manager))!;
      const now = this.clock.now();
      const awardId = await this.repo.insertAward(manager, {
        projectId: id,
        bidId: bid.id,
        providerId: bid.providerId,
        rank: entry.rank!,
        totalScore: entry.total.toFixed(2),
        valueFen: bid.priceFen,
        justification: body.justification,
        deviationReason: best.bidId === entry.bidId ? null : body.deviationReason!,
        awardedById: actor.userId,
        respondBy: new Date(now.getTime() + this.config.procurement.awardResponseDays * 86_400_000),
      });
      await this.projects.transition(manager, project, 'award', actor, {
        reason: body.justification,
        data: {
          awardId,
          bidId: bid.id,
          providerId: bid.providerId,
          rank: entry.rank,
          total: entry.total,
          deviationReason: body.deviationReason ?? null,
        },
      });
    });
    return this.projects.get(id, actor);
  }

  /** The winner's answer, before its deadline; a decline re-opens the award to the next bid. */
  async respond(
    awardId: string,
    answer: 'accepted' | 'declined',
    reason: string | null,
    actor: Principal,
  ): Promise<ProjectDetailDto> {
    const found = await this.repo.findAward(awardId);
    if (!found || actor.role !== 'provider' || actor.providerId !== found.providerId) {
      throw new NotFoundError('Award', 'AWARD_NOT_FOUND');
    }
    const signed = await this.tx.run(async (manager) => {
      const project = (await this.repo.lockProject(manager, found.projectId))!;
      const award = (await this.repo.lockAward(manager, awardId))!;
      if (award.status !== 'pending') {
        throw new DomainError('AWARD_NOT_PENDING', `The award was ${award.status}`, {
          status: award.status,
        });
      }
      const now = this.clock.now();
      if (now.getTime() > award.respondBy.getTime()) {
        throw new DomainError(
          'AWARD_RESPONSE_CLOSED',
          `Answers were due by ${award.respondBy.toISOString()}`,
          { respondBy: award.respondBy.toISOString() },
        );
      }
      award.status = answer;
      award.respondedAt = now;
      award.declineReason = answer === 'declined' ? reason : null;
      await this.repo.saveAward(manager, award);
      await this.audit.record(manager, {
        entityType: 'award',
        entityId: awardId,
        action: answer === 'accepted' ? 'accept' : 'decline',
        actor,
        fromState: 'pending',
        toState: answer,
        reason,
        data: { projectId: project.id, bidId: award.bidId },
        areaPath: project.areaPath,
      });
      if (answer === 'declined') {
        await this.projects.transition(manager, project, 'reopen_award', actor, {
          reason: `the winner declined: ${reason}`,
          data: { awardId },
        });
        return null;
      }
      // Acceptance signs the contract: the tender's payment plan, the service in the pool.
      return this.contracts.createFromAward(manager, award, project, actor);
    });
    if (signed) await this.contracts.announce(signed.resourceId);
    return this.projects.get(found.projectId, actor);
  }

  /**
   * Staff lapse an award the winner left unanswered past its deadline: handled like a
   * decline, so the next-ranked bid can be awarded.
   */
  async lapse(awardId: string, actor: Principal): Promise<ProjectDetailDto> {
    const found = await this.repo.findAward(awardId);
    if (!found) throw new NotFoundError('Award', 'AWARD_NOT_FOUND');
    await this.tx.run(async (manager) => {
      const project = await this.projects.lockForStaff(manager, found.projectId, actor);
      const award = (await this.repo.lockAward(manager, awardId))!;
      if (award.status !== 'pending') {
        throw new DomainError('AWARD_NOT_PENDING', `The award was ${award.status}`, {
          status: award.status,
        });
      }
      const now = this.clock.now();
      if (now.getTime() <= award.respondBy.getTime()) {
        throw new DomainError(
          'AWARD_NOT_PENDING',
          `The winner may answer until ${award.respondBy.toISOString()}`,
          { respondBy: award.respondBy.toISOString() },
        );
      }
      Object.assign(award, {
        status: 'declined',
        respondedAt: now,
        declineReason: 'no answer by the deadline',
      });
      await this.repo.saveAward(manager, award);
      await this.audit.record(manager, {
        entityType: 'award',
        entityId: awardId,
        action: 'lapse',
        actor,
        fromState: 'pending',
        toState: 'declined',
        reason: 'no answer by the deadline',
        data: { projectId: project.id, bidId: award.bidId },
        areaPath: project.areaPath,
      });
      await this.projects.transition(manager, project, 'reopen_award', actor, {
        reason: 'the winner did not answer by the deadline',
        data: { awardId },
      });
    });
    return this.projects.get(found.projectId, actor);
  }

  /** The project, for a panel member (an evaluator on another panel gets 404). */
  private async panelProject(id: string, actor: Principal): Promise<ServiceProjectEntity> {
    const project = await this.repo.findProject(id);
    if (!project) throw new NotFoundError('Project', 'PROJECT_NOT_FOUND');
    const panel = await this.repo.panelOf(id);
    if (!panel.includes(actor.userId)) {
      throw new DomainError('NOT_ON_PANEL', 'You are not on this project’s evaluation panel');
    }
    return project;
  }

  /** Staff in scope or a panel member, after bidding closed. */
  private async readerProject(id: string, actor: Principal): Promise<ServiceProjectEntity> {
    if (actor.role === 'provider') throw new NotFoundError('Project', 'PROJECT_NOT_FOUND');
    const { project } = await this.projects.visible(id, actor);
    if (isSealed(project)) {
      throw new DomainError('BID_SEALED', 'Nothing is ranked before bidding closes');
    }
    return project;
  }

  /** Computed from one read; inside a transaction pass its manager (no second connection). */
  private async rank(
    project: ServiceProjectEntity,
    manager?: EntityManager,
  ): Promise<{ ranking: ProjectRanking; state: EvaluationState }> {
    const state = await this.repo.evaluationState(project.id, manager);
    const qualified = state.bids.filter((b) => b.qualification === 'qualified');
    const ranking = rankBids({
      criteria: project.criteria,
      bids: qualified.map((b) => ({
        bidId: b.id,
        priceFen: Number(b.priceFen),
        submittedAt: b.createdAt,
        priceJustification: b.priceJustification,
      })),
      panel: state.panel,
      recusals: new Set(
        state.declarations.filter((d) => d.conflict).map((d) => `${d.evaluatorId}/${d.bidId}`),
      ),
      scores: state.scores,
      moderations: state.moderations.map((m) => ({
        bidId: m.bidId,
        criterion: m.criterion,
        score: m.score === null ? null : Number(m.score),
        comment: m.comment,
      })),
    });
    const declinedBids = new Set(
      state.awards.filter((a) => a.status === 'declined').map((a) => a.bidId),
    );
    return { ranking: { ...ranking, declinedBids }, state };
  }

  private toRankingDto(
    project: ServiceProjectEntity,
    ranking: ProjectRanking,
    state: EvaluationState,
  ): RankingDto {
    const byId = new Map(state.bids.map((b) => [b.id, b]));
    return {
      projectId: project.id,
      status: ranking.status,
      pendingModeration: ranking.pendingModeration,
      entries: ranking.entries.map((e) => ({
        ...e,
        providerId: byId.get(e.bidId)!.providerId,
        providerName: byId.get(e.bidId)!.providerName,
        declined: ranking.declinedBids.has(e.bidId),
      })),
    };
  }
}
