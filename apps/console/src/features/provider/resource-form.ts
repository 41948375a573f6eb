import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
// Relative, not '@/': the unit tests (jest) resolve no console alias.
import { yuanToFen } from '../../lib/format';
import type { NewResource, Resource, ResourceChanges } from './api';
import type { RuleDocument } from './rules/tree';

export interface Values {
  title: string;
  categoryCode: string;
  form: NewResource['form'];
  serviceLevel: NewResource['serviceLevel'];
  coverageAreaId: string;
  capacity: number;
  valueYuan?: number | null;
  validFrom: Dayjs;
  validUntil?: Dayjs | null;
  description?: string;
  contactNotes?: string;
}

export const DAY = 'YYYY-MM-DD';

/** The form's values as the API takes them: yuan → fen, days as calendar dates. */
export function toBody(v: Values, eligibility: RuleDocument | null): NewResource {
  return {
    title: v.title.trim(),
    categoryCode: v.categoryCode,
    form: v.form,
    serviceLevel: v.serviceLevel,
    coverageAreaId: v.coverageAreaId,
    capacity: v.capacity,
    ...(v.valueYuan !== undefined && v.valueYuan !== null
      ? { valuePerUnitFen: yuanToFen(v.valueYuan) }
      : {}),
    validFrom: v.validFrom.format(DAY),
    ...(v.validUntil ? { validUntil: v.validUntil.format(DAY) } : {}),
    description: v.description?.trim() ?? '',
    ...(v.contactNotes?.trim() ? { contactNotes: v.contactNotes.trim() } : {}),
    eligibility,
  };
}

export function toValues(r: Resource): Values {
  return {
    title: r.title,
    categoryCode: r.categoryCode,
    form: r.form,
    serviceLevel: r.serviceLevel,
    coverageAreaId: r.coverageArea.id,
    capacity: r.capacity,
    valueYuan:
      r.valuePerUnitFen === null || r.valuePerUnitFen === undefined
        ? null
        : r.valuePerUnitFen / 100,
    validFrom: dayjs(r.validFrom),
    validUntil: r.validUntil ? dayjs(r.validUntil) : null,
    description: r.description,
    contactNotes: r.contactNotes ?? '',
  };
}

/**
 * What an edit sends: only the fields that differ from the resource as read (a published
 * resource may change a few of them; the API says which with a 409 otherwise), nulls for
 * cleared optional fields, and the version read.
 */
export function changesFrom(r: Resource, body: NewResource): ResourceChanges {
  const before: Record<string, unknown> = {
    title: r.title,
    categoryCode: r.categoryCode,
    form: r.form,
    serviceLevel: r.serviceLevel,
    coverageAreaId: r.coverageArea.id,
    capacity: r.capacity,
    valuePerUnitFen: r.valuePerUnitFen,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    description: r.description,
    contactNotes: r.contactNotes,
    eligibility: r.eligibility,
  };
  const after: Record<string, unknown> = {
    valuePerUnitFen: null,
    validUntil: null,
    contactNotes: null,
    ...body,
  };
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(value ?? null) !== JSON.stringify(before[key] ?? null)) changes[key] = value;
  }
  return { ...changes, version: r.version } as ResourceChanges;
}
