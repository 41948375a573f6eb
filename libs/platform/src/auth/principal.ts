import type { Role } from './role';

/** Who is calling: loaded from the database on every request, never trusted from the token alone. */
export interface Principal {
  userId: string;
  username: string;
  role: Role;
  /** The area whose subtree this user may see (null: no area; only admin is unrestricted). */
  areaId: string | null;
  areaPath: string | null;
  /**
   * For provider users: the organization they act for. Null for everyone else, a contracted
   * worker included: code that branches on it means "acts as the organization".
   */
  providerId: string | null;
  /**
   * A contracted social-work worker (an assessor): the organization they work for, and when
   * their access ends (their contract's end). Absent for other accounts.
   */
  affiliationId?: string | null;
  accessUntil?: Date | null;
  /** A provider user who manages their organization's accounts. */
  isOrgAdmin?: boolean;
  /** The login session the access token belongs to (`sid`); absent outside HTTP. */
  sessionId?: string;
}
