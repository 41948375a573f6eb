import { type Criterion, PRICE_CRITERION } from '../procurement.types';

/** A criterion whose scores differ by more than this many points needs moderation. */
export const SPREAD_LIMIT = 40;
/** With this many scores or more, the highest and the lowest are dropped. */
export const TRIM_FROM = 5;
/** A price at least this many percent below the mean of the other qualified bids is abnormally low. */
export const ABNORMALLY_LOW_PERCENT = 40;

export interface RankingInput {
  criteria: Criterion[];
  bids: Array<{
    bidId: string;
    priceFen: number;
    submittedAt: Date;
    priceJustification: string | null;
  }>;
  panel: string[];
  /** `${evaluatorId}/${bidId}` for every declared conflict. */
  recusals: ReadonlySet<string>;
  scores: Array<{ bidId: string; evaluatorId: string; criterion: string; score: number }>;
  moderations: Array<{ bidId: string; criterion: string; score: number | null; comment: string }>;
}

export interface CriterionResult {
  code: string;
  weight: number;
  scores: Array<{ evaluatorId: string; score: number; trimmed: boolean }>;
  /** Mean after trimming, over the evaluators not recused. */
  mean: number | null;
  spread: number | null;
  spreadFlag: boolean;
  moderation: { score: number | null; comment: string } | null;
  /** What counts: the moderated score if one was set, else the mean. */
  value: number | null;
  /** value × weight / 100. */
  weighted: number | null;
}

export interface RankingEntry {
  bidId: string;
  priceFen: number;
  priceScore: number;
  criteria: CriterionResult[];
  total: number;
  rank: number | null;
  evaluators: { expected: number; submitted: number };
  abnormallyLowPrice: {
    flagged: boolean;
    othersMeanFen: number | null;
    justification: string | null;
  };
}

export type RankingStatus = 'incomplete' | 'needs_moderation' | 'ranked';

export interface Ranking {
  status: RankingStatus;
  /** Bids and criteria whose spread still waits for a moderation comment. */
  pendingModeration: Array<{ bidId: string; criterion: string }>;
  entries: RankingEntry[];
}

export const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Aggregates a panel's scores into a ranking (issue 7): per criterion the mean over the
 * evaluators not recused, trimmed of the highest and lowest with five or more; a spread
 * over 40 points waits for moderation; price score = lowest price ÷ price × price weight;
 * total = the weighted sum. Pure, so the arithmetic is tested against hand-computed figures.
 */
export function rankBids(input: RankingInput): Ranking {
  const priceWeight = input.criteria.find((c) => c.code === PRICE_CRITERION)?.weight ?? 0;
  const quality = input.criteria.filter((c) => c.code !== PRICE_CRITERION);
  const lowest = Math.min(...input.bids.map((b) => b.priceFen));
  const byKey = new Map<string, number>();
  for (const s of input.scores) byKey.set(`${s.bidId}/${s.evaluatorId}/${s.criterion}`, s.score);
  const moderation = new Map(input.moderations.map((m) => [`${m.bidId}/${m.criterion}`, m]));
  const priceSum = input.bids.reduce((sum, b) => sum + b.priceFen, 0);

  let complete = true;
  const pendingModeration: Ranking['pendingModeration'] = [];
  const entries: RankingEntry[] = input.bids.map((bid) => {
    const panel = input.panel.filter((e) => !input.recusals.has(`${e}/${bid.bidId}`));
    const submitted = panel.filter((e) =>
      quality.every((c) => byKey.has(`${bid.bidId}/${e}/${c.code}`)),
    );
    if (panel.length === 0 || submitted.length < panel.length) complete = false;

    const criteria = quality.map((c): CriterionResult => {
      const scores = submitted.map((e) => ({
        evaluatorId: e,
        score: byKey.get(`${bid.bidId}/${e}/${c.code}`)!,
        trimmed: false,
      }));
      if (scores.length >= TRIM_FROM) {
        // One highest and one lowest are dropped, even when several evaluators tie on them.
        const order = scores.map((_, i) => i).sort((a, b) => scores[a].score - scores[b].score);
        scores[order[0]].trimmed = true;
        scores[order[order.length - 1]].trimmed = true;
      }
      const counted = scores.filter((s) => !s.trimmed).map((s) => s.score);
      const mean = counted.length ? counted.reduce((a, b) => a + b, 0) / counted.length : null;
      const all = scores.map((s) => s.score);
      const spread = all.length ? Math.max(...all) - Math.min(...all) : null;
      const spreadFlag = spread !== null && spread > SPREAD_LIMIT;
      const m = moderation.get(`${bid.bidId}/${c.code}`) ?? null;
      if (spreadFlag && !m) pendingModeration.push({ bidId: bid.bidId, criterion: c.code });
      const value = m?.score ?? mean;
      return {
        code: c.code,
        weight: c.weight,
        scores,
        mean: mean === null ? null : round2(mean),
        spread,
        spreadFlag,
        moderation: m ? { score: m.score, comment: m.comment } : null,
        value: value === null ? null : round2(value),
        weighted: value === null ? null : (value * c.weight) / 100,
      };
    });

    const priceScore = (lowest / bid.priceFen) * priceWeight;
    const others = input.bids.length - 1;
    const othersMean = others > 0 ? (priceSum - bid.priceFen) / others : null;
    return {
      bidId: bid.bidId,
      priceFen: bid.priceFen,
      priceScore,
      criteria,
      total: priceScore + criteria.reduce((sum, c) => sum + (c.weighted ?? 0), 0),
      rank: null,
      evaluators: { expected: panel.length, submitted: submitted.length },
      abnormallyLowPrice: {
        // price ≤ (100 − 40)% of the others' mean, in integers: price × 100 × n ≤ sum × 60.
        flagged:
          othersMean !== null &&
          bid.priceFen * 100 * others <= (priceSum - bid.priceFen) * (100 - ABNORMALLY_LOW_PERCENT),
        othersMeanFen: othersMean === null ? null : Math.round(othersMean),
        justification: bid.priceJustification,
      },
    };
  });

  const status: RankingStatus = !complete
    ? 'incomplete'
    : pendingModeration.length
      ? 'needs_moderation'
      : 'ranked';
  const submittedAt = new Map(input.bids.map((b) => [b.bidId, b.submittedAt.getTime()]));
  // Ties (equal to a millionth of a point: float sums differ in the last bits) go to the lower
  // price, then to the earlier bid.
  entries.sort(
    (a, b) =>
      Math.round((b.total - a.total) * 1e6) ||
      a.priceFen - b.priceFen ||
      submittedAt.get(a.bidId)! - submittedAt.get(b.bidId)!,
  );
  if (status === 'ranked') entries.forEach((e, i) => (e.rank = i + 1));
  for (const e of entries) {
    e.priceScore = round2(e.priceScore);
    e.total = round2(e.total);
    for (const c of e.criteria) c.weighted = c.weighted === null ? null : round2(c.weighted);
  }
  return { status, pendingModeration, entries };
}
