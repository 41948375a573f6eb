import type { components } from '@/api/generated/schema';

export type Proposal = components['schemas']['ProposalDto'];

/** One household in the approval queue: "1 family + N resources". */
export interface HouseholdGroup {
  householdId: string;
  householdName: string | null;
  communityName: string | null;
  tier: string | null;
  emergency: boolean;
  /** The nearest approval deadline among its proposals (ISO), or null. */
  deadline: string | null;
  proposals: Proposal[];
}

export type DueFilter = 'soon' | 'overdue' | undefined;
export type DueState = 'overdue' | 'soon' | 'normal' | 'none';

/** Whether a deadline is past, within `soonHours`, or further (badges and ?due= filters). */
export function dueState(
  deadline: string | null | undefined,
  soonHours: number,
  now: Date = new Date(),
): DueState {
  if (!deadline) return 'none';
  const left = new Date(deadline).getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left <= soonHours * 3_600_000 ? 'soon' : 'normal';
}

/**
 * The queue (already in the API's order) grouped by household, in the order each household first
 * appears; `due` keeps only the proposals overdue, or due soon but not yet past.
 */
export function groupByHousehold(
  proposals: Proposal[],
  due: DueFilter,
  soonHours: number,
  now: Date = new Date(),
): HouseholdGroup[] {
  const groups = new Map<string, HouseholdGroup>();
  for (const p of proposals) {
    if (due && dueState(p.deadline, soonHours, now) !== due) continue;
    let group = groups.get(p.householdId);
    if (!group) {
      group = {
        householdId: p.householdId,
        householdName: p.householdName ?? null,
        communityName: p.communityName ?? null,
        tier: p.tier ?? null,
        emergency: false,
        deadline: null,
        proposals: [],
      };
      groups.set(p.householdId, group);
    }
    group.proposals.push(p);
    if (p.urgency === 'emergency') group.emergency = true;
    if (p.deadline && (!group.deadline || p.deadline < group.deadline)) group.deadline = p.deadline;
  }
  return [...groups.values()];
}

/**
 * Ticking a proposal in a household's selection (need → proposal): at most one per need, as the
 * API requires, so ticking another of the same need replaces it; ticking it again clears it.
 */
export function toggleSelection(
  selected: Record<string, string>,
  needId: string,
  proposalId: string,
): Record<string, string> {
  const next = { ...selected };
  if (next[needId] === proposalId) delete next[needId];
  else next[needId] = proposalId;
  return next;
}
