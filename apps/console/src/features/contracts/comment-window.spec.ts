import { commentWindow } from './comment-window';

const completed = {
  status: 'completed' as const,
  commentDueAt: '2026-12-10T04:00:00.000Z',
  providerComment: null,
};

describe('commentWindow', () => {
  it('is not yet open while the evaluation is open', () => {
    expect(commentWindow({ status: 'open', commentDueAt: null, providerComment: null })).toBe(
      'notYet',
    );
  });

  it('is open until commentDueAt and closed after it', () => {
    expect(commentWindow(completed, new Date('2026-12-10T03:59:59.000Z'))).toBe('open');
    expect(commentWindow(completed, new Date('2026-12-10T04:00:01.000Z'))).toBe('closed');
  });

  it('is given once the organization has commented, whatever the time', () => {
    const given = { ...completed, providerComment: '已收悉' };
    expect(commentWindow(given, new Date('2026-12-01T00:00:00.000Z'))).toBe('given');
    expect(commentWindow(given, new Date('2027-01-01T00:00:00.000Z'))).toBe('given');
  });
});
