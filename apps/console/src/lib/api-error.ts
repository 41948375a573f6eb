import type { components } from '@/api/generated/schema';

export type ErrorBody = components['schemas']['ErrorBodyDto'];

/** One field's problem as the API reports it (validation details). */
export interface FieldProblem {
  field: string;
  constraint?: string;
  message: string;
}

/** An API answer that is not 2xx, with the one error body (message already localized). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }

  get code(): string {
    return this.body.code;
  }

  /** Validation details, whichever shape the API answered (per constraint, or per field). */
  get fieldProblems(): FieldProblem[] {
    const details = (this.body as { details?: unknown }).details;
    if (!Array.isArray(details)) return [];
    return details.flatMap((d: Record<string, unknown>) => {
      if (typeof d?.field !== 'string') return [];
      if (typeof d.message === 'string')
        return [
          { field: d.field, constraint: d.constraint as string | undefined, message: d.message },
        ];
      if (Array.isArray(d.messages))
        return d.messages.map((message) => ({
          field: d.field as string,
          message: String(message),
        }));
      return [];
    });
  }
}

/** `members[0].idNumber` → `['members', 0, 'idNumber']`, the name path Ant Design forms use. */
export function fieldPath(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Ant Design `form.setFields` input: each API field problem beside its field. */
export function formFieldErrors(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  const byField = new Map<string, string[]>();
  for (const p of error.fieldProblems)
    byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
  return [...byField].map(([field, errors]) => ({ name: fieldPath(field), errors }));
}
