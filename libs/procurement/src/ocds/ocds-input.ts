/**
 * What the OCDS export is built from: plain records read by the service, so the mapping is a
 * pure function tested against the official schema. Money is in fen (integers); the release
 * states yuan.
 */
export interface OcdsInput {
  /** ocid = `${ocidPrefix}-${project.id}`. */
  ocidPrefix: string;
  publisher: { name: string; uri?: string };
  /** When the package is produced (the package's `publishedDate`). */
  generatedAt: Date;
  buyer: { id: string; name: string };
  project: {
    id: string;
    title: string;
    description: string;
    categoryCode: string;
    areaId: string;
    areaName: string;
    budgetFen: number;
    targetHouseholds: number;
    serviceStart: string; // YYYY-MM-DD
    serviceEnd: string; // YYYY-MM-DD
    /** draft | published | bidding_closed | evaluating | awarded | failed | cancelled */
    status: string;
    createdAt: Date;
    publishedAt: Date | null;
    closesAt: Date | null;
    closedAt: Date | null;
    updatedAt: Date;
    endReason: string | null;
    criteria: Array<{ code: string; name: string; weight: number }>;
    requirements: {
      minCertifiedSocialWorkers: number;
      minYearsOperating: number;
      verifiedOnly: boolean;
    };
  };
  /** Live bids; empty while bidding is open (sealed). */
  bids: Array<{
    id: string;
    providerId: string;
    providerName: string;
    priceFen: number;
    /** pending | qualified | disqualified */
    qualification: string;
    submittedAt: Date;
  }>;
  /** Whether bidding has closed (bid statistics and details are published only then). */
  biddingClosed: boolean;
  awards: Array<{
    id: string;
    bidId: string;
    providerId: string;
    providerName: string;
    /** pending | accepted | declined */
    status: string;
    valueFen: number;
    justification: string;
    createdAt: Date;
    respondedAt: Date | null;
  }>;
  contracts: Array<{
    id: string;
    awardId: string;
    title: string;
    valueFen: number;
    /** active | completed | terminated */
    status: string;
    periodStart: string;
    periodEnd: string;
    signedAt: Date;
    endedAt: Date | null;
    milestones: Array<{
      id: string;
      deliverable: string;
      dueDate: string; // YYYY-MM-DD
      sharePercent: number;
      amountFen: number;
      /** scheduled | met | partially_met | not_met */
      outcome: string;
      decidedAt: Date | null;
    }>;
    payments: Array<{
      id: string;
      milestoneId: string;
      amountFen: number;
      paidAt: Date;
      payeeId: string;
      payeeName: string;
    }>;
  }>;
}
