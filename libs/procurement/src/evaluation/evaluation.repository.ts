import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { BidEntity } from '../bids/bid.entity';
import {
  BidScoreEntity,
  ConflictDeclarationEntity,
  PanelMemberEntity,
  ScoreModerationEntity,
} from './panel.entities';

/** The panel, its declarations, scores and moderations. */
@Injectable()
export class EvaluationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async panelOf(projectId: string, manager?: EntityManager): Promise<string[]> {
    const rows = await this.manager(manager).find(PanelMemberEntity, {
      where: { projectId },
      order: { evaluatorId: 'ASC' },
    });
    return rows.map((r) => r.evaluatorId);
  }

  async replacePanel(
    manager: EntityManager,
    projectId: string,
    evaluatorIds: string[],
  ): Promise<void> {
    await manager.delete(PanelMemberEntity, { projectId });
    await manager.insert(
      PanelMemberEntity,
      evaluatorIds.map((evaluatorId) => ({ projectId, evaluatorId })),
    );
  }

  async insertDeclarations(
    manager: EntityManager,
    rows: Array<Omit<ConflictDeclarationEntity, 'createdAt' | 'bid'>>,
  ): Promise<void> {
    await manager.insert(ConflictDeclarationEntity, rows);
  }

  declarationsOf(projectId: string, evaluatorId: string): Promise<ConflictDeclarationEntity[]> {
    return this.dataSource
      .getRepository(ConflictDeclarationEntity)
      .find({ where: { projectId, evaluatorId }, order: { createdAt: 'ASC', bidId: 'ASC' } });
  }

  allDeclarations(
    projectId: string,
    manager?: EntityManager,
  ): Promise<ConflictDeclarationEntity[]> {
    return this.manager(manager).find(ConflictDeclarationEntity, { where: { projectId } });
  }

  async insertScores(
    manager: EntityManager,
    rows: Array<Omit<BidScoreEntity, 'createdAt' | 'bid'>>,
  ): Promise<void> {
    await manager.insert(BidScoreEntity, rows);
  }

  scoresOf(projectId: string, manager?: EntityManager): Promise<BidScoreEntity[]> {
    return this.manager(manager).find(BidScoreEntity, { where: { projectId } });
  }

  /** A moderation row holds only its bid: the project is found through the bid. */
  moderationsOf(projectId: string, manager?: EntityManager): Promise<ScoreModerationEntity[]> {
    return this.manager(manager)
      .createQueryBuilder(ScoreModerationEntity, 'sm')
      .innerJoin(BidEntity, 'b', 'b.id = sm.bidId')
      .where('b.projectId = :projectId', { projectId })
      .getMany();
  }

  async upsertModeration(
    manager: EntityManager,
    row: Omit<ScoreModerationEntity, 'createdAt' | 'bid'>,
  ): Promise<void> {
    await manager.upsert(ScoreModerationEntity, row, ['bidId', 'criterion']);
  }
}
