import { filterTenders } from './filter';

const t = (id: string, areaId: string, categoryCode: string, closesAt: string | null) => ({
  id,
  areaId,
  categoryCode,
  closesAt,
});

describe('filterTenders', () => {
  const all = [
    t('late', 'a1', 'care', '2027-03-01T04:00:00.000Z'),
    t('soon', 'a2', 'legal_aid', '2027-01-10T04:00:00.000Z'),
    // 2027-01-31 23:30 in Beijing is still 31 January there.
    t('edge', 'a1', 'care', '2027-01-31T15:30:00.000Z'),
  ];

  it('keeps everything, soonest closing first, without filters', () => {
    expect(filterTenders(all, {}).map((x) => x.id)).toEqual(['soon', 'edge', 'late']);
  });

  it('filters by area and category', () => {
    expect(filterTenders(all, { areaId: 'a1' }).map((x) => x.id)).toEqual(['edge', 'late']);
    expect(filterTenders(all, { categoryCode: 'legal_aid' }).map((x) => x.id)).toEqual(['soon']);
  });

  it('keeps tenders closing by the end of the chosen Beijing day', () => {
    expect(filterTenders(all, { closesBy: '2027-01-31' }).map((x) => x.id)).toEqual([
      'soon',
      'edge',
    ]);
    expect(filterTenders(all, { closesBy: '2027-01-30' }).map((x) => x.id)).toEqual(['soon']);
  });
});
