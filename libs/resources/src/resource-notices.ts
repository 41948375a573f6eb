import type { AppConfig, OutboxEventInput } from '@onedoor/platform';
import type { ResourceEntity } from './resource.entity';

/** What a resource notice carries: enough to read it without another request. */
export function resourceData(r: ResourceEntity): Record<string, unknown> {
  return {
    resourceId: r.id,
    resourceTitle: r.title,
    providerId: r.providerId,
    providerName: r.provider?.name ?? null,
    categoryCode: r.categoryCode,
    coverageAreaId: r.coverageAreaId,
  };
}

/**
 * The notice a review step writes: a submission to the civil-affairs staff whose scope holds
 * the coverage area (with its deadline), a publication or rejection to the provider's users.
 * Other steps notify nobody.
 */
export function reviewNotice(
  action: string,
  r: ResourceEntity,
  reason: string | null,
  now: Date,
  config: AppConfig,
): OutboxEventInput | null {
  const base = {
    entityType: 'resource',
    entityId: r.id,
    areaPath: r.coverageArea!.path,
    providerId: r.providerId,
  };
  if (action === 'submit') {
    const dueAt = new Date(now.getTime() + config.staffSla.reviewHours * 3600_000);
    return {
      ...base,
      type: 'resource.submitted',
      audience: [{ roles: ['civil_affairs'], areaPath: r.coverageArea!.path }],
      data: { ...resourceData(r), dueAt: dueAt.toISOString() },
    };
  }
  if (action === 'publish' || action === 'reject') {
    return {
      ...base,
      type: action === 'publish' ? 'resource.published' : 'resource.rejected',
      audience: [{ providerId: r.providerId }],
      data: { ...resourceData(r), reason },
    };
  }
  return null;
}
