export const PROJECT_STATUSES = [
  'draft',
  'published',
  'bidding_closed',
  'evaluating',
  'awarded',
  'failed',
  'cancelled',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/**
 * Bids are sealed until bidding has closed (by the deadline job or staff): no one but the
 * bidding organization sees them. A tender cancelled while open stays sealed for good.
 */
export function isSealed(project: { closedAt: Date | null }): boolean {
  return project.closedAt === null;
}

/**
 * The criteria every project must weigh (DESIGN.md, issue 7): price plus the four quality
 * criteria the bureaus score; projects may add their own codes beside them.
 */
export const PRICE_CRITERION = 'price';
export const REQUIRED_CRITERIA = [
  PRICE_CRITERION,
  'professional_qualification',
  'internal_governance',
  'human_resources',
  'service_proposal',
] as const;

export interface Criterion {
  code: string;
  name: string;
  /** Integer share of 100. */
  weight: number;
}

export interface QualificationRequirements {
  minCertifiedSocialWorkers: number;
  minYearsOperating: number;
  /** The organization must still be verified when its bid is qualified. */
  verifiedOnly: boolean;
}

export const BID_STATUSES = ['submitted', 'withdrawn', 'replaced'] as const;
export type BidStatus = (typeof BID_STATUSES)[number];

export const QUALIFICATIONS = ['pending', 'qualified', 'disqualified'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

export interface BidTeam {
  certifiedSocialWorkers: number;
  yearsOperating: number;
  staffCount?: number;
}

export interface BidAttachment {
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256?: string;
}

/** A payment milestone of the tender's plan, copied into the contract at signing. */
export interface MilestonePlanItem {
  deliverable: string;
  dueDate: string;
  /** Integer share of the contract value; the plan sums to 100. */
  sharePercent: number;
}

/** The four dimensions of a performance evaluation, in weights summing to 100. */
export const EVALUATION_DIMENSIONS = [
  'administrativeSupervision',
  'serviceOutcomes',
  'projectManagement',
  'socialImpact',
] as const;
export type EvaluationDimension = (typeof EVALUATION_DIMENSIONS)[number];
export type DimensionWeights = Record<EvaluationDimension, number>;
export const DEFAULT_DIMENSION_WEIGHTS: DimensionWeights = {
  administrativeSupervision: 20,
  serviceOutcomes: 40,
  projectManagement: 20,
  socialImpact: 20,
};

export const AWARD_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];
