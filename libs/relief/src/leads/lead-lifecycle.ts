import type { LeadStatus } from '../relief.types';

/**
 * Where a lead may go from each status (DESIGN.md: reported → triaged → linked | registered |
 * closed). Staff may link, register or close straight from `reported`: the step counts as its
 * triage too. The last three are final.
 */
export const LEAD_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  reported: ['triaged', 'linked', 'registered', 'closed'],
  triaged: ['linked', 'registered', 'closed'],
  linked: [],
  registered: [],
  closed: [],
};

export function canMoveLead(from: LeadStatus, to: LeadStatus): boolean {
  return LEAD_TRANSITIONS[from].includes(to);
}

/** `张三` → `张*`, `欧阳娜娜` → `欧***`: a reporter sees whom a lead was about, nothing more. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * `XS20261202-7KQ3PD`: the Beijing date the lead came in and six random characters (no 0/O,
 * 1/I), short enough to read out on the phone; unguessable enough that it reveals nothing.
 */
export function leadReference(beijingDay: string, random: Buffer): string {
  const tail = [...random.subarray(0, 6)]
    .map((b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length])
    .join('');
  return `XS${beijingDay.replaceAll('-', '')}-${tail}`;
}
