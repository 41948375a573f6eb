import { maskPhone, type PiiCipher } from '@onedoor/platform';
import type { UserDto } from './dto/users.dto';
import type { UserAccount } from './user-accounts.repository';

/** `l***@example.org`: the first character and the domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** A user for responses: phone and e-mail decrypted, and masked unless `whole`. */
export function toUserDto(u: UserAccount, pii: PiiCipher, whole = false): UserDto {
  const phone = u.phoneEnc ? pii.decrypt(u.phoneEnc) : null;
  const email = u.emailEnc ? pii.decrypt(u.emailEnc) : null;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    areaId: u.areaId,
    providerId: u.providerId,
    isOrgAdmin: u.isOrgAdmin,
    evaluatorType: u.evaluatorType,
    contractId: u.contractId,
    accessUntil: u.accessUntil?.toISOString() ?? null,
    phone: phone && !whole ? maskPhone(phone) : phone,
    email: email && !whole ? maskEmail(email) : email,
    active: u.active,
    hasPassword: u.hasPassword,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}
