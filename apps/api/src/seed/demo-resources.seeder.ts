import { Injectable } from '@nestjs/common';
import { AreasRepository } from '@onedoor/areas';
import type { Principal } from '@onedoor/platform';
import {
  ProvidersRepository,
  ProvidersService,
  ResourceLifecycleService,
  ResourcesRepository,
  ResourcesService,
  usccCheckCharacter,
} from '@onedoor/resources';
import { DEMO_PROVIDERS, DEMO_RESOURCES } from './demo-resources.data';

/**
 * Providers (verified) and published resources, through the same services the API uses,
 * so the demo pool has passed the real rules and carries audit history. Idempotent:
 * providers are found by USCC, resources by provider and title.
 */
@Injectable()
export class DemoResourcesSeeder {
  constructor(
    private readonly providersRepo: ProvidersRepository,
    private readonly providers: ProvidersService,
    private readonly resourcesRepo: ResourcesRepository,
    private readonly resources: ResourcesService,
    private readonly lifecycle: ResourceLifecycleService,
    private readonly areas: AreasRepository,
  ) {}

  /** Returns provider ids by key, for linking the provider users. */
  async seedProviders(
    admin: Principal,
    reviewer: Principal,
    homeAreaId: string,
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const p of DEMO_PROVIDERS) {
      const uscc = p.usccBase + usccCheckCharacter(p.usccBase);
      let provider = await this.providersRepo.findByUscc(uscc);
      if (!provider) {
        const created = await this.providers.create(
          {
            kind: p.kind,
            name: p.name,
            uscc,
            homeAreaId,
            contactName: p.contactName,
            contactPhone: p.contactPhone,
          },
          admin,
        );
        await this.providers.verify(
          created.id,
          { status: 'verified', reason: '示范数据：资质审核通过' },
          reviewer,
        );
        provider = await this.providersRepo.findById(created.id);
      }
      ids.set(p.key, provider!.id);
    }
    return ids;
  }

  async seedResources(
    providerIds: Map<string, string>,
    ownerFor: (providerKey: string) => Principal,
    reviewer: Principal,
  ): Promise<number> {
    let created = 0;
    for (const { provider, coverage, ...fields } of DEMO_RESOURCES) {
      const providerId = providerIds.get(provider)!;
      if (await this.resourcesRepo.existsByTitle(providerId, fields.title)) continue;
      const area = await this.areas.findByCode(coverage);
      const owner = ownerFor(provider);
      const draft = await this.resources.create(
        {
          ...fields,
          providerId: owner.role === 'admin' ? providerId : undefined,
          coverageAreaId: area!.id,
          validFrom: '2026-01-01',
          validUntil: '2027-12-31',
          contactNotes: '工作日 9:00–17:00，可由社区社工代为申请',
        },
        owner,
      );
      await this.lifecycle.transition(draft.id, 'submit', owner);
      await this.lifecycle.transition(draft.id, 'publish', reviewer);
      created += 1;
    }
    return created;
  }
}
