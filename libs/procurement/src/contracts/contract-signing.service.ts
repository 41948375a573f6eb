import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService, Clock, MatchingQueueProducer, type Principal } from '@onedoor/platform';
import { AreasRepository } from '@onedoor/areas';
import { ResourcesRepository, type ServiceLevel } from '@onedoor/resources';
import type { AwardEntity } from '../awards/award.entity';
import type { ServiceProjectEntity } from '../tenders/project.entity';
import { ContractsRepository } from './contracts.repository';
import { milestoneAmounts } from './milestone-rules';

const LEVEL_OF_AREA: Record<string, ServiceLevel> = {
  community: 'community',
  street: 'street',
  district: 'district',
  city: 'district',
};

/**
 * The accepted award becomes a contract with the tender's payment plan and a published
 * resource of the winner, in the caller's transaction; the re-match follows the commit.
 */
@Injectable()
export class ContractSigningService {
  private readonly logger = new Logger(ContractSigningService.name);

  constructor(
    private readonly repo: ContractsRepository,
    private readonly resources: ResourcesRepository,
    private readonly areas: AreasRepository,
    private readonly audit: AuditService,
    private readonly matching: MatchingQueueProducer,
    private readonly clock: Clock,
  ) {}

  /**
   * Signs the contract of an accepted award, in the caller's transaction: the contract, its
   * milestones, and the purchased service published in the pool (project category and area,
   * capacity = target households). The caller queues the re-match after commit.
   */
  async createFromAward(
    manager: EntityManager,
    award: AwardEntity,
    project: ServiceProjectEntity,
    actor: Principal,
  ): Promise<{ contractId: string; resourceId: string }> {
    const now = this.clock.now();
    const area = (await this.areas.findById(project.areaId, manager))!;
    const resourceId = await this.resources.insert(
      {
        providerId: award.providerId,
        title: `${project.title}（政府购买服务）`,
        description: project.description,
        categoryCode: project.categoryCode,
        form: 'service',
        serviceLevel: LEVEL_OF_AREA[area.level] ?? 'district',
        coverageAreaId: project.areaId,
        capacity: project.targetHouseholds,
        validFrom: project.serviceStart,
        validUntil: project.serviceEnd,
        contactNotes: `政府购买服务合同（项目 ${project.id}）`,
        eligibility: null,
        status: 'published',
        publishedAt: now,
      },
      manager,
    );
    const valueFen = Number(award.valueFen);
    const contractId = await this.repo.insertContract(manager, {
      projectId: project.id,
      awardId: award.id,
      providerId: award.providerId,
      resourceId,
      title: project.title,
      areaPath: project.areaPath,
      valueFen: String(valueFen),
      periodStart: project.serviceStart,
      periodEnd: project.serviceEnd,
      signedAt: now,
    });
    const amounts = milestoneAmounts(
      valueFen,
      project.milestones.map((m) => m.sharePercent),
    );
    await this.repo.insertMilestones(
      manager,
      project.milestones.map((m, i) => ({
        contractId,
        seq: i + 1,
        deliverable: m.deliverable,
        dueDate: m.dueDate,
        sharePercent: m.sharePercent,
        amountFen: String(amounts[i]),
      })),
    );
    await this.audit.recordMany(manager, [
      {
        entityType: 'contract',
        entityId: contractId,
        action: 'sign',
        actor,
        toState: 'active',
        data: { awardId: award.id, projectId: project.id, valueFen, resourceId },
        areaPath: project.areaPath,
      },
      {
        entityType: 'resource',
        entityId: resourceId,
        action: 'publish',
        actor,
        toState: 'published',
        reason: 'purchased service under contract',
        data: { contractId },
        areaPath: area.path,
      },
    ]);
    return { contractId, resourceId };
  }

  /** After the signing commits: households with open needs meet the new service. */
  async announce(resourceId: string): Promise<void> {
    await this.matching
      .rematchResource(resourceId, 1)
      .catch((error: unknown) =>
        this.logger.warn({ err: error, resourceId }, 'rematch of a contracted service not queued'),
      );
  }
}
