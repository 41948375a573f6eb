import { idsOnPath } from '@onedoor/areas';
import type { ValidationFailedError } from '@onedoor/platform';
import type { ResourceStatus } from './resource.types';

type FieldErrors = ConstructorParameters<typeof ValidationFailedError>[1];

/**
 * Reach: a charity, enterprise or social-work organization covers only its home area's
 * subtree; a government department may cover any area of its home city (policies are
 * often city-wide while the department sits in a district).
 */
export function isWithinReach(kind: string, homePath: string, coveragePath: string): boolean {
  if (kind === 'government') return coveragePath.startsWith(`/${idsOnPath(homePath)[0]}/`);
  return coveragePath.startsWith(homePath);
}

/** Fields a provider may change in each state; anything else needs a new draft. */
export const EDITABLE_FIELDS: Record<ResourceStatus, readonly string[] | 'all'> = {
  draft: 'all',
  pending_review: [],
  published: ['capacity', 'validUntil', 'contactNotes'],
  paused: ['capacity', 'validUntil', 'contactNotes'],
  closed: [],
};

/** Fields an edit may set to null; PATCH optionals let null through class-validator. */
export const NULLABLE_RESOURCE_FIELDS = [
  'valuePerUnitFen',
  'validUntil',
  'contactNotes',
  'eligibility',
];

/** Which coverage area levels each service level may cover (lower levels serve smaller areas). */
export const COVERAGE_LEVELS: Record<string, readonly string[]> = {
  community: ['community'],
  street: ['street', 'community'],
  district: ['city', 'district', 'street', 'community'],
};

/** Cross-field checks of a resource as it would be saved. */
export function resourceFieldErrors(r: {
  form: string;
  serviceLevel: string;
  coverageLevel?: string;
  valuePerUnitFen: number | null | undefined;
  validFrom: string;
  validUntil: string | null | undefined;
}): FieldErrors {
  const errors: FieldErrors = [];
  if (r.form !== 'service' && (r.valuePerUnitFen === null || r.valuePerUnitFen === undefined)) {
    errors.push({
      field: 'valuePerUnitFen',
      constraint: 'valueRequired',
      message: 'is required for cash and in-kind resources',
    });
  }
  if (r.coverageLevel && !COVERAGE_LEVELS[r.serviceLevel]?.includes(r.coverageLevel)) {
    errors.push({
      field: 'coverageAreaId',
      constraint: 'coverageOutOfReach',
      params: { serviceLevel: r.serviceLevel, coverageLevel: r.coverageLevel },
      message: `a ${r.serviceLevel}-level resource cannot cover a ${r.coverageLevel}`,
    });
  }
  if (r.validUntil && r.validUntil < r.validFrom) {
    errors.push({
      field: 'validUntil',
      constraint: 'notBefore',
      params: { other: 'validFrom' },
      message: 'must not be before validFrom',
    });
  }
  return errors;
}
