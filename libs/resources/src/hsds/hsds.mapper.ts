import { v5 as uuidv5 } from 'uuid';
import { describeEligibility } from '../eligibility/eligibility-description.util';
import type { ResourceEntity } from '../resource.entity';

/** Namespace for the ids of HSDS sub-objects OneDoor has no row for (stable across exports). */
const NAMESPACE = '6f1d7c1e-3b9a-5c57-9a57-0d0a2c4e0d1e';
const derivedId = (...parts: string[]) => uuidv5(parts.join(':'), NAMESPACE);

const KIND_ZH: Record<string, string> = {
  government: '政府部门',
  charity: '慈善组织',
  enterprise: '爱心企业',
  social_work_org: '社会工作服务机构',
};
const FORM_ZH: Record<string, string> = { cash: '现金', in_kind: '实物', service: '服务' };

/**
 * One published resource as an Open Referral HSDS 3.0 service (compiled `service.json`
 * shape). The mapping is documented in docs/domain.md (HSDS export).
 */
export function toHsdsService(r: ResourceEntity): Record<string, unknown> {
  const p = r.provider!;
  const area = r.coverageArea!;
  const service: Record<string, unknown> = {
    id: r.id,
    organization_id: p.id,
    name: r.title,
    description: r.description || r.title,
    status: 'active',
    eligibility_description: describeEligibility(r.eligibility),
    fees_description: '免费（对受助家庭不收费）',
    application_process: r.contactNotes ?? undefined,
    last_modified: r.updatedAt.toISOString(),
    organization: {
      id: p.id,
      name: p.name,
      description: `${KIND_ZH[p.kind]} (${p.kind})`,
      organization_identifiers: [
        {
          id: derivedId('organization_identifier', p.id),
          identifier_scheme: 'CN-USCC',
          identifier_type: '统一社会信用代码',
          identifier: p.uscc,
        },
      ],
    },
    service_areas: [
      {
        id: derivedId('service_area', r.id),
        service_id: r.id,
        name: area.name,
        description: `${area.name}及其下辖区域 (${area.level}, code ${area.code})`,
        extent_type: 'text',
        extent: area.code,
      },
    ],
    schedules: [
      {
        id: derivedId('schedule', r.id),
        service_id: r.id,
        valid_from: r.validFrom,
        ...(r.validUntil ? { valid_to: r.validUntil } : {}),
        description: '有效期',
      },
    ],
    attributes: [
      {
        id: derivedId('attribute', r.id, r.categoryCode),
        link_id: r.id,
        link_type: 'category',
        link_entity: 'service',
        taxonomy_term_id: derivedId('category', r.categoryCode),
        taxonomy_term: {
          id: derivedId('category', r.categoryCode),
          code: r.categoryCode,
          name: r.category?.nameZh ?? r.categoryCode,
          description: `${r.category?.nameEn ?? r.categoryCode} (${r.category?.purpose ?? 'n/a'})`,
          taxonomy: 'onedoor-category',
        },
        value: r.categoryCode,
      },
    ],
    ...(r.valuePerUnitFen !== null
      ? {
          cost_options: [
            {
              id: derivedId('cost_option', r.id),
              service_id: r.id,
              valid_from: r.validFrom,
              ...(r.validUntil ? { valid_to: r.validUntil } : {}),
              option: `${FORM_ZH[r.form]}援助价值（受助价值，非收费）`,
              currency: 'CNY',
              amount: r.valuePerUnitFen / 100,
              amount_description: '每单位援助价值（受助方无需付费）',
            },
          ],
        }
      : {}),
    ...(p.contactPhone
      ? { phones: [{ id: derivedId('phone', p.id), number: p.contactPhone }] }
      : {}),
  };
  if (service.application_process === undefined) delete service.application_process;
  return service;
}
