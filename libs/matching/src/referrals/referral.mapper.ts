import type { Principal } from '@onedoor/platform';
import type { ResourceSummary } from '@onedoor/resources';
import type { ReferralDto } from './referral.dto';
import type { ReferralEntity } from './referral.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toReferralDto(r: ReferralEntity, resource: ResourceSummary): ReferralDto {
  return {
    id: r.id,
    proposalId: r.proposalId,
    needId: r.needId,
    householdId: r.householdId,
    resourceId: r.resourceId,
    resourceTitle: resource.title,
    providerId: r.providerId,
    providerName: resource.providerName,
    status: r.status,
    urgency: r.urgency,
    categoryCode: r.categoryCode,
    acceptDueAt: r.acceptDueAt.toISOString(),
    deliverDueAt: r.deliverDueAt.toISOString(),
    acceptedAt: iso(r.acceptedAt),
    deliveredAt: iso(r.deliveredAt),
    closedAt: iso(r.closedAt),
    endedAt: iso(r.endedAt),
    declineReason: r.declineReason,
    declineNote: r.declineNote,
    unitsDelivered: r.unitsDelivered,
    amountDeliveredFen: r.amountDeliveredFen === null ? null : Number(r.amountDeliveredFen),
    satisfaction: r.satisfaction,
    needResolved: r.needResolved,
    feedbackNote: r.feedbackNote,
    overdue: r.overdueAt !== null && (r.status === 'open' || r.status === 'accepted'),
    overdueAt: iso(r.overdueAt),
    escalatedToAreaId: r.escalatedToAreaId,
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * The snapshot as the reader may see it: a provider needs the need and the decision, not
 * the household's health and income facts.
 */
export function snapshotFor(r: ReferralEntity, reader: Principal): Record<string, unknown> {
  if (reader.role !== 'provider') return { ...r.snapshot };
  const { facts: _facts, ...household } = r.snapshot.household;
  return { ...r.snapshot, household };
}
