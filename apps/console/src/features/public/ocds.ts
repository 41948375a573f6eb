/**
 * The parts of an OCDS 1.1 release these pages read. The API documents the package as a free
 * object (its schema is OCDS's own, validated server-side), so the shape is stated here once,
 * from the OCDS 1.1 release schema, and nowhere else.
 */
export interface OcdsValue {
  amount: number;
  currency: string;
}

export interface OcdsPeriod {
  startDate?: string;
  endDate?: string;
}

interface OcdsOrgRef {
  id: string;
  name: string;
}

export interface OcdsRelease {
  ocid: string;
  id: string;
  date: string;
  tag: string[];
  buyer?: OcdsOrgRef;
  tender: {
    id: string;
    title: string;
    description?: string;
    status: string;
    value?: OcdsValue;
    procurementMethodDetails?: string;
    awardCriteriaDetails?: string;
    eligibilityCriteria?: string;
    tenderPeriod?: OcdsPeriod;
    contractPeriod?: OcdsPeriod;
    numberOfTenderers?: number;
    items?: Array<{
      quantity?: number;
      classification?: { id: string };
      additionalClassifications?: Array<{ scheme: string; id: string; description?: string }>;
    }>;
  };
  bids?: {
    details?: Array<{
      id: string;
      date?: string;
      status?: string;
      tenderers?: OcdsOrgRef[];
      value?: OcdsValue;
    }>;
  };
  awards?: Array<{
    id: string;
    status: string;
    date?: string;
    value?: OcdsValue;
    suppliers?: OcdsOrgRef[];
  }>;
  contracts?: Array<{
    id: string;
    title?: string;
    status: string;
    value?: OcdsValue;
    dateSigned?: string;
    period?: OcdsPeriod;
    milestones?: Array<{ id: string; title?: string; status?: string; dueDate?: string }>;
    implementation?: { transactions?: Array<{ id: string; value?: OcdsValue }> };
  }>;
}

export interface OcdsPackage {
  uri: string;
  releases: OcdsRelease[];
}

/** Each release is a cumulative snapshot: the last one says everything known. */
export function latestRelease(pkg: Record<string, unknown>): OcdsRelease {
  return (pkg as unknown as OcdsPackage).releases.at(-1)!;
}

/** OCDS states yuan; the console formats fen. */
export function fenOf(value: OcdsValue | undefined): number | null {
  return value ? Math.round(value.amount * 100) : null;
}

/** The supplier of the award that stands (active), else of the latest one. */
export function currentAward(r: OcdsRelease) {
  const awards = r.awards ?? [];
  return awards.find((a) => a.status === 'active') ?? awards.at(-1);
}

/** Tag colours by OCDS tender status. */
export const TENDER_STATUS_COLOR: Record<string, string> = {
  active: 'processing',
  complete: 'success',
  unsuccessful: 'warning',
  cancelled: 'default',
};
