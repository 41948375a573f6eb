import { maskPhone, type PiiCipher } from '@onedoor/platform';
import type { ProviderApplicationDto } from '../dto/provider-applications.dto';
import { maskEmail } from '../user.mapper';
import type { ProviderApplicationEntity } from './provider-application.entity';

/** An application for reviewers: contact details decrypted, phone and e-mail masked unless `whole`. */
export function toProviderApplicationDto(
  a: ProviderApplicationEntity,
  pii: PiiCipher,
  whole = false,
): ProviderApplicationDto {
  const phone = pii.decrypt(a.contactPhoneEnc);
  const email = pii.decrypt(a.contactEmailEnc);
  return {
    id: a.id,
    uscc: a.uscc,
    name: a.name,
    kind: a.kind,
    homeAreaId: a.homeAreaId,
    homeAreaName: a.homeArea!.name,
    address: a.address,
    contactName: pii.decrypt(a.contactNameEnc),
    contactPhone: whole ? phone : maskPhone(phone),
    contactEmail: whole ? email : maskEmail(email),
    username: a.username,
    status: a.status,
    reason: a.reason,
    decidedBy: a.decidedBy,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    providerId: a.providerId,
    userId: a.userId,
    createdAt: a.createdAt.toISOString(),
    version: a.version,
  };
}
