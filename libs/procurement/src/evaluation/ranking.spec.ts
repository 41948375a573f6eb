import { rankBids, type RankingInput } from './ranking';

const CRITERIA = [
  { code: 'price', name: '价格', weight: 40 },
  { code: 'professional_qualification', name: '专业资质', weight: 15 },
  { code: 'internal_governance', name: '内部治理', weight: 15 },
  { code: 'human_resources', name: '人力资源', weight: 15 },
  { code: 'service_proposal', name: '服务方案', weight: 15 },
];
const QUALITY = CRITERIA.slice(1).map((c) => c.code);

function bid(bidId: string, priceFen: number, minute = 0) {
  return {
    bidId,
    priceFen,
    submittedAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
    priceJustification: null,
  };
}

/** Every evaluator gives `score` on every quality criterion of the bid, except `over`. */
function scoresFor(
  bidId: string,
  evaluators: string[],
  score: number,
  over: Record<string, number[]> = {},
): RankingInput['scores'] {
  return QUALITY.flatMap((criterion) =>
    evaluators.map((evaluatorId, i) => ({
      bidId,
      evaluatorId,
      criterion,
      score: over[criterion]?.[i] ?? score,
    })),
  );
}

const input = (over: Partial<RankingInput>): RankingInput => ({
  criteria: CRITERIA,
  bids: [],
  panel: ['e1', 'e2', 'e3'],
  recusals: new Set(),
  scores: [],
  moderations: [],
  ...over,
});

describe(rankBids.name, () => {
  it('price score = lowest ÷ price × weight; total = price score + Σ value × weight ÷ 100', () => {
    const panel = ['e1', 'e2', 'e3'];
    const r = rankBids(
      input({
        bids: [bid('Y', 1_000_000), bid('X', 800_000)],
        scores: [...scoresFor('X', panel, 80), ...scoresFor('Y', panel, 90)],
      }),
    );
    expect(r.status).toBe('ranked');
    // X: 800/800 × 40 = 40, quality 80 × 60/100 = 48 → 88. Y: 800/1000 × 40 = 32, 90 × 0.6 = 54 → 86.
    expect(r.entries.map((e) => [e.bidId, e.priceScore, e.total, e.rank])).toEqual([
      ['X', 40, 88, 1],
      ['Y', 32, 86, 2],
    ]);
  });

  it('with five evaluators drops the highest and the lowest before the mean', () => {
    const panel = ['e1', 'e2', 'e3', 'e4', 'e5'];
    const r = rankBids(
      input({
        panel,
        bids: [bid('A', 500_000)],
        scores: scoresFor('A', panel, 70, { service_proposal: [60, 70, 85, 90, 100] }),
      }),
    );
    const sp = r.entries[0].criteria.find((c) => c.code === 'service_proposal')!;
    // (70 + 85 + 90) / 3 = 81.67; 60 and 100 trimmed; spread 40 is not over the limit.
    expect(sp.mean).toBe(81.67);
    expect(sp.scores.filter((s) => s.trimmed).map((s) => s.score)).toEqual([60, 100]);
    expect(sp.spreadFlag).toBe(false);
    // Four criteria weigh 15 each: 3 × 70 × 0.15 + 81.667 × 0.15 + 40 (lone bid) = 83.75.
    expect(r.entries[0].total).toBe(83.75);
  });

  it('with four evaluators keeps every score', () => {
    const panel = ['e1', 'e2', 'e3', 'e4'];
    const r = rankBids(
      input({
        panel,
        bids: [bid('A', 500_000)],
        scores: scoresFor('A', panel, 70, { service_proposal: [60, 70, 90, 100] }),
      }),
    );
    const sp = r.entries[0].criteria.find((c) => c.code === 'service_proposal')!;
    expect(sp.mean).toBe(80);
    expect(sp.scores.some((s) => s.trimmed)).toBe(false);
  });

  it('a spread over 40 points blocks the ranking until moderated, keeping the original scores', () => {
    const panel = ['e1', 'e2', 'e3'];
    const base = input({
      bids: [bid('A', 500_000), bid('B', 600_000)],
      scores: [
        ...scoresFor('A', panel, 80, { human_resources: [50, 80, 95] }),
        ...scoresFor('B', panel, 80),
      ],
    });
    const blocked = rankBids(base);
    expect(blocked.status).toBe('needs_moderation');
    expect(blocked.pendingModeration).toEqual([{ bidId: 'A', criterion: 'human_resources' }]);
    expect(blocked.entries.every((e) => e.rank === null)).toBe(true);

    const moderated = rankBids({
      ...base,
      moderations: [{ bidId: 'A', criterion: 'human_resources', score: 85, comment: '复核' }],
    });
    expect(moderated.status).toBe('ranked');
    const hr = moderated.entries.find((e) => e.bidId === 'A')!.criteria[2];
    expect([hr.mean, hr.value, hr.spread, hr.scores.map((s) => s.score)]).toEqual([
      75,
      85,
      45,
      [50, 80, 95],
    ]);
  });

  it('flags a price at least 40% below the mean of the other qualified bids', () => {
    const panel = ['e1', 'e2', 'e3'];
    const r = rankBids(
      input({
        bids: [bid('low', 570_000), bid('mid', 900_000), bid('high', 1_000_000), bid('x', 571_000)],
        scores: ['low', 'mid', 'high', 'x'].flatMap((b) => scoresFor(b, panel, 70)),
      }),
    );
    const flag = (id: string) => r.entries.find((e) => e.bidId === id)!.abnormallyLowPrice;
    // low: others' mean (900k + 1000k + 571k) / 3 = 823,667; 60% = 494,200 → 570k not flagged.
    expect(flag('low')).toEqual({ flagged: false, othersMeanFen: 823_667, justification: null });
    const two = rankBids(
      input({
        bids: [bid('low', 570_000), bid('mid', 900_000), bid('high', 1_000_000)],
        scores: ['low', 'mid', 'high'].flatMap((b) => scoresFor(b, panel, 70)),
      }),
    );
    // Others' mean 950,000; 60% of it is exactly 570,000: "at least 40% below" holds.
    expect(two.entries.find((e) => e.bidId === 'low')!.abnormallyLowPrice.flagged).toBe(true);
    expect(two.entries.find((e) => e.bidId === 'mid')!.abnormallyLowPrice.flagged).toBe(false);
  });

  it('a recused evaluator is not expected; a missing score leaves the ranking incomplete', () => {
    const r = rankBids(
      input({
        bids: [bid('A', 500_000)],
        recusals: new Set(['e3/A']),
        scores: scoresFor('A', ['e1'], 70),
      }),
    );
    expect(r.status).toBe('incomplete');
    expect(r.entries[0].evaluators).toEqual({ expected: 2, submitted: 1 });
    const done = rankBids(
      input({
        bids: [bid('A', 500_000)],
        recusals: new Set(['e3/A']),
        scores: scoresFor('A', ['e1', 'e2'], 70),
      }),
    );
    expect(done.status).toBe('ranked');
  });

  it('breaks a tie on total by the lower price', () => {
    const panel = ['e1', 'e2', 'e3'];
    // A: 40 + 60 × 0.6 = 76. B: 500/625 × 40 = 32 + 73.33 × 0.6 = 44 → 76.
    const r = rankBids(
      input({
        bids: [bid('B', 625_000, 0), bid('A', 500_000, 1)],
        scores: [
          ...scoresFor('A', panel, 60),
          ...scoresFor('B', panel, 0, Object.fromEntries(QUALITY.map((q) => [q, [70, 70, 80]]))),
        ],
      }),
    );
    expect(r.entries.map((e) => [e.bidId, e.total])).toEqual([
      ['A', 76],
      ['B', 76],
    ]);
  });
});
