import { noticeLink } from './notice-link';

const notice = (type: string, entityType: string) =>
  ({ type, entityType, entityId: 'c1' }) as Parameters<typeof noticeLink>[0];

describe(noticeLink.name, () => {
  it('opens a supervision notice on the case’s 督导 tab, other case notices on the case', () => {
    expect(noticeLink(notice('supervision.action_required', 'case'))).toBe(
      '/cases/c1?tab=supervision',
    );
    expect(noticeLink(notice('supervision.answered', 'case'))).toBe('/cases/c1?tab=supervision');
    expect(noticeLink(notice('case.handed_over', 'case'))).toBe('/cases/c1');
  });

  // relief: leads
  it('opens a lead notice on the lead for staff, and the reporter’s outcome notice on their own list', () => {
    expect(noticeLink(notice('lead.reported', 'lead'))).toBe('/leads/c1');
    expect(noticeLink(notice('lead.overdue', 'lead'))).toBe('/leads/c1');
    expect(noticeLink(notice('lead.outcome', 'lead'))).toBe('/leads/mine');
  });
});
