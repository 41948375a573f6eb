import type { OcdsInput } from './ocds-input';

/**
 * OCDS 1.1 export of one service-purchasing project: a release package with one release per
 * lifecycle stage reached (tender, tenderUpdate once bidding closed, award, contract,
 * implementation, and a last unsuccessful/cancellation release for a failed or cancelled
 * project). Pure: everything comes from `OcdsInput`, so it is tested against the official schema.
 *
 * Every release is a cumulative snapshot: it holds everything known at its date. Awards,
 * contracts, milestone outcomes and payments carry their own times, so each appears from the
 * release whose date reaches it; bid qualification has no time of its own, so bids show their
 * current qualification in every release from tenderUpdate on. Bids (and tenderers) never appear
 * before bidding has closed: sealed content does not leak.
 */

type Json = Record<string, unknown>;
type Input = OcdsInput;
type Contract = Input['contracts'][number];
type Milestone = Contract['milestones'][number];

/** The bids extension, for `bids.statistics` and `bids.details` and `awards[].relatedBid`. */
export const OCDS_BID_EXTENSION =
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json';

const CURRENCY = 'CNY';
const DEFAULT_PUBLISHER_URI = 'https://onedoor.example';

/** published | bidding_closed | evaluating | awarded | failed | cancelled → tenderStatus. */
const TENDER_STATUS: Record<string, string> = {
  published: 'active',
  bidding_closed: 'active',
  evaluating: 'active',
  awarded: 'complete',
  failed: 'unsuccessful',
  cancelled: 'cancelled',
};
const BID_STATUS: Record<string, string> = {
  pending: 'pending',
  qualified: 'valid',
  disqualified: 'disqualified',
};
const AWARD_STATUS: Record<string, string> = {
  pending: 'pending',
  accepted: 'active',
  declined: 'cancelled',
};
/** contractStatus has no 'completed': a contract that has run its course is 'terminated'. */
const CONTRACT_STATUS: Record<string, string> = {
  active: 'active',
  completed: 'terminated',
  terminated: 'terminated',
};
const MILESTONE_STATUS: Record<string, string> = {
  scheduled: 'scheduled',
  met: 'met',
  partially_met: 'partiallyMet',
  not_met: 'notMet',
};

type Stage =
  | 'tender'
  | 'tenderUpdate'
  | 'award'
  | 'contract'
  | 'implementation'
  | 'unsuccessful'
  | 'cancelled';

const STAGE_TAG: Record<Stage, string> = {
  tender: 'tender',
  tenderUpdate: 'tenderUpdate',
  award: 'award',
  contract: 'contract',
  implementation: 'implementation',
  unsuccessful: 'tenderUpdate',
  cancelled: 'tenderCancellation',
};

/** Yuan with currency, from fen. */
function money(fen: number): Json {
  return { amount: fen / 100, currency: CURRENCY };
}

/** A `YYYY-MM-DD` day in China as the date-time of its first or last second. */
function dayStart(day: string): string {
  return `${day}T00:00:00+08:00`;
}
function dayEnd(day: string): string {
  return `${day}T23:59:59+08:00`;
}

function latest(dates: Array<Date | null | undefined>): Date | null {
  let max: Date | null = null;
  for (const d of dates) if (d && (!max || d.getTime() > max.getTime())) max = d;
  return max;
}

function reached(at: Date | null, cutoff: Date): boolean {
  return at !== null && at.getTime() <= cutoff.getTime();
}

/** When an award's answer came; an answer without a time counts from the award itself. */
function answeredAt(a: Input['awards'][number]): Date | null {
  if (a.status === 'pending') return null;
  return a.respondedAt ?? a.createdAt;
}

/** When a milestone's outcome was decided; one without a time counts from the signing. */
function decidedAt(m: Milestone, c: Contract): Date | null {
  if (m.outcome === 'scheduled') return null;
  return m.decidedAt ?? c.signedAt;
}

/** When a contract ended; an end without a time counts from the signing. */
function endedAt(c: Contract): Date | null {
  if (c.status === 'active') return null;
  return c.endedAt ?? c.signedAt;
}

/** Organizations with their roles, merged by id, in order of first appearance. */
class Parties {
  private readonly byId = new Map<string, { id: string; name: string; roles: string[] }>();

  add(id: string, name: string, ...roles: string[]): Json {
    let party = this.byId.get(id);
    if (!party) {
      party = { id, name, roles: [] };
      this.byId.set(id, party);
    }
    for (const role of roles) if (!party.roles.includes(role)) party.roles.push(role);
    return { id, name };
  }

  list(): Json[] {
    return [...this.byId.values()].map((p) => ({ ...p, roles: [...p.roles] }));
  }
}

function awardCriteriaDetails(criteria: Input['project']['criteria']): string {
  return `综合评分法：${criteria.map((c) => `${c.name}（${c.code}）${c.weight}%`).join('；')}`;
}

function eligibilityCriteria(r: Input['project']['requirements']): string {
  const parts = [
    `持证社会工作者不少于${r.minCertifiedSocialWorkers}人`,
    `成立满${r.minYearsOperating}年`,
  ];
  if (r.verifiedOnly) parts.push('须为平台已认证的社会组织');
  return parts.join('；');
}

function milestone(m: Milestone, c: Contract, cutoff: Date): Json {
  const decided = decidedAt(m, c);
  const outcome = reached(decided, cutoff) ? m.outcome : 'scheduled';
  const out: Json = {
    id: m.id,
    title: m.deliverable,
    type: 'payment',
    description: `${m.sharePercent}% of the contract value`,
    dueDate: dayEnd(m.dueDate),
    status: MILESTONE_STATUS[outcome] ?? 'scheduled',
    // Not a core 1.1 Milestone field (the core schema allows additional fields): the payment
    // planned for this milestone.
    value: money(m.amountFen),
  };
  if (outcome !== 'scheduled' && decided) {
    if (outcome === 'met' || outcome === 'partially_met') out.dateMet = decided.toISOString();
    out.dateModified = decided.toISOString();
  }
  return out;
}

interface StagePoint {
  stage: Stage;
  date: Date;
}

/** The stages reached, in order, each dated no earlier than the one before it. */
function stages(input: Input): StagePoint[] {
  const { project } = input;
  if (!project.publishedAt) {
    // A package needs at least one release, and an unpublished project has none.
    throw new Error(`Project ${project.id} was never published: there is no OCDS release`);
  }
  const raw: Array<[Stage, Date | null]> = [['tender', project.publishedAt]];
  if (input.biddingClosed) {
    raw.push(['tenderUpdate', project.closedAt ?? project.closesAt ?? project.updatedAt]);
  }
  if (input.awards.length > 0) {
    raw.push(['award', latest(input.awards.flatMap((a) => [a.createdAt, answeredAt(a)]))]);
  }
  if (input.contracts.length > 0) {
    raw.push(['contract', latest(input.contracts.map((c) => c.signedAt))]);
  }
  const implementation = latest(
    input.contracts.flatMap((c) => [
      ...c.milestones.map((m) => decidedAt(m, c)),
      ...c.payments.map((p) => p.paidAt),
      endedAt(c),
    ]),
  );
  if (implementation) raw.push(['implementation', implementation]);
  if (project.status === 'failed') raw.push(['unsuccessful', project.updatedAt]);
  if (project.status === 'cancelled') raw.push(['cancelled', project.updatedAt]);

  const out: StagePoint[] = [];
  for (const [stage, at] of raw) {
    const previous = out.at(-1)?.date;
    out.push({ stage, date: latest([at, previous]) ?? project.publishedAt });
  }
  return out;
}

function release(input: Input, ocid: string, point: StagePoint): Json {
  const { project, buyer } = input;
  const { stage, date: cutoff } = point;
  const parties = new Parties();
  const buyerRef = parties.add(buyer.id, buyer.name, 'buyer', 'procuringEntity');

  const final = stage === 'unsuccessful' || stage === 'cancelled';
  const closed = input.biddingClosed && stage !== 'tender';
  const tenderStatus = final
    ? TENDER_STATUS[project.status]
    : project.status === 'awarded' && ['award', 'contract', 'implementation'].includes(stage)
      ? 'complete'
      : 'active';

  const tender: Json = {
    id: project.id,
    title: project.title,
    description: project.description,
    status: tenderStatus,
    procuringEntity: buyerRef,
    items: [
      {
        id: '1',
        description: project.title,
        classification: { scheme: 'x_onedoor_category', id: project.categoryCode },
        additionalClassifications: [
          { scheme: 'x_onedoor_area', id: project.areaId, description: project.areaName },
        ],
        quantity: project.targetHouseholds,
        unit: { name: '户' },
      },
    ],
    value: money(project.budgetFen),
    procurementMethod: 'open',
    procurementMethodDetails: '政府购买服务公开招标',
    mainProcurementCategory: 'services',
    awardCriteria: 'ratedCriteria',
    awardCriteriaDetails: awardCriteriaDetails(project.criteria),
    eligibilityCriteria: eligibilityCriteria(project.requirements),
    tenderPeriod: {
      startDate: project.publishedAt!.toISOString(),
      ...(project.closesAt ? { endDate: project.closesAt.toISOString() } : {}),
    },
    contractPeriod: {
      startDate: dayStart(project.serviceStart),
      endDate: dayEnd(project.serviceEnd),
    },
  };

  const out: Json = {
    ocid,
    id: `${ocid}-${stage}`,
    date: cutoff.toISOString(),
    tag: [STAGE_TAG[stage]],
    initiationType: 'tender',
    language: 'zh',
    parties: [],
    buyer: buyerRef,
    tender,
  };

  if (closed) {
    const tenderers = new Map<string, Json>();
    for (const b of input.bids) {
      tenderers.set(b.providerId, parties.add(b.providerId, b.providerName, 'tenderer'));
    }
    tender.numberOfTenderers = tenderers.size;
    tender.tenderers = [...tenderers.values()];
    const valid = input.bids.filter((b) => b.qualification === 'qualified');
    const disqualified = input.bids.filter((b) => b.qualification === 'disqualified');
    const statistics: Json[] = [
      { id: '1', measure: 'bids', value: input.bids.length },
      { id: '2', measure: 'bidders', value: tenderers.size },
      { id: '3', measure: 'validBids', value: valid.length },
      {
        id: '4',
        measure: 'disqualifiedBidders',
        value: new Set(disqualified.map((b) => b.providerId)).size,
      },
    ];
    if (valid.length > 0) {
      const lowest = Math.min(...valid.map((b) => b.priceFen));
      statistics.push({
        id: '5',
        measure: 'lowestValidBidValue',
        value: lowest / 100,
        currency: CURRENCY,
      });
    }
    out.bids = {
      statistics,
      details: input.bids.map((b) => ({
        id: b.id,
        date: b.submittedAt.toISOString(),
        status: BID_STATUS[b.qualification] ?? 'pending',
        tenderers: [{ id: b.providerId, name: b.providerName }],
        value: money(b.priceFen),
      })),
    };
  }

  const awards = input.awards.filter((a) => reached(a.createdAt, cutoff));
  if (awards.length > 0) {
    out.awards = awards.map((a) => ({
      id: a.id,
      title: `${project.title}：授予${a.providerName}`,
      description: a.justification,
      status: AWARD_STATUS[reached(answeredAt(a), cutoff) ? a.status : 'pending'] ?? 'pending',
      date: a.createdAt.toISOString(),
      value: money(a.valueFen),
      suppliers: [parties.add(a.providerId, a.providerName, 'supplier')],
      relatedBid: a.bidId,
    }));
  }

  const contracts = input.contracts.filter((c) => reached(c.signedAt, cutoff));
  if (contracts.length > 0) {
    out.contracts = contracts.map((c) => {
      const award = input.awards.find((a) => a.id === c.awardId);
      if (award) parties.add(award.providerId, award.providerName, 'supplier');
      const contract: Json = {
        id: c.id,
        awardID: c.awardId,
        title: c.title,
        status: CONTRACT_STATUS[reached(endedAt(c), cutoff) ? c.status : 'active'] ?? 'active',
        period: { startDate: dayStart(c.periodStart), endDate: dayEnd(c.periodEnd) },
        value: money(c.valueFen),
        dateSigned: c.signedAt.toISOString(),
        milestones: c.milestones.map((m) => milestone(m, c, cutoff)),
      };
      if (stage === 'implementation' || final) {
        const milestones = c.milestones
          .filter((m) => reached(decidedAt(m, c), cutoff))
          .map((m) => milestone(m, c, cutoff));
        const transactions = c.payments
          .filter((p) => reached(p.paidAt, cutoff))
          .map((p) => ({
            id: p.id,
            date: p.paidAt.toISOString(),
            value: money(p.amountFen),
            payer: parties.add(buyer.id, buyer.name, 'payer'),
            payee: parties.add(p.payeeId, p.payeeName, 'payee'),
          }));
        if (milestones.length > 0 || transactions.length > 0) {
          contract.implementation = {
            ...(transactions.length > 0 ? { transactions } : {}),
            ...(milestones.length > 0 ? { milestones } : {}),
          };
        }
      }
      return contract;
    });
  }

  out.parties = parties.list();
  return out;
}

/** The OCDS 1.1 release package for a published project. Throws for a never-published one. */
export function toOcdsReleasePackage(input: OcdsInput): Record<string, unknown> {
  const ocid = `${input.ocidPrefix}-${input.project.id}`;
  const base = (input.publisher.uri ?? DEFAULT_PUBLISHER_URI).replace(/\/+$/, '');
  const releases = stages(input).map((point) => release(input, ocid, point));
  return {
    uri: `${base}/procurement/projects/${input.project.id}/ocds`,
    version: '1.1',
    extensions: [OCDS_BID_EXTENSION],
    publishedDate: input.generatedAt.toISOString(),
    publisher: {
      name: input.publisher.name,
      ...(input.publisher.uri ? { uri: input.publisher.uri } : {}),
    },
    releases,
  };
}
