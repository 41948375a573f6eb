import { Injectable } from '@nestjs/common';
import { AreasRepository } from '@onedoor/areas';
import { HouseholdsRepository } from '@onedoor/households';
import {
  Clock,
  ForbiddenError,
  isInScope,
  NotFoundError,
  type ListPage,
  type Principal,
  toListPage,
} from '@onedoor/platform';
import { coversFen, needGap } from '@onedoor/ledger';
import { type ResourceSummary, ResourceSummariesRepository } from '@onedoor/resources';
import { expandRejections, type RejectionGroup } from './engine/match-engine';
import type { NeedProposalsDto } from './dto/bulk-approval.dto';
import type { MatchQueryDto, NeedMatchesDto, ProposalDto } from './dto/match.dto';
import { type MatchProposalEntity, proposalDeadline } from './match-proposal.entity';
import { type WorkQueueFieldsDto, workQueueFields } from './work-queue';
import { MatchProposalsRepository } from './match-proposals.repository';
import { HouseholdBenefitsRepository } from './household-benefits.repository';

export function toProposalDto(
  m: MatchProposalEntity,
  resource: ResourceSummary,
  queue?: WorkQueueFieldsDto,
): ProposalDto {
  return {
    ...queue,
    id: m.id,
    needId: m.needId,
    householdId: m.householdId,
    resourceId: m.resourceId,
    resourceTitle: resource.title,
    providerName: resource.providerName,
    serviceLevel: resource.serviceLevel,
    status: m.status,
    categoryCode: m.categoryCode,
    urgency: m.urgency,
    score: Number(m.score),
    rank: m.rank,
    explanation: m.explanation,
    createdAt: m.createdAt.toISOString(),
  };
}

/** Proposals as the API shows them: the approval queue, one proposal, a household's "why not". */
@Injectable()
export class MatchProposalsService {
  constructor(
    private readonly matches: MatchProposalsRepository,
    private readonly households: HouseholdsRepository,
    private readonly resources: ResourceSummariesRepository,
    private readonly areas: AreasRepository,
    private readonly clock: Clock,
    private readonly benefits: HouseholdBenefitsRepository,
  ) {}

  async list(query: MatchQueryDto, principal: Principal): Promise<ListPage<ProposalDto>> {
    let areaPath: string | undefined;
    if (query.areaId) {
      const area = await this.areas.findById(query.areaId);
      if (!area) throw new NotFoundError('Area', 'AREA_NOT_FOUND');
      if (!isInScope(principal, area.path))
        throw new ForbiddenError('The area is outside your scope');
      areaPath = area.path;
    }
    const now = this.clock.now();
    const page = await this.matches.list({ ...query, areaPath }, query, principal, now);
    const [resources, labels] = await Promise.all([
      this.resources.byIds(page.rows.map((m) => m.resourceId)),
      this.households.labels(page.rows.map((m) => m.householdId)),
    ]);
    // Only staff read the approval queue: the household's name is theirs to see.
    const items = page.rows.map((m) =>
      toProposalDto(
        m,
        resources.get(m.resourceId)!,
        workQueueFields(labels.get(m.householdId)!, proposalDeadline(m), now),
      ),
    );
    return toListPage(items, query, page);
  }

  async get(id: string, principal: Principal): Promise<ProposalDto> {
    const m = await this.matches.findVisible(id, principal);
    if (!m) throw new NotFoundError('Match', 'MATCH_NOT_FOUND');
    const resources = await this.resources.byIds([m.resourceId]);
    return toProposalDto(m, resources.get(m.resourceId)!);
  }

  /**
   * The "why not" view: every need with its proposals and the candidates excluded, with
   * reasons (a stacking conflict names its rule and the benefit it is with, as the run stored
   * it); needs and proposals from one snapshot (a run is seen whole or not at all). A money-gap
   * need's gap and each open proposal's share of it are computed now, from what the household
   * receives now (they change with every approval, delivery or entry, not only with runs).
   */
  async forHousehold(householdId: string, principal: Principal): Promise<NeedMatchesDto[]> {
    if (!(await this.households.isVisible(householdId, principal)))
      throw new NotFoundError('Household', 'HOUSEHOLD_NOT_FOUND');
    const { needs, proposals } = await this.matches.householdSnapshot(householdId);
    // Stored grouped by identical exclusion; the view answers per resource, as it always did.
    const rejectedOf = new Map(
      needs.map((n) => [n.id, expandRejections((n.matchRejections ?? []) as RejectionGroup[])]),
    );
    // One read for the proposed and the excluded resources alike.
    const [resources, received] = await Promise.all([
      this.resources.byIds([
        ...proposals.map((p) => p.resourceId),
        ...[...rejectedOf.values()].flatMap((list) => list.map((r) => r.resourceId)),
      ]),
      this.benefits.of([householdId]),
    ]);
    const { benefits } = received.get(householdId)!;
    return needs.map((n) => {
      const gap = needGap(
        { id: n.id, gapFen: n.gapFen === null ? null : Number(n.gapFen) },
        benefits,
      );
      return {
        needId: n.id,
        categoryCode: n.categoryCode,
        severity: n.severity,
        urgency: n.urgency,
        status: n.status,
        lastMatchedAt: n.lastMatchedAt ? n.lastMatchedAt.toISOString() : null,
        unmetReasons: n.unmetReasons,
        gap,
        proposals: proposals
          .filter((p) => p.needId === n.id)
          .map((p) => {
            const resource = resources.get(p.resourceId)!;
            // What an open proposal would add; a decided one's share is in the gap's covered.
            const covers = p.status === 'proposed' ? coversFen(resource, gap) : null;
            return { ...toProposalDto(p, resource), coversFen: covers };
          }),
        rejected: rejectedOf.get(n.id)!.map((r) => ({
          ...r,
          resourceTitle: resources.get(r.resourceId)?.title ?? null,
        })) as NeedMatchesDto['rejected'],
      };
    });
  }

  /** A household's open proposals grouped by need (needs without one left out), best first. */
  async openByNeed(householdId: string, principal: Principal): Promise<NeedProposalsDto[]> {
    const needs = await this.forHousehold(householdId, principal);
    return needs
      .map((n) => ({
        needId: n.needId,
        categoryCode: n.categoryCode,
        severity: n.severity,
        urgency: n.urgency,
        proposals: n.proposals
          .filter((p) => p.status === 'proposed')
          .sort((a, b) => a.rank - b.rank),
      }))
      .filter((n) => n.proposals.length > 0);
  }
}
