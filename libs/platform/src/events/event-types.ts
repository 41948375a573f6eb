import type { Role } from '../auth/role';

/**
 * Every event somebody must act on, declared once: its code, and which channels' users may
 * choose (preferences, webhook subscriptions) are validated against this list. Who receives
 * an event is said by its emitter (`EventAudience`), because only the state change knows the
 * provider, area or user concerned.
 */
export const EVENT_TYPES = [
  // referrals (matching)
  'referral.created',
  'referral.accept_due_soon',
  'referral.deliver_due_soon',
  'referral.overdue',
  'referral.escalated',
  // proposals waiting for approval (matching)
  'proposal.approval_overdue',
  'proposal.escalated',
  // resources
  'resource.submitted',
  'resource.published',
  'resource.rejected',
  'resource.review_overdue',
  // accounts
  'provider_application.received',
  'provider_application.overdue',
  // procurement
  'tender.published',
  'award.made',
  'award.declined',
  'contract.signed',
  'evaluation.assigned',
  'evaluation.comment_open',
  // households
  'household.revisit_due',
  'household.grace_ending',
  'case.handed_over',
  // casework: supervision
  'supervision.action_required',
  'supervision.answered',
  // casework
  'case_plan.goal_flagged',

  'case.visit_due',
  'household.moved',
  // relief: intake, follow-up
  'relief_intake.registered',
  'relief_follow_up.overdue',
  'relief_follow_up.escalated',
  // relief: grants
  'grant.requested',
  'grant.decided',
  'grant.escalated',
  'grant.fund_low',
  // relief: leads
  'lead.reported',
  'lead.overdue',
  'lead.outcome',
  // delivery itself
  'webhook.disabled',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * Who receives an event: the union of its selectors. A selector names users directly, or by
 * role within an area (every user of those roles whose scope contains `areaPath`: the area
 * and the staff above it), or by organization (every active user of the provider). The
 * fan-out resolves selectors to active users when it delivers, so a user deactivated in
 * between receives nothing.
 */
export type AudienceSelector =
  | { userIds: string[] }
  | { roles: Role[]; areaPath: string }
  | { providerId: string; roles?: Role[] };

export type EventAudience = AudienceSelector[];

/** What an emitter writes: the event, what it is about, and who must hear of it. */
export interface OutboxEventInput {
  type: EventType;
  entityType: string;
  entityId: string;
  /** The area of what the event is about (scope filters, webhook subscriptions per area). */
  areaPath: string | null;
  /** The organization concerned, if any (webhook subscriptions per organization). */
  providerId?: string | null;
  audience: EventAudience;
  /** What a recipient needs to read the notice without another request: names, deadlines. */
  data: Record<string, unknown>;
  /**
   * Deduplicates an event that a sweep may find twice ("due within 24 h" once per referral
   * and deadline): a second emit with the same key writes nothing.
   */
  dedupKey?: string;
}
