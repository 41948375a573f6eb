import { EVENT_TYPES } from '@onedoor/platform';
import { NOTICE_TEMPLATES, renderNotice } from './templates';

describe('notice templates', () => {
  it('has a Chinese and an English notice for every event type', () => {
    for (const type of EVENT_TYPES) {
      const t = NOTICE_TEMPLATES[type];
      expect(t.zh.title && t.zh.body && t.en.title && t.en.body).toBeTruthy();
    }
  });

  it('fills placeholders from the data, dates in China time, missing ones as a dash', () => {
    const notice = renderNotice('referral.created', {
      subject: '张三 · 助餐服务',
      dueAt: '2026-12-01T16:30:00.000Z',
    });
    expect(notice.title).toBe('新的转介');
    expect(notice.body).toBe(
      '您的机构收到一条新的转介：张三 · 助餐服务，请在 2026/12/2 00:30 前接受。',
    );
    expect(renderNotice('resource.rejected', {}, 'en').body).toBe(
      'Your resource — was rejected: —',
    );
  });
});

describe('renderNotice with the emitters’ own names', () => {
  it('reads the subject, deadline and area from what a referral notice carries', () => {
    const notice = renderNotice('referral.accept_due_soon', {
      resourceTitle: '居家助浴',
      dueAt: '2026-12-02T04:00:00.000Z',
    });
    expect(notice.body).toBe('转介 居家助浴 需在 2026/12/2 12:00 前接受。');
  });

  it('prefers an explicit subject to an alias', () => {
    expect(
      renderNotice('resource.published', { subject: '甲', resourceTitle: '乙' }).body,
    ).toContain('甲');
  });
});
