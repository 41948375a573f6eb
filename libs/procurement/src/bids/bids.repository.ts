import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ProvidersRepository } from '@onedoor/resources';
import { BidEntity } from './bid.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A bid with what its readers need of its organization. */
export type BidRow = BidEntity & { providerName: string; providerVerified: boolean };

@Injectable()
export class BidsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly providers: ProvidersRepository,
  ) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async liveBidCounts(projectIds: string[], manager?: EntityManager): Promise<Map<string, number>> {
    if (!projectIds.length) return new Map();
    const rows: Array<{ project_id: string; n: number }> = await this.manager(manager).query(
      `SELECT project_id, count(*)::int AS n FROM bid
        WHERE project_id = ANY($1::uuid[]) AND status = 'submitted' GROUP BY project_id`,
      [projectIds],
    );
    return new Map(rows.map((r) => [r.project_id, r.n]));
  }

  /** The organizations' names and verification come from the resources lib, which owns them. */
  private async toRows(bids: BidEntity[], manager?: EntityManager): Promise<BidRow[]> {
    const providers = await this.providers.summaries(
      bids.map((b) => b.providerId),
      manager,
    );
    return bids.map((bid) => {
      const provider = providers.get(bid.providerId)!;
      return Object.assign(bid, {
        providerName: provider.name,
        providerVerified: provider.verification === 'verified',
      });
    });
  }

  async findBid(id: string, manager?: EntityManager): Promise<BidRow | null> {
    const bid = await this.manager(manager).findOneBy(BidEntity, { id });
    return bid ? (await this.toRows([bid], manager))[0] : null;
  }

  async lockBid(manager: EntityManager, id: string): Promise<BidEntity | null> {
    return manager.findOne(BidEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Live bids of a project, optionally only one organization's (of any status then). */
  async bidsOf(
    projectId: string,
    opts: { providerId?: string; qualifiedOnly?: boolean } = {},
    manager?: EntityManager,
  ): Promise<BidRow[]> {
    const qb = this.manager(manager)
      .getRepository(BidEntity)
      .createQueryBuilder('b')
      .where('b.projectId = :projectId', { projectId })
      .orderBy('b.createdAt', 'ASC')
      .addOrderBy('b.id', 'ASC');
    if (opts.providerId) qb.andWhere('b.providerId = :providerId', { providerId: opts.providerId });
    else qb.andWhere(`b.status = 'submitted'`);
    if (opts.qualifiedOnly) qb.andWhere(`b.qualification = 'qualified'`);
    return this.toRows(await qb.getMany(), manager);
  }

  async insertBid(manager: EntityManager, bid: Partial<BidEntity>): Promise<string> {
    const result = await manager.insert(BidEntity, bid);
    return result.identifiers[0].id as string;
  }

  async saveBid(manager: EntityManager, bid: BidEntity): Promise<void> {
    await manager.save(BidEntity, bid);
  }

  /**
   * Of these ids, the bids whose project's bidding has closed (their audit rows may be read).
   * Anything else — an open or cancelled-while-open tender, an id that is no bid — stays sealed.
   */
  async openedBidIds(ids: string[]): Promise<Set<string>> {
    const uuids = ids.filter((id) => UUID.test(id));
    if (!uuids.length) return new Set();
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT b.id FROM bid b JOIN service_project p ON p.id = b.project_id
        WHERE b.id = ANY($1::uuid[]) AND p.closed_at IS NOT NULL`,
      [uuids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Whether the organization ever bid on the project: bidders may read the bids after close. */
  async hasBid(projectId: string, providerId: string): Promise<boolean> {
    return this.dataSource.getRepository(BidEntity).existsBy({ projectId, providerId });
  }
}
