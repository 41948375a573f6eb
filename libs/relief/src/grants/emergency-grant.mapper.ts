import type { Principal } from '@onedoor/platform';
import type { GrantRow } from './emergency-grants.repository';
import { type EffectiveLimit, GRANT_DECIDERS, withinLimit } from './grant-limits.util';
import type { EmergencyGrantDto } from './dto/emergency-grant.dto';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The grant for its reader, with the reader's limit and whether they may approve it now. */
export function toEmergencyGrantDto(
  r: GrantRow,
  actor: Principal,
  limit: EffectiveLimit,
  now: Date,
): EmergencyGrantDto {
  const amountFen = Number(r.amountFen);
  return {
    id: r.id,
    householdId: r.householdId,
    headName: r.headName,
    communityName: r.communityName,
    fundId: r.fundId,
    fundName: r.fundName,
    fundBalanceFen: Number(r.fundBalanceFen),
    fundStatus: r.fundStatus,
    leadId: r.leadId,
    needId: r.needId,
    categoryCode: r.categoryCode,
    amountFen,
    reason: r.reason,
    status: r.status,
    requestedById: r.requestedById,
    requestedByName: r.requestedByName,
    decisionDueAt: iso(r.decisionDueAt)!,
    overdue: r.status === 'requested' && new Date(r.decisionDueAt) < now,
    escalatedAt: iso(r.escalatedAt),
    decidedByName: r.decidedByName,
    decidedAt: iso(r.decidedAt),
    decisionNote: r.decisionNote,
    paidAt: iso(r.paidAt),
    paymentNote: r.paymentNote,
    entryId: r.entryId,
    createdAt: iso(r.createdAt)!,
    version: r.version,
    approverLimitFen: limit.maxFen,
    canApprove:
      r.status === 'requested' &&
      GRANT_DECIDERS.includes(actor.role) &&
      withinLimit(limit, amountFen),
  };
}
