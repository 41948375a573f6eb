import type { AreaEntity } from '@onedoor/areas';
import { Clock, PageQueryDto, type Principal } from '@onedoor/platform';
import {
  AwardsService,
  BidsService,
  type CreateProjectDto,
  PanelService,
  ProjectsService,
  ScoringService,
} from '@onedoor/procurement';
import { PROJECT_CRITERIA, projectInput } from '../../../tests/factories';
import type { ServiceContext } from '../../../tests/service/support/service-context';
import { ContractsService } from '../src/contracts/contracts.service';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The criteria evaluators score (price is scored by formula), in the tender's order. */
export const QUALITY = PROJECT_CRITERIA.filter((c) => c.code !== 'price').map((c) => c.code);

type SubmitBid = Parameters<BidsService['submit']>[1];

/** A bid within the default budget; the team meets the default requirements unless said. */
export const bidBody = (priceFen: number, certifiedSocialWorkers = 5, yearsOperating = 6) =>
  ({
    priceFen,
    proposal: `服务方案，报价 ${priceFen} 分`,
    team: { certifiedSocialWorkers, yearsOperating, staffCount: 12 },
    attachments: [{ name: '方案.pdf', mediaType: 'application/pdf', sizeBytes: 20480 }],
  }) as SubmitBid;

type Project = Awaited<ReturnType<ProjectsService['get']>>;

/**
 * A tender driven through its services, as staff, bidders and evaluators would over HTTP:
 * the steps most procurement cases pass through on the way to what they test.
 */
export class Tenders {
  readonly projects: ProjectsService;
  readonly bids: BidsService;
  readonly panel: PanelService;
  readonly scoring: ScoringService;
  readonly awards: AwardsService;
  readonly clock: Clock;

  constructor(private readonly ctx: ServiceContext) {
    this.projects = ctx.get(ProjectsService);
    this.bids = ctx.get(BidsService);
    this.panel = ctx.get(PanelService);
    this.scoring = ctx.get(ScoringService);
    this.awards = ctx.get(AwardsService);
    this.clock = ctx.get(Clock);
  }

  /** Moves the app's clock to `at` (restored by jest.restoreAllMocks). */
  setNow(at: Date): void {
    jest.spyOn(this.clock, 'now').mockReturnValue(at);
  }

  /** A fresh district and a civil-affairs officer of it. */
  async world() {
    const tree = await this.ctx.factory.district();
    const staff = await this.ctx.factory.principal('civil_affairs', tree.district);
    return { tree, staff };
  }

  draft(
    staff: Principal,
    area: AreaEntity,
    over: Partial<CreateProjectDto> | Record<string, unknown> = {},
  ): Promise<Project> {
    return this.projects.create(projectInput(area, over), staff);
  }

  /** A draft published now, open for `closesInMs`. */
  async published(
    staff: Principal,
    area: AreaEntity,
    closesInMs = HOUR,
    over: Partial<CreateProjectDto> | Record<string, unknown> = {},
  ): Promise<Project> {
    const p = await this.draft(staff, area, over);
    return this.projects.publish(p.id, new Date(Date.now() + closesInMs), staff);
  }

  /** Moves past the deadline and closes by hand (the clock stays moved). */
  closeBidding(staff: Principal, project: { id: string; closesAt: string | null }) {
    this.setNow(new Date(new Date(project.closesAt!).getTime() + 1_000));
    return this.projects.closeBidding(project.id, staff);
  }

  /** `n` evaluator accounts. */
  async evaluators(n: number): Promise<Principal[]> {
    const list: Principal[] = [];
    for (let i = 0; i < n; i += 1) list.push(await this.ctx.factory.principal('evaluator'));
    return list;
  }

  setPanel(staff: Principal, projectId: string, panel: Principal[]) {
    return this.panel.setPanel(
      projectId,
      panel.map((e) => e.userId),
      staff,
    );
  }

  scores(score: number | number[]) {
    return {
      scores: QUALITY.map((criterion, i) => ({
        criterion,
        score: Array.isArray(score) ? score[i] : score,
      })),
    };
  }

  /**
   * A tender run to an accepted award: a legal-aid service for a new district, paid 40% then
   * 60%, one bid of 800,000 fen scored 80 by a panel of three; returns the signed contract.
   */
  async awardedContract(extra: Partial<CreateProjectDto> | Record<string, unknown> = {}) {
    const { tree, staff } = await this.world();
    const org = await this.ctx.factory.socialWorkOrg(tree.district);
    const today = Date.now();
    const day = (offset: number) => new Date(today + offset * DAY).toISOString().slice(0, 10);
    const project = await this.published(staff, tree.district, HOUR, {
      title: '社区法律援助服务项目',
      categoryCode: 'legal_aid',
      targetHouseholds: 30,
      serviceStart: day(-1),
      serviceEnd: day(365),
      description: '为困难家庭提供法律咨询与代理',
      requirements: { minCertifiedSocialWorkers: 1, minYearsOperating: 1 },
      milestones: [
        { deliverable: '完成需求评估与服务计划', dueDate: day(90), sharePercent: 40 },
        { deliverable: '完成全部个案服务', dueDate: day(360), sharePercent: 60 },
      ],
      ...extra,
    });
    const bid = await this.bids.submit(
      project.id,
      {
        priceFen: 800_000,
        proposal: '法律援助方案',
        team: { certifiedSocialWorkers: 3, yearsOperating: 5 },
      },
      org.principal,
    );
    const panel = await this.evaluators(3);
    await this.setPanel(staff, project.id, panel);
    await this.closeBidding(staff, project);
    jest.restoreAllMocks();
    await this.evaluateLoneBid(staff, project.id, bid.id, panel, 80);
    const awarded = await this.awards.award(
      project.id,
      { bidId: bid.id, justification: '唯一合格投标，得分合格' },
      staff,
    );
    await this.awards.respond(awarded.awards[0].id, 'accepted', null, org.principal);
    const contracts = this.ctx.get(ContractsService);
    const summary = (
      await contracts.list(Object.assign(new PageQueryDto(), { limit: 100 }), org.principal)
    ).items.find((c) => c.projectId === project.id)!;
    const contract = await contracts.get(summary.id, staff);
    return { tree, staff, org, project, contract };
  }

  /**
   * For a closed tender with one bid and a panel in place: qualifies the bid, starts the
   * evaluation, and has every panel member declare no conflict and give `score` everywhere.
   */
  async evaluateLoneBid(
    staff: Principal,
    projectId: string,
    bidId: string,
    panel: Principal[],
    score: number,
  ): Promise<void> {
    await this.bids.qualify(bidId, 'qualified', {}, staff);
    await this.projects.startEvaluation(projectId, staff);
    for (const e of panel) {
      await this.panel.declare(projectId, [{ bidId, conflict: false }], e);
      await this.scoring.submitScores(bidId, this.scores(score), e);
    }
  }
}
