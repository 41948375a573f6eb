import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '../auth/principal';

/**
 * Area scope is applied inside queries, not after them: a repository hands its query
 * builder and the column holding the record's area path, and rows outside the caller's
 * subtree are never read. Admin is unrestricted; anyone else without an area sees nothing.
 */
export function applyAreaScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  pathExpression: string,
  principal: Principal,
): SelectQueryBuilder<T> {
  if (principal.role === 'admin') return qb;
  if (!principal.areaPath) return qb.andWhere('1 = 0');
  // Paths end with '/', so '/a/' never matches '/ab/'; the pattern is a parameter and the
  // path alphabet (uuids and '/') holds no LIKE wildcards.
  return qb.andWhere(`${pathExpression} LIKE :scopePathPrefix`, {
    scopePathPrefix: `${principal.areaPath}%`,
  });
}

/**
 * Records whose area overlaps the caller's scope: inside it, or above it (a district-wide
 * resource is relevant to a street's staff). Same fail-closed rule as applyAreaScope.
 */
export function applyAreaOverlap<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  pathExpression: string,
  principal: Principal,
): SelectQueryBuilder<T> {
  if (principal.role === 'admin') return qb;
  if (!principal.areaPath) return qb.andWhere('1 = 0');
  return qb.andWhere(
    `(${pathExpression} LIKE :overlapPrefix OR :overlapPath LIKE ${pathExpression} || '%')`,
    {
      overlapPrefix: `${principal.areaPath}%`,
      overlapPath: principal.areaPath,
    },
  );
}

/** The same rule for a single path already in hand. */
export function isInScope(principal: Principal, path: string | null | undefined): boolean {
  if (principal.role === 'admin') return true;
  if (!principal.areaPath || !path) return false;
  return path.startsWith(principal.areaPath);
}
