import type { AppConfig } from '@onedoor/platform';
import { expiryCutoff, pendingDeadline, referralDeadlines } from './referral-deadlines';

const sla: AppConfig['referrals'] = {
  acceptHours: { normal: 72, emergency: 24 },
  deliverDays: { normal: 14, emergency: 3 },
  expireAfterOverdueHours: 48,
  parkDays: 30,
};
const opened = new Date('2026-11-24T00:00:00Z');

describe('referral deadlines', () => {
  it('gives normal and urgent needs 72 h to accept and 14 days to deliver', () => {
    for (const urgency of ['normal', 'urgent'] as const) {
      expect(referralDeadlines(urgency, opened, sla)).toEqual({
        acceptDueAt: new Date('2026-11-27T00:00:00Z'),
        deliverDueAt: new Date('2026-12-08T00:00:00Z'),
      });
    }
  });

  it('gives emergency needs 24 h and 3 days', () => {
    expect(referralDeadlines('emergency', opened, sla)).toEqual({
      acceptDueAt: new Date('2026-11-25T00:00:00Z'),
      deliverDueAt: new Date('2026-11-27T00:00:00Z'),
    });
  });

  it('waits on acceptance while open, on delivery once accepted, on nothing after', () => {
    const r = { acceptDueAt: new Date(1), deliverDueAt: new Date(2) };
    expect(pendingDeadline({ ...r, status: 'open' })).toEqual(new Date(1));
    expect(pendingDeadline({ ...r, status: 'accepted' })).toEqual(new Date(2));
    for (const status of ['delivered', 'closed', 'declined', 'expired'] as const)
      expect(pendingDeadline({ ...r, status })).toBeNull();
  });

  it('expires the hard limit after the missed deadline', () => {
    // 48 h here: a deadline missed at 00:00 on the 22nd expires at 00:00 on the 24th.
    expect(expiryCutoff(opened, sla)).toEqual(new Date('2026-11-22T00:00:00Z'));
  });
});
