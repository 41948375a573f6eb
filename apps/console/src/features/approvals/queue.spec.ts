import { dueState, groupByHousehold, type Proposal, toggleSelection } from './queue';

const NOW = new Date('2026-12-02T00:00:00Z');
const hoursFromNow = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString();

function proposal(id: string, householdId: string, extra: Partial<Proposal> = {}): Proposal {
  return {
    id,
    householdId,
    needId: `need-${id}`,
    householdName: `户-${householdId}`,
    communityName: '东风社区',
    tier: 'subsistence',
    resourceId: 'r',
    resourceTitle: '资源',
    providerName: '机构',
    serviceLevel: 'street',
    status: 'proposed',
    categoryCode: 'food',
    urgency: 'normal',
    score: 0.5,
    rank: 1,
    explanation: [],
    createdAt: NOW.toISOString(),
    deadline: hoursFromNow(48),
    ...extra,
  } as Proposal;
}

describe('approval queue grouping', () => {
  it('tells overdue, due soon, later and no deadline apart', () => {
    expect(dueState(hoursFromNow(-1), 24, NOW)).toBe('overdue');
    expect(dueState(hoursFromNow(3), 24, NOW)).toBe('soon');
    expect(dueState(hoursFromNow(30), 24, NOW)).toBe('normal');
    expect(dueState(null, 24, NOW)).toBe('none');
  });

  it('groups proposals by household in queue order, flags emergencies and keeps the nearest deadline', () => {
    const groups = groupByHousehold(
      [
        proposal('a', 'h1', { deadline: hoursFromNow(10) }),
        proposal('b', 'h2'),
        proposal('c', 'h1', { urgency: 'emergency', deadline: hoursFromNow(2) }),
      ],
      undefined,
      24,
      NOW,
    );
    expect(groups.map((g) => g.householdId)).toEqual(['h1', 'h2']);
    expect(groups[0].proposals.map((p) => p.id)).toEqual(['a', 'c']);
    expect(groups[0].emergency).toBe(true);
    expect(groups[0].deadline).toBe(hoursFromNow(2));
    expect(groups[1].emergency).toBe(false);
  });

  it('filters by ?due=soon (not yet past) and ?due=overdue', () => {
    const all = [
      proposal('late', 'h1', { deadline: hoursFromNow(-2) }),
      proposal('soon', 'h2', { deadline: hoursFromNow(5) }),
      proposal('later', 'h3', { deadline: hoursFromNow(50) }),
    ];
    expect(groupByHousehold(all, 'overdue', 24, NOW).map((g) => g.householdId)).toEqual(['h1']);
    expect(groupByHousehold(all, 'soon', 24, NOW).map((g) => g.householdId)).toEqual(['h2']);
  });

  it('keeps at most one ticked proposal per need', () => {
    let selected = toggleSelection({}, 'n1', 'p1');
    selected = toggleSelection(selected, 'n2', 'p3');
    selected = toggleSelection(selected, 'n1', 'p2');
    expect(selected).toEqual({ n1: 'p2', n2: 'p3' });
    expect(toggleSelection(selected, 'n1', 'p2')).toEqual({ n2: 'p3' });
  });
});
