import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  Clock,
  DomainError,
  NotFoundError,
  type Principal,
  TransactionRunner,
} from '@onedoor/platform';
import { BidsRepository } from '../bids/bids.repository';
import { ContractSigningService } from '../contracts/contract-signing.service';
import { ProcurementNotices } from '../procurement-notices.service';
import { RankingService } from '../evaluation/ranking.service';
import type { ProjectDetailDto } from '../tenders/dto/project.dto';
import { ProjectLifecycleService } from '../tenders/project-lifecycle.service';
import { ProjectsRepository } from '../tenders/projects.repository';
import { ProjectsService } from '../tenders/projects.service';
import { AwardsRepository } from './awards.repository';
import { toAwardDto } from './award.mapper';
import type { AwardDto, AwardProjectDto } from './dto/award.dto';

/**
 * The award: staff award a bid of the complete ranking with a justification; the winner
 * accepts (the contract is signed) or declines before its deadline, or staff lapse an award
 * left unanswered. A decline or lapse re-opens the award to the next-ranked bid.
 */
@Injectable()
export class AwardsService {
  constructor(
    private readonly awards: AwardsRepository,
    private readonly bids: BidsRepository,
    private readonly projectRows: ProjectsRepository,
    private readonly projects: ProjectsService,
    private readonly lifecycle: ProjectLifecycleService,
    private readonly rankings: RankingService,
    private readonly signing: ContractSigningService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notices: ProcurementNotices,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Awards a bid of a complete, moderated ranking. The best-ranked bid still available needs a
   * justification; any other also a deviation reason; an abnormally low price its explanation.
   */
  async award(id: string, body: AwardProjectDto, actor: Principal): Promise<ProjectDetailDto> {
    await this.tx.run(async (manager) => {
      const project = await this.lifecycle.lockForStaff(manager, id, actor);
      this.lifecycle.assertCan(project, 'award');
      const { ranking } = await this.rankings.rank(project, manager);
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
      const bid = (await this.bids.findBid(entry.bidId, manager))!;
      const now = this.clock.now();
      const awardId = await this.awards.insertAward(manager, {
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
      await this.lifecycle.transition(manager, project, 'award', actor, {
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
      const respondBy = new Date(
        now.getTime() + this.config.procurement.awardResponseDays * 86_400_000,
      );
      await this.notices.award(manager, 'award.made', project, {
        id: awardId,
        providerId: bid.providerId,
        respondBy,
      });
    });
    return this.projects.get(id, actor);
  }

  /**
   * One award, for whoever may see its project (a notice names the award, the console needs its
   * project); out of sight it does not exist.
   */
  async get(awardId: string, principal: Principal): Promise<AwardDto> {
    const award = await this.awards.findAward(awardId);
    if (!award) throw new NotFoundError('Award', 'AWARD_NOT_FOUND');
    try {
      await this.projects.visible(award.projectId, principal);
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError('Award', 'AWARD_NOT_FOUND');
      throw error;
    }
    return toAwardDto(award);
  }

  /** The winner's answer, before its deadline; a decline re-opens the award to the next bid. */
  async respond(
    awardId: string,
    answer: 'accepted' | 'declined',
    reason: string | null,
    actor: Principal,
  ): Promise<ProjectDetailDto> {
    const found = await this.awards.findAward(awardId);
    if (!found || actor.role !== 'provider' || actor.providerId !== found.providerId) {
      throw new NotFoundError('Award', 'AWARD_NOT_FOUND');
    }
    const signed = await this.tx.run(async (manager) => {
      const project = (await this.projectRows.lockProject(manager, found.projectId))!;
      const award = (await this.awards.lockAward(manager, awardId))!;
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
      await this.awards.saveAward(manager, award);
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
        await this.lifecycle.transition(manager, project, 'reopen_award', actor, {
          reason: `the winner declined: ${reason}`,
          data: { awardId },
        });
        await this.notices.award(manager, 'award.declined', project, { ...award, reason });
        return null;
      }
      // Acceptance signs the contract: the tender's payment plan, the service in the pool.
      const contract = await this.signing.createFromAward(manager, award, project, actor);
      await this.notices.contractSigned(manager, project, contract.contractId, award.providerId);
      return contract;
    });
    if (signed) await this.signing.announce(signed.resourceId);
    return this.projects.get(found.projectId, actor);
  }

  /**
   * Staff lapse an award the winner left unanswered past its deadline: handled like a
   * decline, so the next-ranked bid can be awarded.
   */
  async lapse(awardId: string, actor: Principal): Promise<ProjectDetailDto> {
    const found = await this.awards.findAward(awardId);
    if (!found) throw new NotFoundError('Award', 'AWARD_NOT_FOUND');
    await this.tx.run(async (manager) => {
      const project = await this.lifecycle.lockForStaff(manager, found.projectId, actor);
      const award = (await this.awards.lockAward(manager, awardId))!;
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
      await this.awards.saveAward(manager, award);
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
      await this.lifecycle.transition(manager, project, 'reopen_award', actor, {
        reason: 'the winner did not answer by the deadline',
        data: { awardId },
      });
      await this.notices.award(manager, 'award.declined', project, {
        ...award,
        reason: 'no answer by the deadline',
      });
    });
    return this.projects.get(found.projectId, actor);
  }
}
