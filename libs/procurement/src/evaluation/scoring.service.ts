import { Injectable } from '@nestjs/common';
import {
  AuditService,
  DomainError,
  isUniqueViolation,
  NotFoundError,
  type Principal,
  TransactionRunner,
} from '@onedoor/platform';
import { BidsRepository } from '../bids/bids.repository';
import { PRICE_CRITERION } from '../procurement.types';
import type { BidScoresDto, SubmitScoresDto } from './dto/score.dto';
import { EvaluationRepository } from './evaluation.repository';
import { PanelService } from './panel.service';
import { RankingService } from './ranking.service';

/**
 * The panel's scores: each evaluator scores every qualified bid independently, locked once
 * submitted and hidden from the others until all are in.
 */
@Injectable()
export class ScoringService {
  constructor(
    private readonly repo: EvaluationRepository,
    private readonly bids: BidsRepository,
    private readonly panel: PanelService,
    private readonly rankings: RankingService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** One evaluator's scores for one qualified bid: every non-price criterion, then locked. */
  async submitScores(
    bidId: string,
    body: SubmitScoresDto,
    actor: Principal,
  ): Promise<BidScoresDto> {
    const bid = await this.bids.findBid(bidId);
    if (!bid) throw new NotFoundError('Bid', 'BID_NOT_FOUND');
    const project = await this.panel.panelProject(bid.projectId, actor);
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
    const state = await this.rankings.state(project.id);
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
    const bid = await this.bids.findBid(bidId);
    if (!bid) throw new NotFoundError('Bid', 'BID_NOT_FOUND');
    const project = await this.rankings.readerProject(bid.projectId, actor);
    const { ranking, state } = await this.rankings.rank(project);
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
}
