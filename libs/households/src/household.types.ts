export const RELATIONS = [
  'self',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'grandparent',
  'sibling',
  'other',
] as const;
export type Relation = (typeof RELATIONS)[number];

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const EMPLOYMENT_STATUSES = [
  'employed',
  'unemployed',
  'retired',
  'student',
  'unable_to_work',
  'other',
] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export const EDUCATION_STAGES = [
  'none',
  'preschool',
  'primary',
  'junior',
  'senior',
  'vocational',
  'college',
  'finished',
] as const;
export type EducationStage = (typeof EDUCATION_STAGES)[number];
/** Stages that count as "in school" for eligibility (childrenInSchool). */
export const IN_SCHOOL: readonly EducationStage[] = [
  'primary',
  'junior',
  'senior',
  'vocational',
  'college',
];

export const HOUSING_KINDS = ['owned', 'rented', 'public_rental', 'none', 'other'] as const;
export type HousingKind = (typeof HOUSING_KINDS)[number];

export { RESIDENCIES as RESIDENCY } from '@onedoor/resources';

export const HOUSEHOLD_STATUSES = ['active', 'exiting', 'exited'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const ASSESSMENT_STATUSES = ['draft', 'completed', 'superseded'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const NEED_STATUSES = ['open', 'matched', 'fulfilled', 'closed_unmet', 'withdrawn'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/**
 * How often a household is revisited, by tier (months). Households in no tier but still in
 * the outer circle are revisited yearly.
 */
export const REVISIT_MONTHS: Record<string, number> = {
  emergency: 1,
  subsistence: 3,
  expenditure_poverty: 3,
  extreme_poverty: 6,
  low_income: 6,
  none: 12,
};
