import { toAreaSummaryDto } from '@onedoor/areas';
import { describeEligibility } from './eligibility/eligibility-description.util';
import type { ProviderDto, ProviderSummaryDto } from './dto/provider.dto';
import type { ResourceDto } from './dto/resource.dto';
import type { ProviderEntity } from './provider.entity';
import type { ResourceEntity } from './resource.entity';

const rating = (p: ProviderEntity) => (p.rating === null ? null : Number(p.rating));

export function toProviderSummaryDto(p: ProviderEntity): ProviderSummaryDto {
  return { id: p.id, kind: p.kind, name: p.name, verification: p.verification, rating: rating(p) };
}

export function toProviderDto(p: ProviderEntity): ProviderDto {
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    uscc: p.uscc,
    homeArea: toAreaSummaryDto(p.homeArea!),
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    address: p.address,
    verification: p.verification,
    rating: rating(p),
    version: p.version,
  };
}

/** Expects provider and coverage area joined (the repository always joins them). */
export function toResourceDto(r: ResourceEntity): ResourceDto {
  return {
    id: r.id,
    provider: toProviderSummaryDto(r.provider!),
    title: r.title,
    description: r.description,
    categoryCode: r.categoryCode,
    form: r.form,
    serviceLevel: r.serviceLevel,
    coverageArea: toAreaSummaryDto(r.coverageArea!),
    capacity: r.capacity,
    reserved: r.reserved,
    delivered: r.delivered,
    remaining: r.capacity - r.reserved - r.delivered,
    valuePerUnitFen: r.valuePerUnitFen,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    contactNotes: r.contactNotes,
    eligibility: r.eligibility,
    eligibilityText: describeEligibility(r.eligibility),
    status: r.status,
    statusReason: r.statusReason,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    historyUrl: `/resources/${r.id}/history`,
  };
}
