import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { applyAreaScope, type PageQueryDto, type Principal, pageOffset } from '@onedoor/platform';
import { AwardEntity } from './award.entity';
import { BidEntity } from './bid.entity';
import {
  BidScoreEntity,
  ConflictDeclarationEntity,
  PanelMemberEntity,
  ScoreModerationEntity,
} from './evaluation/panel.entities';
import { ServiceProjectEntity } from './project.entity';
import type { ProjectStatus } from './procurement.types';

/** A bid with what its readers need of its organization. */
export type BidRow = BidEntity & { providerName: string; providerVerified: boolean };

/** Everything the ranking is computed from, read in one go. */
export interface EvaluationState {
  panel: string[];
  bids: BidRow[];
  declarations: ConflictDeclarationEntity[];
  scores: BidScoreEntity[];
  moderations: ScoreModerationEntity[];
  awards: AwardEntity[];
}

@Injectable()
export class ProcurementRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findProject(id: string, manager?: EntityManager): Promise<ServiceProjectEntity | null> {
    return this.manager(manager).findOneBy(ServiceProjectEntity, { id });
  }

  /** The project row locked for the transaction: every state change goes through here. */
  lockProject(
    manager: EntityManager,
    id: string,
    mode: 'pessimistic_write' | 'pessimistic_read' = 'pessimistic_write',
  ): Promise<ServiceProjectEntity | null> {
    return manager.findOne(ServiceProjectEntity, { where: { id }, lock: { mode } });
  }

  /**
   * Projects the caller may see: staff their area's, providers every published one (tenders
   * are public calls), evaluators those whose panel they sit on.
   */
  listProjects(
    query: PageQueryDto & { status?: ProjectStatus },
    principal: Principal,
  ): Promise<[ServiceProjectEntity[], number]> {
    const qb = this.dataSource
      .getRepository(ServiceProjectEntity)
      .createQueryBuilder('p')
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .skip(pageOffset(query))
      .take(query.limit);
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (principal.role === 'provider') qb.andWhere(`p.status <> 'draft'`);
    else if (principal.role === 'evaluator') {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM panel_member m WHERE m.project_id = p.id AND m.evaluator_id = :me)',
        { me: principal.userId },
      );
    } else applyAreaScope(qb, 'p.areaPath', principal);
    return qb.getManyAndCount();
  }

  async insertProject(
    manager: EntityManager,
    project: Partial<ServiceProjectEntity>,
  ): Promise<string> {
    const result = await manager.insert(ServiceProjectEntity, project);
    return result.identifiers[0].id as string;
  }

  async saveProject(manager: EntityManager, project: ServiceProjectEntity): Promise<void> {
    await manager.save(ServiceProjectEntity, project);
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

  /** Projects still taking bids past their deadline (the sweep behind the delayed jobs). */
  async dueForClosing(now: Date): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM service_project WHERE status = 'published' AND closes_at <= $1 ORDER BY closes_at`,
      [now],
    );
    return rows.map((r) => r.id);
  }

  private bidsQuery(manager?: EntityManager) {
    return this.manager(manager)
      .getRepository(BidEntity)
      .createQueryBuilder('b')
      .innerJoin('b.provider', 'pr')
      .addSelect(['pr.name', 'pr.verification']);
  }

  private toRow(bid: BidEntity): BidRow {
    return Object.assign(bid, {
      providerName: bid.provider!.name,
      providerVerified: bid.provider!.verification === 'verified',
    });
  }

  async findBid(id: string, manager?: EntityManager): Promise<BidRow | null> {
    const bid = await this.bidsQuery(manager).where('b.id = :id', { id }).getOne();
    return bid ? this.toRow(bid) : null;
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
    const qb = this.bidsQuery(manager)
      .where('b.projectId = :projectId', { projectId })
      .orderBy('b.createdAt', 'ASC')
      .addOrderBy('b.id', 'ASC');
    if (opts.providerId) qb.andWhere('b.providerId = :providerId', { providerId: opts.providerId });
    else qb.andWhere(`b.status = 'submitted'`);
    if (opts.qualifiedOnly) qb.andWhere(`b.qualification = 'qualified'`);
    return (await qb.getMany()).map((b) => this.toRow(b));
  }

  async insertBid(manager: EntityManager, bid: Partial<BidEntity>): Promise<string> {
    const result = await manager.insert(BidEntity, bid);
    return result.identifiers[0].id as string;
  }

  async saveBid(manager: EntityManager, bid: BidEntity): Promise<void> {
    await manager.save(BidEntity, bid);
  }

  /** Whether the organization ever bid on the project: bidders may read the bids after close. */
  async hasBid(projectId: string, providerId: string): Promise<boolean> {
    return this.dataSource.getRepository(BidEntity).existsBy({ projectId, providerId });
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

  /** Of the ids given, those that are active evaluator accounts. */
  async activeEvaluators(ids: string[]): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND role = 'evaluator' AND active`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
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

  async insertScores(
    manager: EntityManager,
    rows: Array<Omit<BidScoreEntity, 'createdAt' | 'bid'>>,
  ): Promise<void> {
    await manager.insert(BidScoreEntity, rows);
  }

  async upsertModeration(
    manager: EntityManager,
    row: Omit<ScoreModerationEntity, 'createdAt' | 'bid'>,
  ): Promise<void> {
    await manager.upsert(ScoreModerationEntity, row, ['bidId', 'criterion']);
  }

  /** The panel, the live bids and every declaration, score, moderation and award of a project. */
  async evaluationState(projectId: string, manager?: EntityManager): Promise<EvaluationState> {
    const m = this.manager(manager);
    const [panel, bids, declarations, scores, moderations, awards] = await Promise.all([
      this.panelOf(projectId, m),
      this.bidsOf(projectId, {}, m),
      m.find(ConflictDeclarationEntity, { where: { projectId } }),
      m.find(BidScoreEntity, { where: { projectId } }),
      m
        .createQueryBuilder(ScoreModerationEntity, 'sm')
        .innerJoin(BidEntity, 'b', 'b.id = sm.bidId')
        .where('b.projectId = :projectId', { projectId })
        .getMany(),
      this.awardsOf(projectId, m),
    ]);
    return { panel, bids, declarations, scores, moderations, awards };
  }

  awardsOf(projectId: string, manager?: EntityManager): Promise<AwardEntity[]> {
    return this.manager(manager).find(AwardEntity, {
      where: { projectId },
      order: { createdAt: 'ASC' },
    });
  }

  findAward(id: string): Promise<AwardEntity | null> {
    return this.dataSource.getRepository(AwardEntity).findOneBy({ id });
  }

  lockAward(manager: EntityManager, id: string): Promise<AwardEntity | null> {
    return manager.findOne(AwardEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insertAward(manager: EntityManager, award: Partial<AwardEntity>): Promise<string> {
    const result = await manager.insert(AwardEntity, award);
    return result.identifiers[0].id as string;
  }

  async saveAward(manager: EntityManager, award: AwardEntity): Promise<void> {
    await manager.save(AwardEntity, award);
  }
}
