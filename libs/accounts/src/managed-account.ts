import type { EntityManager } from 'typeorm';
import { DomainError, type Principal } from '@onedoor/platform';
import { mayManage } from './account-rules';
import type { UserAccount, UserAccountsRepository } from './user-accounts.repository';

/**
 * The user if `actor` may manage them; otherwise 404, the same answer as a missing user, so
 * that accounts outside one's reach cannot be told from accounts that do not exist. Inside a
 * transaction (`manager`) the row is locked.
 */
export async function findManaged(
  users: UserAccountsRepository,
  id: string,
  actor: Principal,
  manager?: EntityManager,
): Promise<UserAccount> {
  const user = await users.find(id, manager, !!manager);
  if (!user || !mayManage(actor, user)) {
    throw new DomainError('USER_NOT_FOUND', 'User not found');
  }
  return user;
}

/** `activeAdmins` as locked by `lockActiveAdmins`: someone other than `leaving` must remain. */
export function assertNotLastAdmin(activeAdmins: string[], leaving: string): void {
  if (!activeAdmins.some((id) => id !== leaving)) {
    throw new DomainError('LAST_ADMIN', 'This is the last active admin; make another admin first');
  }
}
