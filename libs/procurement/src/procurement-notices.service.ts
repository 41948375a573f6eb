import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventOutbox, type OutboxEventInput } from '@onedoor/platform';
import { ProvidersRepository } from '@onedoor/resources';
import { BidsRepository } from './bids/bids.repository';
import type { ServiceProjectEntity } from './tenders/project.entity';

type EventType = OutboxEventInput['type'];

/**
 * Procurement's notices, written in the caller's transaction beside the audit row: who must
 * hear of a tender, an award, a decline, a signature, an evaluation. One place, so every
 * service names its recipients the same way.
 */
@Injectable()
export class ProcurementNotices {
  constructor(
    private readonly outbox: EventOutbox,
    private readonly providers: ProvidersRepository,
    private readonly bids: BidsRepository,
  ) {}

  /**
   * A published tender: every verified social-work organization whose home area overlaps the
   * tender's area (the category is in the data for them to judge: organizations do not declare
   * categories, and a tender exists to find new supply).
   */
  async tenderPublished(manager: EntityManager, project: ServiceProjectEntity): Promise<void> {
    const orgs = await this.providers.socialWorkOrgsOverlapping(manager, project.areaPath);
    if (orgs.length === 0) return;
    await this.outbox.emit(manager, {
      ...this.base('tender.published', project),
      audience: orgs.map((providerId) => ({ providerId })),
      data: {
        ...this.projectData(project),
        budgetFen: project.budgetFen,
        closesAt: project.closesAt?.toISOString() ?? null,
      },
    });
  }

  /**
   * An award (made, or declined / lapsed): the winner, and for a new award the other bidders
   * too (they lost), and the staff of the tender's area.
   */
  async award(
    manager: EntityManager,
    type: 'award.made' | 'award.declined',
    project: ServiceProjectEntity,
    award: { id: string; providerId: string; respondBy?: Date; reason?: string | null },
  ): Promise<void> {
    const others =
      type === 'award.made'
        ? (await this.bids.bidsOf(project.id, {}, manager))
            .map((b) => b.providerId)
            .filter((p) => p !== award.providerId)
        : [];
    await this.outbox.emit(manager, {
      ...this.base(type, project),
      entityType: 'award',
      entityId: award.id,
      providerId: award.providerId,
      audience: [
        { providerId: award.providerId },
        ...[...new Set(others)].map((providerId) => ({ providerId })),
        { roles: ['civil_affairs'], areaPath: project.areaPath },
      ],
      data: {
        ...this.projectData(project),
        awardId: award.id,
        winnerProviderId: award.providerId,
        respondBy: award.respondBy?.toISOString() ?? null,
        reason: award.reason ?? null,
      },
    });
  }

  /** The contract signed: the organization and the staff of the tender's area. */
  async contractSigned(
    manager: EntityManager,
    project: ServiceProjectEntity,
    contractId: string,
    providerId: string,
  ): Promise<void> {
    await this.outbox.emit(manager, {
      ...this.base('contract.signed', project),
      entityType: 'contract',
      entityId: contractId,
      providerId,
      audience: [{ providerId }, { roles: ['civil_affairs'], areaPath: project.areaPath }],
      data: { ...this.projectData(project), contractId, providerId },
    });
  }

  /** Evaluators given work: a tender's panel, or a contract's performance evaluation. */
  async evaluationAssigned(
    manager: EntityManager,
    about: { entityType: string; entityId: string; areaPath: string; providerId?: string },
    userIds: string[],
    data: Record<string, unknown>,
  ): Promise<void> {
    if (userIds.length === 0) return;
    await this.outbox.emit(manager, {
      type: 'evaluation.assigned',
      ...about,
      audience: [{ userIds }],
      data,
    });
  }

  /** A completed performance evaluation opens the organization's comment window. */
  async commentOpen(
    manager: EntityManager,
    contract: { id: string; areaPath: string; providerId: string; title?: string },
    userIds: string[],
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.outbox.emit(manager, {
      type: 'evaluation.comment_open',
      entityType: 'contract',
      entityId: contract.id,
      areaPath: contract.areaPath,
      providerId: contract.providerId,
      audience: [{ userIds }, { providerId: contract.providerId }],
      data: { contractId: contract.id, contractTitle: contract.title ?? null, ...data },
    });
  }

  private base(type: EventType, project: ServiceProjectEntity) {
    return {
      type,
      entityType: 'service_project',
      entityId: project.id,
      areaPath: project.areaPath,
    };
  }

  private projectData(project: ServiceProjectEntity): Record<string, unknown> {
    return {
      projectId: project.id,
      projectTitle: project.title,
      categoryCode: project.categoryCode,
      areaId: project.areaId,
    };
  }
}
