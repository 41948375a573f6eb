import type { EventAudience } from '@onedoor/platform';

/**
 * An audience flattened to rows the recipients query joins on, one per user id, per (role,
 * area path the user's scope may have), or per (organization, role). "Scope contains the
 * event's area" is "the user's area path is a prefix of it": the event's path and each of its
 * ancestors ('/a/', '/a/b/', …), matched by equality on the indexed area path; an admin's
 * empty scope (no area) is unrestricted and stands as `path = null`.
 */
export interface SelectorRow {
  eventId: string;
  kind: 'user' | 'area' | 'provider';
  userId: string | null;
  role: string | null;
  path: string | null;
  providerId: string | null;
}

/** '/a/b/c/' → ['/a/', '/a/b/', '/a/b/c/']. */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function selectorRows(eventId: string, audience: EventAudience): SelectorRow[] {
  const rows: SelectorRow[] = [];
  const base = { eventId, userId: null, role: null, path: null, providerId: null };
  for (const selector of Array.isArray(audience) ? audience : []) {
    if ('userIds' in selector) {
      for (const userId of selector.userIds ?? []) {
        if (UUID.test(userId)) rows.push({ ...base, kind: 'user', userId });
      }
    } else if ('areaPath' in selector) {
      for (const role of selector.roles ?? []) {
        // Admin's scope is everything: one row without a path.
        if (role === 'admin') rows.push({ ...base, kind: 'area', role });
        for (const path of ancestorPaths(selector.areaPath ?? '')) {
          rows.push({ ...base, kind: 'area', role, path });
        }
      }
    } else if ('providerId' in selector && UUID.test(selector.providerId)) {
      const roles = selector.roles?.length ? selector.roles : [null];
      for (const role of roles) {
        rows.push({ ...base, kind: 'provider', role, providerId: selector.providerId });
      }
    }
  }
  return rows;
}
