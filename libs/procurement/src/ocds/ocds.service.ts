import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  Clock,
  NotFoundError,
  type Page,
  type PageQueryDto,
} from '@onedoor/platform';
import { AreasRepository } from '@onedoor/areas';
import { AwardsRepository } from '../awards/awards.repository';
import { BidsRepository } from '../bids/bids.repository';
import { ContractsRepository } from '../contracts/contracts.repository';
import { isSealed } from '../procurement.types';
import type { ServiceProjectEntity } from '../tenders/project.entity';
import { ProjectsRepository } from '../tenders/projects.repository';
import type { OcdsInput } from './ocds-input';
import { toOcdsReleasePackage } from './ocds.mapper';

/**
 * Reads a project's records and hands them to the pure OCDS mapping. Public, as OCDS publishers
 * publish: once a project is published its package is open to anyone; a draft has none, and
 * sealed bids stay out until bidding closes.
 */
@Injectable()
export class OcdsService {
  constructor(
    private readonly bids: BidsRepository,
    private readonly awards: AwardsRepository,
    private readonly projects: ProjectsRepository,
    private readonly contracts: ContractsRepository,
    private readonly areas: AreasRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async releasePackage(id: string): Promise<Record<string, unknown>> {
    const project = await this.projects.findProject(id);
    // A draft has no release: it was never published.
    if (!project?.publishedAt) throw new NotFoundError('Project', 'PROJECT_NOT_FOUND');
    return this.packageOf(project);
  }

  /** Every published project's package, the most recently published first. */
  async releasePackages(page: PageQueryDto): Promise<Page<Record<string, unknown>>> {
    const [rows, total] = await this.projects.listPublished(page);
    const packages = await Promise.all(rows.map((p) => this.packageOf(p)));
    return { items: packages, total, page: page.page, limit: page.limit };
  }

  private async packageOf(project: ServiceProjectEntity): Promise<Record<string, unknown>> {
    const id = project.id;
    const sealed = isSealed(project);
    const [area, bids, awards, contracts] = await Promise.all([
      this.areas.findById(project.areaId),
      // Sealed bids stay out of the export like everywhere else.
      sealed ? Promise.resolve([]) : this.bids.bidsOf(id),
      this.awards.awardsOf(id),
      this.contracts.contractsOfProject(id),
    ]);
    // Awards and contracts come after close, when bids are immutable: every awarded bid is
    // among the live bids read above.
    const names = new Map(bids.map((b) => [b.providerId, b.providerName]));
    const input: OcdsInput = {
      ocidPrefix: this.config.procurement.ocidPrefix,
      publisher: { name: 'OneDoor' },
      generatedAt: this.clock.now(),
      buyer: { id: `area-${area!.id}`, name: `${area!.name}民政部门` },
      project: {
        id: project.id,
        title: project.title,
        description: project.description,
        categoryCode: project.categoryCode,
        areaId: project.areaId,
        areaName: area!.name,
        budgetFen: Number(project.budgetFen),
        targetHouseholds: project.targetHouseholds,
        serviceStart: project.serviceStart,
        serviceEnd: project.serviceEnd,
        status: project.status,
        createdAt: project.createdAt,
        publishedAt: project.publishedAt,
        closesAt: project.closesAt,
        closedAt: project.closedAt,
        updatedAt: project.updatedAt,
        endReason: project.endReason,
        criteria: project.criteria,
        requirements: project.requirements,
      },
      biddingClosed: !sealed,
      bids: bids.map((b) => ({
        id: b.id,
        providerId: b.providerId,
        providerName: b.providerName,
        priceFen: Number(b.priceFen),
        qualification: b.qualification,
        submittedAt: b.createdAt,
      })),
      awards: awards.map((a) => ({
        id: a.id,
        bidId: a.bidId,
        providerId: a.providerId,
        providerName: names.get(a.providerId)!,
        status: a.status,
        valueFen: Number(a.valueFen),
        justification: a.justification,
        createdAt: a.createdAt,
        respondedAt: a.respondedAt,
      })),
      contracts: await Promise.all(
        contracts.map(async (c) => {
          const [milestones, payments] = await Promise.all([
            this.contracts.milestones(c.id),
            this.contracts.payments(c.id),
          ]);
          return {
            id: c.id,
            awardId: c.awardId,
            title: c.title,
            valueFen: Number(c.valueFen),
            status: c.status,
            periodStart: c.periodStart,
            periodEnd: c.periodEnd,
            signedAt: c.signedAt,
            endedAt: c.endedAt,
            milestones: milestones.map((m) => ({
              id: m.id,
              deliverable: m.deliverable,
              dueDate: m.dueDate,
              sharePercent: m.sharePercent,
              amountFen: Number(m.amountFen),
              outcome: m.outcome,
              decidedAt: m.decidedAt,
            })),
            payments: payments.map((p) => ({
              id: p.id,
              milestoneId: p.milestoneId,
              amountFen: Number(p.amountFen),
              paidAt: p.paidAt,
              payeeId: c.providerId,
              payeeName: names.get(c.providerId)!,
            })),
          };
        }),
      ),
    };
    return toOcdsReleasePackage(input);
  }
}
