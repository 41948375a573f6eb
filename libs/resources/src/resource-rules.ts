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

/** Cross-field checks of a resource as it would be saved. */
export function resourceFieldErrors(r: {
  form: string;
  valuePerUnitFen: number | null | undefined;
  validFrom: string;
  validUntil: string | null | undefined;
}): FieldErrors {
  const errors: FieldErrors = [];
  if (r.form !== 'service' && (r.valuePerUnitFen === null || r.valuePerUnitFen === undefined)) {
    errors.push({
      field: 'valuePerUnitFen',
      messages: ['is required for cash and in-kind resources'],
    });
  }
  if (r.validUntil && r.validUntil < r.validFrom) {
    errors.push({ field: 'validUntil', messages: ['must not be before validFrom'] });
  }
  return errors;
}
