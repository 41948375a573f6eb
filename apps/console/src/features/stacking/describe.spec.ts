import i18next from 'i18next';
import locales from './locales';
import {
  describeCoverage,
  describeGap,
  describeStackingConflict,
  type StackingConflict,
  stackingConflictOf,
} from './describe';

/** The dictionary's labels as GET /api/dictionaries publishes them (libs/ledger's labels). */
const LABELS: Record<string, Record<string, string>> = {
  stackingKind: {
    complementary: '可叠加（至缺口）',
    exclusive: '互斥',
    once_per_period: '周期内限一次',
  },
  stackingConflict: { exclusive: '与已享受的救助互斥', once_per_period: '周期内已享受过' },
};
const label = (group: string, code: string | null | undefined) =>
  (code && LABELS[group]?.[code]) ?? String(code);

const benefit = {
  source: 'entry' as const,
  grantedBy: '和平区民政局',
  title: '临时救助',
  categoryCode: 'emergency',
  startsOn: '2026-10-03',
  endsOn: null,
  amountFen: 200_000,
};

describe(describeStackingConflict.name, () => {
  let t: (key: string, options?: Record<string, unknown>) => string;

  beforeAll(async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'zh-CN',
      ns: ['stacking'],
      defaultNS: 'stacking',
      resources: { 'zh-CN': { stacking: locales.zh } },
      interpolation: { escapeValue: false },
    });
    t = (key, options) => i18n.t(key, options);
  });

  const conflict = (over: Partial<StackingConflict>): StackingConflict => ({
    rule: 'exclusive',
    ruleId: '00000000-0000-4000-8000-000000000001',
    ruleKind: 'exclusive',
    periodMonths: null,
    benefit,
    ...over,
  });

  it('names the benefit, its source and since when for an exclusive rule', () => {
    expect(describeStackingConflict(conflict({}), t, label)).toBe(
      '已于2026-10-03起从和平区民政局获得临时救助（互斥）',
    );
  });

  it('names the period of a once-per-period rule', () => {
    expect(
      describeStackingConflict(
        conflict({ rule: 'once_per_period', ruleKind: 'once_per_period', periodMonths: 12 }),
        t,
        label,
      ),
    ).toBe('12个月内已获得临时救助：2026-10-03由和平区民政局发放（周期内限一次）');
  });

  it('says a referral approved and not yet delivered is one', () => {
    expect(
      describeStackingConflict(
        conflict({
          benefit: { ...benefit, source: 'pending_referral' as const, grantedBy: '阳光社工站' },
        }),
        t,
        label,
      ),
    ).toBe('已于2026-10-03起从阳光社工站获得临时救助（已批准待交付）（互斥）');
  });

  it('says the gap is covered, the need served, the resource already used', () => {
    const noRule = { ruleId: null, ruleKind: null, benefit: null };
    expect(describeStackingConflict(conflict({ rule: 'gap_covered', ...noRule }), t, label)).toBe(
      '费用缺口已覆盖',
    );
    expect(describeStackingConflict(conflict({ rule: 'need_served', ...noRule }), t, label)).toBe(
      '该需求已有救助',
    );
    expect(
      describeStackingConflict(
        conflict({ rule: 'need_served', ruleId: null, ruleKind: null }),
        t,
        label,
      ),
    ).toBe('该需求已有救助：临时救助（和平区民政局）');
    expect(describeStackingConflict(conflict({ rule: 'same_resource', ...noRule }), t, label)).toBe(
      '该资源已服务过该家庭',
    );
  });

  it('falls back to the rule’s label when no benefit is named', () => {
    expect(describeStackingConflict(conflict({ benefit: null }), t, label)).toBe(
      '与已享受的救助互斥',
    );
  });

  it('shows a gap with what covers it, and each proposal’s share of what is left', () => {
    const gap = { gapFen: 3_000_000, coveredFen: 1_200_000, leftFen: 1_800_000 };
    expect(describeGap(gap, 3_000_000, t)).toBe(
      '费用缺口 ¥30,000.00，已覆盖 ¥12,000.00，尚缺 ¥18,000.00',
    );
    expect(describeGap(null, 3_000_000, t)).toBe('费用缺口 ¥30,000.00');
    expect(describeGap(null, null, t)).toBeNull();
    expect(describeCoverage(800_000, gap, t)).toBe('可覆盖 ¥8,000.00（尚缺 ¥10,000.00）');
    expect(describeCoverage(2_000_000, gap, t)).toBe('可覆盖 ¥20,000.00（尚缺 ¥0.00）');
    expect(describeCoverage(null, gap, t)).toBeNull();
  });

  it('finds the conflict in an approval error’s details, and nothing in other errors', () => {
    const c = conflict({});
    expect(stackingConflictOf(c)).toBe(c);
    expect(stackingConflictOf({ stacking: c })).toBe(c);
    expect(stackingConflictOf({ currentVersion: 2 })).toBeNull();
    expect(stackingConflictOf({ rule: 'not_a_rule' })).toBeNull();
    expect(stackingConflictOf(undefined)).toBeNull();
  });
});
