import type { AreaLevel } from '@onedoor/areas';
import type { Role } from '@onedoor/platform';

/**
 * The delegated limit of an area's officers when the area has no `relief_grant_limit` row, in
 * fen (null: no limit): a community approves up to ¥1,000, a street up to ¥5,000, a district
 * or the city without a limit. A row on the area (set by admin or staff above) overrides it.
 */
export const RELIEF_DEFAULT_LIMITS: Readonly<Record<AreaLevel, number | null>> = {
  community: 100_000,
  street: 500_000,
  district: null,
  city: null,
};

/** An approver's effective limit and where it comes from. */
export interface EffectiveLimit {
  /** Fen; null: no limit. */
  maxFen: number | null;
  /** True when no row is set for the area and the level's default applies. */
  isDefault: boolean;
}

/** Unlimited, as admin is. */
export const NO_LIMIT: EffectiveLimit = { maxFen: null, isDefault: true };

/** The area's row when it has one, else its level's default. */
export function effectiveLimit(
  level: AreaLevel,
  row: { maxFen: string | number | null } | null,
): EffectiveLimit {
  if (row) return { maxFen: row.maxFen === null ? null : Number(row.maxFen), isDefault: false };
  return { maxFen: RELIEF_DEFAULT_LIMITS[level], isDefault: true };
}

/** Whether `amountFen` is within the limit (a null limit allows any amount). */
export function withinLimit(limit: EffectiveLimit, amountFen: number): boolean {
  return limit.maxFen === null || amountFen <= limit.maxFen;
}

/** Who decides grants (approve, reject, pay): civil-affairs staff in scope, and admin. */
export const GRANT_DECIDERS: readonly Role[] = ['civil_affairs', 'admin'];
/** Who may request a grant: staff and assessors (advisers) in scope, and admin. */
export const GRANT_REQUESTERS: readonly Role[] = ['civil_affairs', 'assessor', 'admin'];
