import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, type Principal } from '@onedoor/platform';
import {
  AwardsService,
  BidsService,
  type CreateProjectDto,
  ContractsRepository,
  MilestonesService,
  PanelService,
  PerformanceService,
  ProjectsService,
  REQUIRED_CRITERIA,
  ScoringService,
} from '@onedoor/procurement';

const DAY = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const TITLE_BIDDING = '和平区困境儿童关爱服务项目';
const TITLE_AWARDED = '和平区社区法律援助服务项目';
const CRITERIA = [
  { code: REQUIRED_CRITERIA[0], name: '价格', weight: 30 },
  { code: REQUIRED_CRITERIA[1], name: '专业资质', weight: 20 },
  { code: REQUIRED_CRITERIA[2], name: '内部治理', weight: 10 },
  { code: REQUIRED_CRITERIA[3], name: '人力资源', weight: 15 },
  { code: REQUIRED_CRITERIA[4], name: '服务方案', weight: 25 },
];

export interface DemoProcurementActors {
  staff: Principal;
  swo: Principal;
  evaluators: [Principal, Principal, Principal];
}

/**
 * The purchasing cycle for a newcomer to see: one tender open for bids, and one run through
 * the API's own services from publication two months ago to a signed contract with a met and
 * paid milestone and a completed mid-term evaluation. The past is replayed by setting the
 * Clock (the services read time only from it), so every record carries a coherent date.
 */
@Injectable()
export class DemoProcurementSeeder {
  private readonly logger = new Logger(DemoProcurementSeeder.name);

  constructor(
    private readonly projects: ProjectsService,
    private readonly bids: BidsService,
    private readonly panel: PanelService,
    private readonly scoring: ScoringService,
    private readonly awards: AwardsService,
    private readonly milestones: MilestonesService,
    private readonly contractsRepo: ContractsRepository,
    private readonly performance: PerformanceService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Idempotent by title: returns how many projects it created. */
  async seed(districtId: string, a: DemoProcurementActors): Promise<number> {
    const existing: Array<{ title: string }> = await this.dataSource.query(
      `SELECT title FROM service_project WHERE title = ANY($1)`,
      [[TITLE_BIDDING, TITLE_AWARDED]],
    );
    const have = new Set(existing.map((r) => r.title));
    let created = 0;
    const realNow = this.clock.now();
    const now = this.clock.now.bind(this.clock);
    try {
      if (!have.has(TITLE_AWARDED)) {
        await this.awarded(districtId, a, realNow);
        created += 1;
      }
    } finally {
      this.clock.now = now;
    }
    if (!have.has(TITLE_BIDDING)) {
      await this.inBidding(districtId, a, realNow);
      created += 1;
    }
    return created;
  }

  private body(districtId: string, over: Partial<CreateProjectDto>): CreateProjectDto {
    return {
      title: TITLE_BIDDING,
      categoryCode: 'care',
      areaId: districtId,
      budgetFen: 30_000_000,
      targetHouseholds: 60,
      serviceStart: '2027-01-01',
      serviceEnd: '2027-12-31',
      description: '为辖区困境儿童家庭提供个案管理、学业辅导与心理支持',
      requirements: { minCertifiedSocialWorkers: 3, minYearsOperating: 2 },
      criteria: CRITERIA,
      ...over,
    };
  }

  private async inBidding(districtId: string, a: DemoProcurementActors, now: Date): Promise<void> {
    const p = await this.projects.create(this.body(districtId, {}), a.staff);
    await this.projects.publish(p.id, new Date(now.getTime() + 30 * DAY), a.staff);
    await this.bids.submit(
      p.id,
      {
        priceFen: 27_500_000,
        proposal: '以家庭为中心的困境儿童个案管理与社区支持网络建设方案',
        team: { certifiedSocialWorkers: 8, yearsOperating: 9, staffCount: 26 },
        attachments: [{ name: '服务方案.pdf', mediaType: 'application/pdf', sizeBytes: 482_113 }],
      },
      a.swo,
    );
  }

  private async awarded(districtId: string, a: DemoProcurementActors, now: Date): Promise<void> {
    const at = (daysAgo: number) => {
      const d = new Date(now.getTime() - daysAgo * DAY);
      this.clock.now = () => d;
      return d;
    };
    at(60);
    const start = new Date(now.getTime() - 30 * DAY);
    const p = await this.projects.create(
      this.body(districtId, {
        title: TITLE_AWARDED,
        categoryCode: 'legal_aid',
        budgetFen: 12_000_000,
        targetHouseholds: 40,
        serviceStart: isoDate(start),
        serviceEnd: isoDate(new Date(start.getTime() + 364 * DAY)),
        description: '为低保、特困及低收入家庭提供法律咨询、调解与诉讼代理',
        requirements: { minCertifiedSocialWorkers: 2, minYearsOperating: 2 },
        milestones: [
          {
            deliverable: '完成需求评估与服务计划',
            dueDate: isoDate(new Date(start.getTime() + 20 * DAY)),
            sharePercent: 30,
          },
          {
            deliverable: '完成中期服务并通过中期评估',
            dueDate: isoDate(new Date(start.getTime() + 180 * DAY)),
            sharePercent: 40,
          },
          {
            deliverable: '完成全部个案并通过终期评估',
            dueDate: isoDate(new Date(start.getTime() + 364 * DAY)),
            sharePercent: 30,
          },
        ],
      }),
      a.staff,
    );
    await this.projects.publish(p.id, new Date(now.getTime() - 38 * DAY), a.staff);
    await this.panel.setPanel(
      p.id,
      a.evaluators.map((e) => e.userId),
      a.staff,
    );
    at(45);
    const bid = await this.bids.submit(
      p.id,
      {
        priceFen: 11_200_000,
        proposal: '驻社区律师工作站 + 社工个案跟进的法律援助服务方案',
        team: { certifiedSocialWorkers: 6, yearsOperating: 9, staffCount: 18 },
      },
      a.swo,
    );
    at(38);
    await this.projects.closeBidding(p.id, a.staff);
    at(37);
    await this.bids.qualify(bid.id, 'qualified', {}, a.staff);
    await this.projects.startEvaluation(p.id, a.staff);
    const sheets = [
      [85, 80, 82, 88],
      [90, 85, 80, 86],
      [82, 78, 85, 84],
    ];
    for (const [i, e] of a.evaluators.entries()) {
      await this.panel.declare(p.id, [{ bidId: bid.id, conflict: false }], e);
      await this.scoring.submitScores(
        bid.id,
        {
          scores: CRITERIA.slice(1).map((c, j) => ({ criterion: c.code, score: sheets[i][j] })),
        },
        e,
      );
    }
    at(35);
    const awarded = await this.awards.award(
      p.id,
      { bidId: bid.id, justification: '唯一合格投标人，综合得分 85 分以上，报价低于预算' },
      a.staff,
    );
    at(33);
    await this.awards.respond(awarded.awards[0].id, 'accepted', null, a.swo);
    const [contract] = await this.contractsRepo.contractsOfProject(p.id);
    const milestones = await this.contractsRepo.milestones(contract.id);
    at(10);
    await this.milestones.decideMilestone(
      contract.id,
      milestones[0].id,
      { outcome: 'met', evidence: '完成 40 户需求评估，服务计划经街道备案' },
      a.staff,
    );
    at(5);
    const opened = await this.performance.open(
      contract.id,
      {
        kind: 'mid_term',
        evaluators: [
          { userId: a.staff.userId, type: 'government' },
          { userId: a.evaluators[0].userId, type: 'third_party' },
          { userId: a.evaluators[1].userId, type: 'recipient_representative' },
        ],
      },
      a.staff,
    );
    const evaluationId = opened.evaluations[0].id;
    const dims = [
      [85, 82, 80, 78],
      [88, 80, 84, 80],
      [90, 86, 82, 85],
    ];
    const raters = [a.staff, a.evaluators[0], a.evaluators[1]];
    for (const [i, r] of raters.entries()) {
      const [administrativeSupervision, serviceOutcomes, projectManagement, socialImpact] = dims[i];
      await this.performance.submit(
        evaluationId,
        { administrativeSupervision, serviceOutcomes, projectManagement, socialImpact },
        r,
      );
    }
    at(3);
    const done = await this.performance.complete(evaluationId, a.staff);
    this.logger.log(
      `demo procurement: ${TITLE_AWARDED} awarded, contract signed, mid-term ${done.grade} (${done.finalScore}), milestone 1 paid`,
    );
  }
}
