import { ROLES, type Principal, type Role } from '@onedoor/platform';

/** Where a manager's reach over accounts ends. */
export type AccountReach = 'everywhere' | 'own_area_subtree' | 'own_organization';

/** One line of the permission table: who may create and manage which accounts, and where. */
export interface AccountRule {
  /** The manager's role. */
  actor: Role;
  /** The rule applies only to organization admins (a flag on provider users). */
  orgAdminOnly?: boolean;
  /** The roles of the accounts they may create, read, edit, deactivate and reset. */
  roles: readonly Role[];
  reach: AccountReach;
}

/**
 * The permission table (docs/domain.md, "Accounts"). A manager may touch an account only if
 * both its role and its place are within their line: for area reach, the account's area is
 * the manager's own or inside it (never above); for organization reach, it acts for the same
 * organization. Roles absent here (assessor, evaluator, a provider who is not organization
 * admin) manage no accounts. On top of the table, for everyone: no one changes their own role,
 * scope, organization or admin flag, nor deactivates themselves, and the last active admin
 * stays.
 */
export const ACCOUNT_RULES: readonly AccountRule[] = [
  { actor: 'admin', roles: ROLES, reach: 'everywhere' },
  {
    actor: 'civil_affairs',
    roles: ['civil_affairs', 'assessor', 'evaluator', 'reporter'],
    reach: 'own_area_subtree',
  },
  // An organization admin's assessors are contracted workers: only under a live contract of
  // their organization, in its area (UsersService checks the contract).
  {
    actor: 'provider',
    orgAdminOnly: true,
    roles: ['provider', 'assessor'],
    reach: 'own_organization',
  },
];

/** An account as the rules see it: role and place. */
export interface AccountPlace {
  role: Role;
  areaPath: string | null;
  providerId: string | null;
}

export function accountRuleOf(actor: Principal): AccountRule | undefined {
  return ACCOUNT_RULES.find(
    (rule) => rule.actor === actor.role && (!rule.orgAdminOnly || actor.isOrgAdmin === true),
  );
}

/** Whether `actor` may manage an account of that role and place. */
export function mayManage(actor: Principal, account: AccountPlace): boolean {
  const rule = accountRuleOf(actor);
  if (!rule || !rule.roles.includes(account.role)) return false;
  switch (rule.reach) {
    case 'everywhere':
      return true;
    case 'own_area_subtree':
      // Paths end with '/': '/a/' is never a prefix of '/ab/'.
      return !!actor.areaPath && !!account.areaPath && account.areaPath.startsWith(actor.areaPath);
    case 'own_organization':
      return !!actor.providerId && account.providerId === actor.providerId;
  }
}
