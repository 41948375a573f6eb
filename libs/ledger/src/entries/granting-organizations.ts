import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  fieldError,
  ForbiddenError,
  type Principal,
  ValidationFailedError,
} from '@onedoor/platform';
import { ProvidersRepository } from '@onedoor/resources';

/** Who granted a benefit: a OneDoor provider (its id and name) or an organization outside it. */
export interface GrantingOrg {
  providerId: string | null;
  grantedBy: string;
}

/**
 * The granting organization and the caller's reach, the same for an entry recorded by hand
 * and for a roll imported: whoever writes to the ledger in an organization's name is held to
 * the same checks, whichever door they come in by.
 */
@Injectable()
export class GrantingOrganizations {
  constructor(private readonly providers: ProvidersRepository) {}

  /**
   * Where the caller may write and read: a provider's organization's home area path; staff's
   * own area path; admin's (none: everywhere). A provider user without an organization
   * reaches nothing (null, not '' which every path starts with).
   */
  async reachOf(actor: Principal, manager?: EntityManager): Promise<string | null> {
    if (actor.role !== 'provider') return actor.areaPath;
    if (!actor.providerId) return null;
    const org = await this.providers.findById(actor.providerId, manager);
    return org?.homeArea?.path ?? null;
  }

  /**
   * A provider's user grants as its organization, which must be verified (a suspended or
   * pending one writes nothing); staff name a verified provider they can see (its name unless
   * they give another), or the name of an organization outside OneDoor.
   */
  async granting(
    named: { providerId?: string | null; grantedBy?: string | null },
    actor: Principal,
    manager?: EntityManager,
  ): Promise<GrantingOrg> {
    if (actor.role === 'provider') {
      const org = actor.providerId
        ? await this.providers.findById(actor.providerId, manager)
        : null;
      if (!org || org.verification !== 'verified')
        throw new ForbiddenError('Only a verified organization writes assistance to the ledger');
      return { providerId: org.id, grantedBy: org.name };
    }
    if (named.providerId) {
      const org = await this.providers.findVisible(named.providerId, actor, manager);
      if (!org || org.verification !== 'verified')
        throw new ValidationFailedError('Unknown granting organization', [
          fieldError('providerId', 'unknownProvider', 'no such verified provider'),
        ]);
      return { providerId: org.id, grantedBy: named.grantedBy?.trim() || org.name };
    }
    if (!named.grantedBy?.trim())
      throw new ValidationFailedError('Name the granting organization', [
        fieldError('grantedBy', 'grantingOrg', 'give providerId or grantedBy'),
      ]);
    return { providerId: null, grantedBy: named.grantedBy.trim() };
  }
}
