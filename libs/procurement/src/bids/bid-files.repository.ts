import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { BidFileEntity } from './bid-file.entity';

@Injectable()
export class BidFilesRepository {
  constructor(@InjectRepository(BidFileEntity) private readonly links: Repository<BidFileEntity>) {}

  async fileIdsOf(bidId: string): Promise<string[]> {
    const rows = await this.links.find({ where: { bidId }, order: { createdAt: 'ASC' } });
    return rows.map((r) => r.fileId);
  }

  async isLinked(bidId: string, fileId: string): Promise<boolean> {
    return this.links.existsBy({ bidId, fileId });
  }

  async link(manager: EntityManager, bidId: string, fileId: string): Promise<void> {
    await manager.getRepository(BidFileEntity).insert({ bidId, fileId });
  }

  /** The replaced bid's files go with its successor (same transaction as the replacement). */
  async copyLinks(manager: EntityManager, fromBidId: string, toBidId: string): Promise<void> {
    await manager.query(
      `INSERT INTO bid_file (bid_id, file_id, created_at)
       SELECT $2, file_id, created_at FROM bid_file WHERE bid_id = $1`,
      [fromBidId, toBidId],
    );
  }
}
