import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type NeedEntity, NeedsRepository } from '@onedoor/households';
import {
  applyAreaScope,
  inOrder,
  type ListQueryDto,
  pageIds,
  type Principal,
} from '@onedoor/platform';
import { MatchProposalEntity, PROPOSAL_DEADLINE_SQL } from './match-proposal.entity';
import { type WorkQueueSort, workQueueKeys } from './work-queue';

export interface ProposalFilter {
  status?: string;
  urgency?: string;
  category?: string;
  areaPath?: string;
  householdId?: string;
  communityId?: string;
  tier?: string;
  dueWithin?: number;
  sort?: WorkQueueSort;
}

/** Reads of proposals for the API, always inside the reader's area scope. */
@Injectable()
export class MatchProposalsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly needs: NeedsRepository,
  ) {}

  private scoped(principal: Principal) {
    // The scope and the area filter must cut the page in this statement, and a proposal has no
    // area path of its own: the household's community is joined for its path only (nothing
    // selected). The resources shown come from the resources lib, once per page.
    const qb = this.dataSource
      .getRepository(MatchProposalEntity)
      .createQueryBuilder('m')
      .innerJoin('m.household', 'h')
      .innerJoin('h.community', 'community');
    return applyAreaScope(qb, 'community.path', principal);
  }

  /**
   * The approval queue: one page of proposals in scope (by cursor, or by offset with `page`),
   * filtered and sorted as work queues are (work-queue.ts).
   */
  async list(
    filter: ProposalFilter,
    query: ListQueryDto,
    principal: Principal,
    now: Date,
  ): Promise<{ rows: MatchProposalEntity[]; nextCursor: string | null; total?: number }> {
    const qb = this.scoped(principal).andWhere('m.status = :status', {
      status: filter.status ?? 'proposed',
    });
    if (filter.urgency) qb.andWhere('m.urgency = :urgency', { urgency: filter.urgency });
    if (filter.category) qb.andWhere('m.categoryCode = :category', { category: filter.category });
    if (filter.householdId)
      qb.andWhere('m.householdId = :householdId', { householdId: filter.householdId });
    if (filter.areaPath)
      qb.andWhere('community.path LIKE :areaPrefix', { areaPrefix: `${filter.areaPath}%` });
    if (filter.communityId) qb.andWhere('h.communityId = :cid', { cid: filter.communityId });
    if (filter.tier) qb.andWhere('h.tier = :tier', { tier: filter.tier });
    if (filter.dueWithin !== undefined) {
      // Until proposals have a deadline, none is due within any horizon.
      if (PROPOSAL_DEADLINE_SQL === null) qb.andWhere('1 = 0');
      else
        qb.andWhere(`${PROPOSAL_DEADLINE_SQL} <= :dueBy`, {
          dueBy: new Date(now.getTime() + filter.dueWithin * 3600_000),
        });
    }
    const keys = workQueueKeys(filter.sort ?? 'urgency', {
      deadline: PROPOSAL_DEADLINE_SQL,
      urgency: 'm.urgency',
      createdAt: 'm.created_at',
      id: 'm.id',
    });
    const page = await pageIds(qb, keys, 'm.id', query);
    const rows =
      page.ids.length === 0
        ? []
        : await this.dataSource
            .getRepository(MatchProposalEntity)
            .createQueryBuilder('m')
            .where('m.id = ANY(:ids)', { ids: page.ids })
            .getMany();
    return { rows: inOrder(page.ids, rows), nextCursor: page.nextCursor, total: page.total };
  }

  findVisible(id: string, principal: Principal): Promise<MatchProposalEntity | null> {
    return this.scoped(principal).andWhere('m.id = :id', { id }).getOne();
  }

  /**
   * The household's needs and proposals as of one moment: one read-only REPEATABLE READ
   * transaction, so a matching run committing meanwhile shows all of its writes or none (read
   * apart, a need could show `open` beside the proposal the same run superseded).
   */
  householdSnapshot(
    householdId: string,
  ): Promise<{ needs: NeedEntity[]; proposals: MatchProposalEntity[] }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const needs = await this.needs.ofHousehold(householdId, manager);
      const proposals = await this.forHousehold(householdId, manager);
      return { needs, proposals };
    });
  }

  private forHousehold(
    householdId: string,
    manager: EntityManager,
  ): Promise<MatchProposalEntity[]> {
    return manager
      .getRepository(MatchProposalEntity)
      .createQueryBuilder('m')
      .where('m.householdId = :householdId', { householdId })
      .orderBy('m.createdAt', 'ASC')
      .addOrderBy('m.rank', 'ASC')
      .getMany();
  }
}
