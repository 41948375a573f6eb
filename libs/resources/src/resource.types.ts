export const PROVIDER_KINDS = ['government', 'charity', 'enterprise', 'social_work_org'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const VERIFICATION_STATUSES = ['pending', 'verified', 'suspended'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const CATEGORY_PURPOSES = ['survival', 'development', 'opportunity'] as const;
export type CategoryPurpose = (typeof CATEGORY_PURPOSES)[number];

export const RESOURCE_FORMS = ['cash', 'in_kind', 'service'] as const;
export type ResourceForm = (typeof RESOURCE_FORMS)[number];

/** Lowest first: the matcher prefers the lowest level that can serve (tiered linking). */
export const SERVICE_LEVELS = ['community', 'street', 'district'] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];

export const RESOURCE_STATUSES = [
  'draft',
  'pending_review',
  'published',
  'paused',
  'closed',
] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];
