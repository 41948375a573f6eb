import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, NotFoundError, type Principal } from '@onedoor/platform';
import type { AwardEntity } from '../awards/award.entity';
import { AwardsRepository } from '../awards/awards.repository';
import { type BidRow, BidsRepository } from '../bids/bids.repository';
import { isSealed } from '../procurement.types';
import type { ServiceProjectEntity } from '../tenders/project.entity';
import { ProjectsService } from '../tenders/projects.service';
import type { RankingDto } from './dto/ranking.dto';
import { EvaluationRepository } from './evaluation.repository';
import type {
  BidScoreEntity,
  ConflictDeclarationEntity,
  ScoreModerationEntity,
} from './panel.entities';
import { rankBids, type Ranking } from './ranking';

/** Everything the ranking is computed from, read in one go. */
export interface EvaluationState {
  panel: string[];
  bids: BidRow[];
  declarations: ConflictDeclarationEntity[];
  scores: BidScoreEntity[];
  moderations: ScoreModerationEntity[];
  awards: AwardEntity[];
}

/** Ranking plus which bids' organizations declined an award. */
export type ProjectRanking = Ranking & { declinedBids: Set<string> };

/** The ranking of a project's qualified bids, computed from the panel's scores and moderations. */
@Injectable()
export class RankingService {
  constructor(
    private readonly repo: EvaluationRepository,
    private readonly bids: BidsRepository,
    private readonly awards: AwardsRepository,
    private readonly projects: ProjectsService,
  ) {}

  /**
   * The panel, the live bids and every declaration, score, moderation and award of a project.
   * Inside a transaction the reads run one after another: its manager holds one connection, and
   * pg deprecates a query sent while the client is still executing another. Outside one, the pool
   * runs them side by side.
   */
  async state(projectId: string, manager?: EntityManager): Promise<EvaluationState> {
    if (!manager) {
      const [panel, bids, declarations, scores, moderations, awards] = await Promise.all([
        this.repo.panelOf(projectId),
        this.bids.bidsOf(projectId, {}),
        this.repo.allDeclarations(projectId),
        this.repo.scoresOf(projectId),
        this.repo.moderationsOf(projectId),
        this.awards.awardsOf(projectId),
      ]);
      return { panel, bids, declarations, scores, moderations, awards };
    }
    return {
      panel: await this.repo.panelOf(projectId, manager),
      bids: await this.bids.bidsOf(projectId, {}, manager),
      declarations: await this.repo.allDeclarations(projectId, manager),
      scores: await this.repo.scoresOf(projectId, manager),
      moderations: await this.repo.moderationsOf(projectId, manager),
      awards: await this.awards.awardsOf(projectId, manager),
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

  /** Once an award was made the ranking is frozen: a decline passes to the next bid as ranked. */
  assertNotAwarded(state: EvaluationState): void {
    if (state.awards.length) {
      throw new DomainError(
        'PROJECT_INVALID_TRANSITION',
        'The ranking is frozen once an award has been made',
      );
    }
  }

  /** Staff in scope or a panel member, after bidding closed. */
  async readerProject(id: string, actor: Principal): Promise<ServiceProjectEntity> {
    if (actor.role === 'provider') throw new NotFoundError('Project', 'PROJECT_NOT_FOUND');
    const { project } = await this.projects.visible(id, actor);
    if (isSealed(project)) {
      throw new DomainError('BID_SEALED', 'Nothing is ranked before bidding closes');
    }
    return project;
  }

  /** Computed from one read; inside a transaction pass its manager (no second connection). */
  async rank(
    project: ServiceProjectEntity,
    manager?: EntityManager,
  ): Promise<{ ranking: ProjectRanking; state: EvaluationState }> {
    const state = await this.state(project.id, manager);
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
