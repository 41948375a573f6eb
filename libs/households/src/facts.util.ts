import type { EligibilityFacts } from '@onedoor/resources';
import { IN_SCHOOL } from './household.types';
import type { TierFacts } from './tier/tier.util';
import type { TierFlag } from './template/template.types';

/** What facts are built from: a household and its members as stored. */
export interface HouseholdFactsInput {
  residency: 'local' | 'non_local';
  tags: string[];
  medicalExpenseFen: number;
  educationExpenseFen: number;
  members: Array<{
    birthDate: string;
    disabilityGrade: number;
    chronicIllness: boolean;
    employment: string;
    educationStage: string;
    monthlyIncomeFen: number;
  }>;
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function tierFacts(
  h: HouseholdFactsInput,
  standardFen: number,
  flags: Record<TierFlag, boolean>,
): TierFacts {
  const size = Math.max(1, h.members.length);
  const totalIncomeFen = h.members.reduce((s, m) => s + m.monthlyIncomeFen, 0);
  return {
    perCapitaIncomeFen: totalIncomeFen / size,
    totalIncomeFen,
    rigidExpenditurePerCapitaFen: (h.medicalExpenseFen + h.educationExpenseFen) / size,
    standardFen,
    flags,
  };
}

/** The facts eligibility rules are evaluated against (resources lib), as of a day. */
export function eligibilityFacts(
  h: HouseholdFactsInput,
  standardFen: number,
  tier: EligibilityFacts['tier'],
  circle: number | null,
  day: string,
): EligibilityFacts {
  const size = Math.max(1, h.members.length);
  const totalIncomeFen = h.members.reduce((s, m) => s + m.monthlyIncomeFen, 0);
  return {
    tier,
    circle,
    perCapitaIncomeRatio: standardFen > 0 ? totalIncomeFen / size / standardFen : 0,
    memberAges: h.members.map((m) => ageOn(m.birthDate, day)),
    hasDisability: h.members.some((m) => m.disabilityGrade > 0),
    hasChronicIllness: h.members.some((m) => m.chronicIllness),
    residency: h.residency,
    householdSize: h.members.length,
    childrenInSchool: h.members.filter((m) =>
      (IN_SCHOOL as readonly string[]).includes(m.educationStage),
    ).length,
    tags: h.tags,
  };
}

export const employedCount = (h: HouseholdFactsInput) =>
  h.members.filter((m) => m.employment === 'employed').length;
