import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type NeedEntity, NeedsRepository } from '@onedoor/households';
import { applyAreaScope, type ListQueryDto, type Principal } from '@onedoor/platform';
import { MatchProposalEntity, PROPOSAL_DEADLINE_SQL } from './match-proposal.entity';
import { pageWorkQueue, type WorkQueueFilter } from './work-queue';

export interface ProposalFilter extends WorkQueueFilter {
  status?: string;
  urgency?: string;
  areaPath?: string;
  householdId?: string;
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
    if (filter.householdId)
      qb.andWhere('m.householdId = :householdId', { householdId: filter.householdId });
    if (filter.areaPath)
      qb.andWhere('community.path LIKE :areaPrefix', { areaPrefix: `${filter.areaPath}%` });
    return pageWorkQueue(MatchProposalEntity, qb, 'm', PROPOSAL_DEADLINE_SQL, filter, query, now);
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
