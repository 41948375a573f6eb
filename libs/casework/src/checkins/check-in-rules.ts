import type { Urgency } from '@onedoor/households';
import type { IncomeChange, MemberChange, ReassessmentReason } from './check-in.types';

/** The answers of a check-in that have consequences (free text has none). */
export interface CheckInFacts {
  incomeChange: IncomeChange;
  /** The household's new monthly income, when the adviser asked. */
  newMonthlyIncomeFen: number | null;
  /** The household's monthly income as registered (sum of the members'). */
  previousMonthlyIncomeFen: number;
  newSeriousIllness: boolean;
  newDisability: boolean;
  hospitalStay: boolean;
  memberChanges: MemberChange[];
  lostHousing: boolean;
  housingDamage: boolean;
  rentArrears: boolean;
  /** Category codes of the new difficulties the family named. */
  newDifficulties: string[];
}

export interface CheckInNeed {
  categoryCode: string;
  severity: number;
  urgency: Urgency;
}

export interface CheckInConsequences {
  needs: CheckInNeed[];
  reassessmentReasons: ReassessmentReason[];
}

/**
 * A change of income by at least this share of the registered income, and by at least
 * {@link INCOME_CHANGE_MIN_FEN} (¥200: small incomes move by small sums), may move the
 * household's tier: only a full assessment can say, so it is asked for.
 */
export const INCOME_CHANGE_RATIO = 0.2;
export const INCOME_CHANGE_MIN_FEN = 20_000;

const URGENCY_RANK: Record<Urgency, number> = { normal: 0, urgent: 1, emergency: 2 };

/**
 * What a check-in leads to: needs to open (one per category, the gravest reason winning) and
 * why a full reassessment is due. Pure: the service writes what this decides.
 */
export function checkInConsequences(f: CheckInFacts): CheckInConsequences {
  const found: CheckInNeed[] = [];
  if (f.incomeChange === 'lost_job')
    found.push({ categoryCode: 'employment', severity: 3, urgency: 'urgent' });
  if (f.newSeriousIllness) found.push({ categoryCode: 'medical', severity: 4, urgency: 'urgent' });
  if (f.hospitalStay) found.push({ categoryCode: 'medical', severity: 3, urgency: 'normal' });
  if (f.lostHousing) found.push({ categoryCode: 'housing', severity: 5, urgency: 'emergency' });
  if (f.housingDamage) found.push({ categoryCode: 'housing', severity: 3, urgency: 'urgent' });
  if (f.rentArrears) found.push({ categoryCode: 'housing', severity: 2, urgency: 'normal' });
  for (const code of f.newDifficulties)
    found.push({ categoryCode: code, severity: 3, urgency: 'normal' });

  const byCategory = new Map<string, CheckInNeed>();
  for (const need of found) {
    const had = byCategory.get(need.categoryCode);
    byCategory.set(need.categoryCode, {
      categoryCode: need.categoryCode,
      severity: Math.max(had?.severity ?? 0, need.severity),
      urgency:
        had && URGENCY_RANK[had.urgency] > URGENCY_RANK[need.urgency] ? had.urgency : need.urgency,
    });
  }

  const reasons: ReassessmentReason[] = [];
  if (incomeChanged(f)) reasons.push('income_changed');
  if (f.memberChanges.length > 0) reasons.push('members_changed');
  if (f.newDisability) reasons.push('new_disability');
  return { needs: [...byCategory.values()], reassessmentReasons: reasons };
}

/**
 * A lost job always counts (the wage is gone even if the adviser did not ask the new total);
 * a fall or a rise counts when the new income given differs enough from the registered one.
 */
function incomeChanged(f: CheckInFacts): boolean {
  if (f.incomeChange === 'lost_job') return true;
  if (f.incomeChange === 'unchanged' || f.newMonthlyIncomeFen === null) return false;
  const delta = Math.abs(f.newMonthlyIncomeFen - f.previousMonthlyIncomeFen);
  return delta >= Math.max(f.previousMonthlyIncomeFen * INCOME_CHANGE_RATIO, INCOME_CHANGE_MIN_FEN);
}
