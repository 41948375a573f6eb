import { deliverBody, parseTab, tabQuery } from './tabs';

const yuanToFen = (v: number | string) => Math.round(Number(v) * 100);

describe('inbox tabs', () => {
  it('reads ?tab= and falls back to new referrals', () => {
    expect(parseTab('deliver')).toBe('deliver');
    expect(parseTab('overdue')).toBe('overdue');
    expect(parseTab(null)).toBe('new');
    expect(parseTab('closed')).toBe('new');
  });

  it('asks the API for open, accepted, due within the window, or overdue referrals', () => {
    expect(tabQuery('new', 24)).toEqual({ status: 'open', sort: 'deadline' });
    expect(tabQuery('deliver', 24)).toEqual({ status: 'accepted', sort: 'deadline' });
    expect(tabQuery('soon', 48)).toEqual({ dueWithin: 48, sort: 'deadline' });
    expect(tabQuery('overdue', 24)).toEqual({ overdue: true, sort: 'deadline' });
  });
});

describe('deliverBody', () => {
  it('sends the amount typed in yuan as fen, and one unit by default', () => {
    expect(deliverBody({ amountYuan: 123.45, yuanToFen })).toEqual({ units: 1, amountFen: 12_345 });
    expect(deliverBody({ units: 3, amountYuan: '0', note: ' 已送达 ', yuanToFen })).toEqual({
      units: 3,
      amountFen: 0,
      note: '已送达',
    });
  });

  it('leaves the amount and note out when not given', () => {
    expect(deliverBody({ units: 2, amountYuan: null, note: '  ', yuanToFen })).toEqual({
      units: 2,
    });
  });
});
