/**
 * The parts of an Open Referral HSDS 3.0 service the directory reads. The API documents the
 * services as free objects (HSDS's own schema), so the shape is stated here once.
 */
export interface HsdsService {
  id: string;
  name: string;
  description?: string;
  eligibility_description?: string;
  application_process?: string;
  organization?: { id: string; name: string };
  service_areas?: Array<{ name: string }>;
  schedules?: Array<{ valid_from?: string; valid_to?: string }>;
  attributes?: Array<{ link_type: string; taxonomy_term?: { code: string; name: string } }>;
  cost_options?: Array<{ amount?: number; currency?: string }>;
  phones?: Array<{ number: string }>;
}

export function asService(raw: Record<string, unknown>): HsdsService {
  return raw as unknown as HsdsService;
}

export function categoryOf(s: HsdsService): { code: string; name: string } | undefined {
  return s.attributes?.find((a) => a.link_type === 'category')?.taxonomy_term;
}
