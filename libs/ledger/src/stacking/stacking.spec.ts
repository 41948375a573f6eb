import {
  type Benefit,
  coversFen,
  householdBenefits,
  type LedgerBenefitRow,
  monthsBefore,
  needGap,
  type ReferralBenefitRow,
  stackingConflict,
  type StackingCandidate,
  type StackingNeed,
  type StackingRule,
} from './stacking';

const TODAY = '2026-12-02';
const candidate: StackingCandidate = {
  resourceId: 'r-candidate',
  categoryCode: 'emergency',
  valuePerUnitFen: 500_000,
};
const need: StackingNeed = { id: 'n1', gapFen: null, hasLiveReferral: false };
const benefit = (over: Partial<Benefit> = {}): Benefit => ({
  source: 'entry',
  grantedBy: '和平区民政局',
  title: '临时救助',
  categoryCode: 'emergency',
  startsOn: '2026-10-03',
  endsOn: '2026-10-03',
  amountFen: 500_000,
  resourceId: null,
  needId: null,
  ...over,
});
let ruleSeq = 0;
const rule = (over: Partial<StackingRule>): StackingRule => ({
  id: `rule-${++ruleSeq}`,
  kind: 'exclusive',
  categoryCode: null,
  resourceAId: null,
  resourceBId: null,
  periodMonths: null,
  ...over,
});
const check = (
  benefits: Benefit[],
  rules: StackingRule[],
  over: {
    need?: Partial<StackingNeed>;
    candidate?: Partial<StackingCandidate>;
    today?: string;
  } = {},
) =>
  stackingConflict({
    candidate: { ...candidate, ...over.candidate },
    need: { ...need, ...over.need },
    benefits,
    rules,
    today: over.today ?? TODAY,
  });

describe(stackingConflict.name, () => {
  describe('exclusive', () => {
    const exclusive = rule({ kind: 'exclusive', categoryCode: 'emergency' });

    it('a pending referral is current whatever day its row says it started', () => {
      // Approved just after Beijing midnight by the database's clock, checked by an application
      // clock a moment behind: still under way, still exclusive.
      const pending = benefit({ source: 'pending_referral', startsOn: '2026-12-03', endsOn: null });
      expect(check([pending], [exclusive])).toMatchObject({ rule: 'exclusive' });
      // A recorded benefit that has not started yet is not current.
      const future = benefit({ startsOn: '2026-12-03', endsOn: null });
      expect(check([future], [exclusive])).toBeNull();
    });

    it('conflicts with a current benefit, naming the rule and the benefit', () => {
      const running = benefit({ startsOn: '2026-10-03', endsOn: null });
      expect(check([running], [exclusive])).toEqual({
        rule: 'exclusive',
        ruleId: exclusive.id,
        ruleKind: 'exclusive',
        periodMonths: null,
        benefit: {
          source: 'entry',
          grantedBy: '和平区民政局',
          title: '临时救助',
          categoryCode: 'emergency',
          startsOn: '2026-10-03',
          endsOn: null,
          amountFen: 500_000,
        },
      });
    });

    it('does not conflict with a benefit that has ended, nor one not yet started', () => {
      expect(check([benefit({ endsOn: '2026-12-01' })], [exclusive])).toBeNull();
      expect(check([benefit({ startsOn: '2026-12-03', endsOn: null })], [exclusive])).toBeNull();
      // The last day still counts.
      expect(check([benefit({ endsOn: TODAY })], [exclusive])?.rule).toBe('exclusive');
    });

    it('applies a category rule only to benefits of the candidate’s category', () => {
      expect(check([benefit({ categoryCode: 'medical', endsOn: null })], [exclusive])).toBeNull();
    });
  });

  describe('once_per_period (Beijing calendar months)', () => {
    const yearly = rule({ kind: 'once_per_period', categoryCode: 'emergency', periodMonths: 12 });

    it('conflicts with a benefit started within the period, however short it was', () => {
      // 2026-12-02 − 12 months = 2025-12-02: a grant of 2025-12-03 is inside the window.
      expect(check([benefit({ startsOn: '2025-12-03', endsOn: '2025-12-03' })], [yearly])).toEqual(
        expect.objectContaining({ rule: 'once_per_period', periodMonths: 12, ruleId: yearly.id }),
      );
    });

    it('allows it again from the day the period has passed', () => {
      expect(
        check([benefit({ startsOn: '2025-12-02', endsOn: '2025-12-02' })], [yearly]),
      ).toBeNull();
    });

    it('counts months on calendar dates, the day clamped to a shorter month', () => {
      expect(monthsBefore('2026-12-02', 12)).toBe('2025-12-02');
      expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
      expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
      expect(monthsBefore('2026-01-15', 3)).toBe('2025-10-15');
      const monthly = rule({ kind: 'once_per_period', categoryCode: 'emergency', periodMonths: 1 });
      // 2026-03-31 − 1 month = 2026-02-28: a grant of that day is outside, one of March 1st inside.
      const on = (startsOn: string) =>
        check([benefit({ startsOn, endsOn: startsOn })], [monthly], { today: '2026-03-31' });
      expect(on('2026-02-28')).toBeNull();
      expect(on('2026-03-01')?.rule).toBe('once_per_period');
    });
  });

  describe('the most specific rule decides', () => {
    it('a pair rule beats the category rule, in either order of the pair', () => {
      const categoryExclusive = rule({ kind: 'exclusive', categoryCode: 'emergency' });
      const [a, b] = ['r-a', 'r-z'];
      const pairComplementary = rule({ kind: 'complementary', resourceAId: a, resourceBId: b });
      const running = benefit({ resourceId: b, endsOn: null });
      // Without the pair rule the category's exclusive rule refuses…
      expect(check([running], [categoryExclusive], { candidate: { resourceId: a } })?.rule).toBe(
        'exclusive',
      );
      // …with it, the pair may stack (a ≤ b is how the row is stored; the candidate may be b).
      expect(
        check([running], [categoryExclusive, pairComplementary], { candidate: { resourceId: a } }),
      ).toBeNull();
      expect(
        check([benefit({ resourceId: a, endsOn: null })], [categoryExclusive, pairComplementary], {
          candidate: { resourceId: b },
        }),
      ).toBeNull();
    });

    it('a pair rule applies across categories; the same resource twice is the pair (R, R)', () => {
      const pairExclusive = rule({
        kind: 'exclusive',
        resourceAId: 'r-a',
        resourceBId: 'r-candidate',
      });
      const other = benefit({ resourceId: 'r-a', categoryCode: 'medical', endsOn: null });
      expect(check([other], [pairExclusive])?.ruleId).toBe(pairExclusive.id);
      const self = rule({
        kind: 'once_per_period',
        periodMonths: 12,
        resourceAId: 'r-candidate',
        resourceBId: 'r-candidate',
      });
      expect(check([benefit({ resourceId: 'r-candidate' })], [self])?.rule).toBe('once_per_period');
    });

    it('a benefit without a resource has no pair rule: the category rule decides', () => {
      const pair = rule({
        kind: 'complementary',
        resourceAId: 'r-candidate',
        resourceBId: 'r-candidate',
      });
      const category = rule({ kind: 'exclusive', categoryCode: 'emergency' });
      expect(check([benefit({ endsOn: null })], [pair, category])?.ruleId).toBe(category.id);
    });

    it('with no rule, the same resource twice conflicts (one resource serves a household once), another does not', () => {
      expect(check([benefit({ resourceId: 'r-candidate' })], [])).toEqual(
        expect.objectContaining({ rule: 'same_resource', ruleId: null, ruleKind: null }),
      );
      expect(check([benefit({ resourceId: 'r-other', endsOn: null })], [])).toBeNull();
    });
  });

  describe('complementary up to the need’s money gap', () => {
    const complementary = rule({ kind: 'complementary', categoryCode: 'medical' });
    const medical = {
      resourceId: 'r-charity',
      categoryCode: 'medical',
      valuePerUnitFen: 1_000_000,
    };
    const gapNeed = { id: 'n1', gapFen: 3_000_000, hasLiveReferral: true };
    const received = [
      benefit({ categoryCode: 'medical', needId: 'n1', amountFen: 1_500_000, resourceId: 'r-gov' }),
      benefit({ categoryCode: 'medical', needId: 'n1', amountFen: 500_000, resourceId: 'r-temp' }),
    ];

    it('stacks while some of the gap is left, each covering at most what is left', () => {
      expect(check(received, [complementary], { need: gapNeed, candidate: medical })).toBeNull();
      const gap = needGap(gapNeed, received);
      expect(gap).toEqual({ gapFen: 3_000_000, coveredFen: 2_000_000, leftFen: 1_000_000 });
      expect(coversFen(medical, gap)).toBe(1_000_000);
      expect(coversFen({ valuePerUnitFen: 1_500_000 }, gap)).toBe(1_000_000);
      expect(coversFen({ valuePerUnitFen: null }, gap)).toBe(0);
      expect(coversFen(medical, null)).toBeNull();
    });

    it('refuses once the gap is covered, naming the most recent benefit of the need', () => {
      const all = [
        ...received,
        benefit({
          categoryCode: 'medical',
          needId: 'n1',
          amountFen: 1_000_000,
          title: '大病救助基金',
          grantedBy: '红十字会',
          startsOn: '2026-11-20',
        }),
      ];
      expect(needGap(gapNeed, all)?.leftFen).toBe(0);
      expect(check(all, [complementary], { need: gapNeed, candidate: medical })).toEqual(
        expect.objectContaining({
          rule: 'gap_covered',
          benefit: expect.objectContaining({ grantedBy: '红十字会', startsOn: '2026-11-20' }),
        }),
      );
    });

    it('refuses a resource the need already receives, before any rule that would let it stack', () => {
      const given = benefit({
        categoryCode: 'medical',
        needId: 'n1',
        amountFen: 1_000_000,
        resourceId: 'r-charity',
      });
      const selfComplementary = rule({
        kind: 'complementary',
        resourceAId: 'r-charity',
        resourceBId: 'r-charity',
      });
      for (const rules of [[complementary], [complementary, selfComplementary]]) {
        expect(check([given], rules, { need: gapNeed, candidate: medical })).toEqual(
          expect.objectContaining({
            rule: 'same_resource',
            ruleId: null,
            benefit: expect.objectContaining({ amountFen: 1_000_000 }),
          }),
        );
      }
      // The same resource given for another need is left to the rules (complementary here).
      expect(
        check([{ ...given, needId: 'n2' }], [complementary], { need: gapNeed, candidate: medical }),
      ).toBeNull();
    });

    it('leaves nothing, never less, when more than the gap was received', () => {
      const more = benefit({ categoryCode: 'medical', needId: 'n1', amountFen: 2_500_000 });
      expect(needGap(gapNeed, [...received, more])).toEqual({
        gapFen: 3_000_000,
        coveredFen: 4_500_000,
        leftFen: 0,
      });
    });

    it('counts only the need’s own benefits against its gap', () => {
      const elsewhere = benefit({ categoryCode: 'medical', needId: 'n2', amountFen: 9_000_000 });
      expect(needGap(gapNeed, [elsewhere])?.leftFen).toBe(3_000_000);
    });

    it('a need without a gap is served by one live referral, complementary or not', () => {
      expect(
        check([], [complementary], {
          need: { gapFen: null, hasLiveReferral: true },
          candidate: medical,
        })?.rule,
      ).toBe('need_served');
    });

    it('a need without a gap is served by a current benefit a department recorded against it', () => {
      const recorded = benefit({ categoryCode: 'medical', needId: 'n1', endsOn: null });
      const served = { need: { gapFen: null, hasLiveReferral: false }, candidate: medical };
      expect(check([recorded], [complementary], served)).toEqual(
        expect.objectContaining({
          rule: 'need_served',
          benefit: expect.objectContaining({ source: 'entry', grantedBy: '和平区民政局' }),
        }),
      );
      // Once it has ended, or when it was recorded against another need, the need is open to
      // others; a referral's own entry on the need is the referral's (hasLiveReferral) to say.
      expect(check([{ ...recorded, endsOn: '2026-11-30' }], [complementary], served)).toBeNull();
      expect(check([{ ...recorded, needId: 'n2' }], [complementary], served)).toBeNull();
      expect(check([{ ...recorded, source: 'import' }], [complementary], served)?.rule).toBe(
        'need_served',
      );
      expect(check([{ ...recorded, source: 'referral' }], [complementary], served)).toBeNull();
    });
  });
});

describe(householdBenefits.name, () => {
  const entry = (over: Partial<LedgerBenefitRow> = {}): LedgerBenefitRow => ({
    ...benefit(),
    source: 'referral',
    referralId: 'ref-1',
    status: 'active',
    ...over,
  });
  const referral = (over: Partial<ReferralBenefitRow> = {}): ReferralBenefitRow => {
    const { source: _source, ...rest } = benefit({ startsOn: TODAY, endsOn: null });
    return { ...rest, referralId: 'ref-2', delivered: false, closedOn: null, ...over };
  };

  it('counts a pending referral, current from its approval', () => {
    const [pending] = householdBenefits([], [referral()]);
    expect(pending.source).toBe('pending_referral');
    expect(
      check([pending], [rule({ kind: 'exclusive', categoryCode: 'emergency' })])?.benefit?.source,
    ).toBe('pending_referral');
  });

  it('does not count a delivered referral twice: the ledger’s entry stands for it', () => {
    const benefits = householdBenefits(
      [entry({ referralId: 'ref-1' })],
      [referral({ referralId: 'ref-1', delivered: true })],
    );
    expect(benefits).toHaveLength(1);
    expect(benefits[0].source).toBe('referral');
  });

  it('drops voided entries, and the referral a voided entry stood for', () => {
    expect(
      householdBenefits(
        [entry({ status: 'voided', referralId: 'ref-1' })],
        [referral({ referralId: 'ref-1', delivered: true })],
      ),
    ).toEqual([]);
  });

  it('keeps a OneDoor delivery current until its referral is closed, then ends it that day', () => {
    // Delivered on 2026-11-20 (a one-off in the ledger), basic_living: exclusive.
    const exclusive = rule({ kind: 'exclusive', categoryCode: 'basic_living' });
    const delivered = entry({
      referralId: 'ref-1',
      categoryCode: 'basic_living',
      startsOn: '2026-11-20',
      endsOn: '2026-11-20',
    });
    const living = { candidate: { categoryCode: 'basic_living', resourceId: 'r-other' } };
    const at = (closedOn: string | null) =>
      householdBenefits(
        [delivered],
        [referral({ referralId: 'ref-1', delivered: true, closedOn, startsOn: '2026-11-20' })],
      );
    // Not closed: still received, the second basic_living cash benefit is refused.
    const [open] = at(null);
    expect(open.endsOn).toBeNull();
    expect(check([open], [exclusive], living)?.rule).toBe('exclusive');
    // Closed on 2026-11-28: it ended the day before (the re-match queued on closing is free).
    const [closed] = at('2026-11-28');
    expect(closed.endsOn).toBe('2026-11-27');
    expect(check([closed], [exclusive], living)).toBeNull();
    expect(check([closed], [exclusive], { ...living, today: '2026-11-28' })).toBeNull();
    expect(check([closed], [exclusive], { ...living, today: '2026-11-27' })?.rule).toBe(
      'exclusive',
    );
    // Closed on its delivery day, it keeps that day (a one-off's own date); across a month end.
    expect(at('2026-11-20')[0].endsOn).toBe('2026-11-20');
    expect(at('2026-12-01')[0].endsOn).toBe('2026-11-30');
    // A department's entry (not a referral's) keeps its own dates.
    const [department] = householdBenefits(
      [entry({ source: 'entry', referralId: null, endsOn: '2026-11-20' })],
      [],
    );
    expect(department.endsOn).toBe('2026-11-20');
  });

  it('counts a delivered referral the ledger lacks as the ledger would hold it', () => {
    const [delivered] = householdBenefits([], [referral({ delivered: true })]);
    expect(delivered.source).toBe('referral');
  });
});
