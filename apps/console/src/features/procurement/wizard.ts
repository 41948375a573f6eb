import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, fieldPath } from '../../lib/api-error';
import { BEIJING, yuanToFen } from '../../lib/format';
import type { CreateProject, ProjectDetail } from './api';

/** The wizard's steps, in order; each API field belongs to one. */
export const STEPS = [
  'basic',
  'requirements',
  'criteria',
  'milestones',
  'weights',
  'window',
] as const;
export type Step = (typeof STEPS)[number];

export const DIMENSIONS = [
  'administrativeSupervision',
  'serviceOutcomes',
  'projectManagement',
  'socialImpact',
] as const;

/** The criteria every tender must carry (the API's required codes), offered pre-filled. */
export const REQUIRED_CRITERIA = [
  'price',
  'professional_qualification',
  'internal_governance',
  'human_resources',
  'service_proposal',
] as const;

export interface WizardValues {
  title?: string;
  categoryCode?: string;
  areaId?: string;
  budgetYuan?: number | string;
  targetHouseholds?: number;
  servicePeriod?: [Dayjs, Dayjs] | null;
  description?: string;
  requirements?: {
    minCertifiedSocialWorkers?: number;
    minYearsOperating?: number;
    verifiedOnly?: boolean;
  };
  criteria?: { code?: string; name?: string; weight?: number | null }[];
  milestones?: { deliverable?: string; dueDate?: Dayjs | null; sharePercent?: number | null }[];
  evaluationWeights?: Partial<Record<(typeof DIMENSIONS)[number], number | null>>;
  closesAt?: Dayjs | null;
}

/** Which step an API field (`criteria[2].weight`, `serviceEnd`…) is entered on. */
const FIELD_STEP: Record<string, Step> = {
  title: 'basic',
  categoryCode: 'basic',
  areaId: 'basic',
  budgetFen: 'basic',
  targetHouseholds: 'basic',
  serviceStart: 'basic',
  serviceEnd: 'basic',
  description: 'requirements',
  requirements: 'requirements',
  criteria: 'criteria',
  milestones: 'milestones',
  evaluationWeights: 'weights',
  closesAt: 'window',
};

/** The form's name for an API field where the two differ (yuan for fen, one range for two dates). */
function formName(field: string): (string | number)[] {
  const path = fieldPath(field);
  if (path[0] === 'budgetFen') return ['budgetYuan'];
  if (path[0] === 'serviceStart' || path[0] === 'serviceEnd') return ['servicePeriod'];
  return path;
}

/** Error codes that are about a whole step's totals, and the form item that shows them. */
const CODE_FIELD: Record<string, { step: Step; name: string }> = {
  CRITERIA_INVALID: { step: 'criteria', name: 'criteriaTotal' },
  MILESTONES_INVALID: { step: 'milestones', name: 'milestonesTotal' },
  EVALUATION_WEIGHTS_INVALID: { step: 'weights', name: 'weightsTotal' },
  BIDDING_PERIOD_TOO_SHORT: { step: 'window', name: 'closesAt' },
  CATEGORY_NOT_FOUND: { step: 'basic', name: 'categoryCode' },
  AREA_NOT_FOUND: { step: 'basic', name: 'areaId' },
};

export interface PlacedErrors {
  /** The earliest step with a problem: the wizard switches to it. */
  step: number;
  fields: { name: (string | number)[]; errors: string[] }[];
}

/**
 * The API's refusal placed on the wizard: each validation detail beside its field, a rule's code
 * (weights not summing to 100…) beside the total it is about, with `detail` adding the API's
 * figures (the sum) to its message. Null for errors that belong to no field.
 */
export function placeErrors(
  error: unknown,
  detail: (code: string, details: Record<string, unknown>) => string | undefined = () => undefined,
): PlacedErrors | null {
  if (!(error instanceof ApiError)) return null;
  const byCode = CODE_FIELD[error.code];
  if (byCode) {
    const details = ((error.body as { details?: unknown }).details ?? {}) as Record<
      string,
      unknown
    >;
    const extra = Array.isArray(details) ? undefined : detail(error.code, details);
    return {
      step: STEPS.indexOf(byCode.step),
      fields: [
        { name: [byCode.name], errors: [extra ? `${error.message}：${extra}` : error.message] },
      ],
    };
  }
  const byName = new Map<string, { name: (string | number)[]; errors: string[] }>();
  let step: number = STEPS.length;
  for (const p of error.fieldProblems) {
    const name = formName(p.field);
    const at = STEPS.indexOf(FIELD_STEP[String(name[0])] ?? FIELD_STEP[fieldPath(p.field)[0]]);
    if (at < 0) continue;
    step = Math.min(step, at);
    const key = name.join('.');
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(p.message);
    byName.set(key, entry);
  }
  return byName.size ? { step, fields: [...byName.values()] } : null;
}

/** Sum of a list's integer field, blanks as 0: the running totals shown under each list. */
export function total<T>(items: (T | undefined)[] | undefined, pick: (item: T) => unknown): number {
  return (items ?? []).reduce((sum, item) => {
    const n = item === undefined ? 0 : Number(pick(item));
    return sum + (Number.isFinite(n) ? n : 0);
  }, 0);
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

/**
 * The draft's body. Blanks go as they are (empty strings, nulls) so the API's validation, not
 * the console's, decides what is missing and says so per field.
 */
export function toBody(v: WizardValues): CreateProject {
  const [start, end] = v.servicePeriod ?? [];
  const milestones = (v.milestones ?? []).filter(Boolean);
  return {
    title: v.title ?? '',
    categoryCode: v.categoryCode ?? '',
    areaId: v.areaId ?? '',
    budgetFen:
      v.budgetYuan === undefined || v.budgetYuan === null || v.budgetYuan === ''
        ? (null as unknown as number)
        : yuanToFen(v.budgetYuan),
    targetHouseholds: v.targetHouseholds ?? (null as unknown as number),
    serviceStart: day(start),
    serviceEnd: day(end),
    description: v.description ?? '',
    requirements: {
      minCertifiedSocialWorkers: v.requirements?.minCertifiedSocialWorkers ?? 0,
      minYearsOperating: v.requirements?.minYearsOperating ?? 0,
      verifiedOnly: v.requirements?.verifiedOnly ?? true,
    },
    criteria: (v.criteria ?? []).filter(Boolean).map((c) => ({
      code: c.code ?? '',
      name: c.name ?? '',
      weight: c.weight ?? (null as unknown as number),
    })),
    ...(milestones.length
      ? {
          milestones: milestones.map((m) => ({
            deliverable: m.deliverable ?? '',
            dueDate: day(m.dueDate),
            sharePercent: m.sharePercent ?? (null as unknown as number),
          })),
        }
      : {}),
    evaluationWeights: Object.fromEntries(
      DIMENSIONS.map((d) => [d, v.evaluationWeights?.[d] ?? 0]),
    ) as CreateProject['evaluationWeights'],
  };
}

/** A saved draft back into the wizard. */
export function fromProject(p: ProjectDetail): WizardValues {
  return {
    title: p.title,
    categoryCode: p.categoryCode,
    areaId: p.areaId,
    budgetYuan: p.budgetFen / 100,
    targetHouseholds: p.targetHouseholds,
    servicePeriod: [dayjs(p.serviceStart), dayjs(p.serviceEnd)],
    description: p.description,
    requirements: { ...p.requirements, verifiedOnly: p.requirements.verifiedOnly !== false },
    criteria: p.criteria.map((c) => ({ ...c })),
    milestones: p.milestones.map((m) => ({ ...m, dueDate: dayjs(m.dueDate) })),
    evaluationWeights: { ...p.evaluationWeights },
    closesAt: p.closesAt ? dayjs(p.closesAt).tz(BEIJING) : null,
  };
}

/** A Beijing wall-clock time picked in the browser → the instant the API expects. */
export function closesAtIso(picked: Dayjs): string {
  return dayjs.tz(picked.format('YYYY-MM-DD HH:mm:ss'), BEIJING).toISOString();
}
