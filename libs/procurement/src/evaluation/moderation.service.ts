import { Injectable } from '@nestjs/common';
import {
  AuditService,
  DomainError,
  NotFoundError,
  type Principal,
  TransactionRunner,
} from '@onedoor/platform';
import { BidsRepository } from '../bids/bids.repository';
import { BidsService } from '../bids/bids.service';
import type { BidDetailDto } from '../bids/dto/bid.dto';
import { isProjectStaff } from '../procurement-access';
import { ProjectLifecycleService } from '../tenders/project-lifecycle.service';
import { ProjectsRepository } from '../tenders/projects.repository';
import type { RankingDto } from './dto/ranking.dto';
import type { ModerateDto } from './dto/score.dto';
import { EvaluationRepository } from './evaluation.repository';
import { RankingService } from './ranking.service';

/**
 * What staff settle before an award: a criterion whose scores spread too wide, and the
 * explanation of an abnormally low price. Both freeze once an award has been made.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly repo: EvaluationRepository,
    private readonly bids: BidsRepository,
    private readonly bidsService: BidsService,
    private readonly projectRows: ProjectsRepository,
    private readonly lifecycle: ProjectLifecycleService,
    private readonly rankings: RankingService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** Staff comment on (and may settle) a criterion whose scores spread over 40 points. */
  async moderate(bidId: string, body: ModerateDto, actor: Principal): Promise<RankingDto> {
    const bid = await this.bids.findBid(bidId);
    if (!bid) throw new NotFoundError('Bid', 'BID_NOT_FOUND');
    await this.tx.run(async (manager) => {
      const project = await this.lifecycle.lockForStaff(manager, bid.projectId, actor);
      if (project.status !== 'evaluating') {
        throw new DomainError('PROJECT_INVALID_TRANSITION', `The project is ${project.status}`, {
          status: project.status,
        });
      }
      const { ranking, state } = await this.rankings.rank(project, manager);
      this.rankings.assertNotAwarded(state);
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
    return this.rankings.ranking(bid.projectId, actor);
  }

  /** The explanation of an abnormally low price, from the bidder or recorded by staff. */
  async justifyPrice(bidId: string, note: string, actor: Principal): Promise<BidDetailDto> {
    const bid = await this.bids.findBid(bidId);
    if (!bid) throw new NotFoundError('Bid', 'BID_NOT_FOUND');
    const project = await this.projectRows.findProject(bid.projectId);
    const own = actor.role === 'provider' && actor.providerId === bid.providerId;
    if (!project || !(own || isProjectStaff(actor, project))) {
      throw new NotFoundError('Bid', 'BID_NOT_FOUND');
    }
    await this.tx.run(async (manager) => {
      const locked = (await this.projectRows.lockProject(manager, project.id))!;
      if (locked.status !== 'evaluating') {
        throw new DomainError('PROJECT_INVALID_TRANSITION', `The project is ${locked.status}`, {
          status: locked.status,
        });
      }
      const { ranking, state } = await this.rankings.rank(locked, manager);
      this.rankings.assertNotAwarded(state);
      if (!ranking.entries.find((e) => e.bidId === bidId)?.abnormallyLowPrice.flagged) {
        throw new DomainError(
          'PRICE_NOT_ABNORMAL',
          'The price of this bid is not flagged as abnormally low',
        );
      }
      const row = (await this.bids.lockBid(manager, bidId))!;
      row.priceJustification = note;
      await this.bids.saveBid(manager, row);
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
    return this.bidsService.get(bidId, actor);
  }
}
