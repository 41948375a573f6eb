import { EVENT_TYPES } from '@onedoor/platform';
import { NOTICE_TEMPLATES, renderNotice } from './templates';

describe('notice templates', () => {
  it('has a Chinese and an English notice for every event type', () => {
    for (const type of EVENT_TYPES) {
      const t = NOTICE_TEMPLATES[type];
      expect(t.zh.title && t.zh.body && t.en.title && t.en.body).toBeTruthy();
    }
  });

  it('fills placeholders from the data, dates in Beijing time, missing ones as a dash', () => {
    const notice = renderNotice('referral.created', {
      subject: '张三 · 助餐服务',
      dueAt: '2026-12-01T16:30:00.000Z',
    });
    expect(notice.title).toBe('新的转介');
    expect(notice.body).toBe(
      '您的机构收到一条新的转介：张三 · 助餐服务（—，—），请在 2026-12-02 00:30 前接受。',
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
    expect(notice.body).toBe('转介 居家助浴 需在 2026-12-02 12:00 前接受。');
  });

  it('prefers an explicit subject to an alias', () => {
    expect(
      renderNotice('resource.published', { subject: '甲', resourceTitle: '乙' }).body,
    ).toContain('甲');
  });
});

describe('renderNotice with labels and amounts', () => {
  const labels = {
    category: { medical: { 'zh-CN': '医疗救助', en: 'Medical aid' } },
    urgency: { urgent: { 'zh-CN': '紧急', en: 'Urgent' } },
  };

  it('shows codes by their label, in the notice language', () => {
    const data = {
      resourceTitle: '门诊补助',
      categoryCode: 'medical',
      urgency: 'urgent',
      acceptDueAt: '2026-12-02T06:00:00.000Z',
    };
    expect(renderNotice('referral.created', data, 'zh', labels).body).toBe(
      '您的机构收到一条新的转介：门诊补助（医疗救助，紧急），请在 2026-12-02 14:00 前接受。',
    );
    expect(renderNotice('referral.created', data, 'en', labels).body).toBe(
      'Your organization received a referral: 门诊补助 (Medical aid, Urgent); accept it by 2026-12-02 14:00.',
    );
  });

  it('names the contract and the comment deadline of an evaluation’s comment window', () => {
    const body = renderNotice(
      'evaluation.comment_open',
      {
        contractId: 'c1',
        contractTitle: '社区法律援助服务项目',
        evaluationId: 'e1',
        commentDueAt: '2026-12-16T04:00:00.000Z',
      },
      'zh',
      labels,
    ).body;
    expect(body).toBe(
      '项目 社区法律援助服务项目 的评估结果已公示，意见征求截止 2026-12-16 12:00。',
    );
  });

  it('shows a budget in yuan and the bidding deadline in Beijing time', () => {
    const body = renderNotice(
      'tender.published',
      {
        projectTitle: '社区养老服务',
        categoryCode: 'medical',
        budgetFen: '12345000',
        closesAt: '2026-12-31T16:00:00.000Z',
      },
      'zh',
      labels,
    ).body;
    expect(body).toBe(
      '您所在地区发布了招标项目：社区养老服务（医疗救助，预算 ¥123,450.00），投标截止 2027-01-01 00:00。',
    );
    expect(body).not.toMatch(/Z|T\d/);
  });

  it('shows a code it has no label for as the code', () => {
    expect(
      renderNotice('referral.created', { categoryCode: 'new_cat' }, 'zh', labels).body,
    ).toContain('（new_cat，—）');
  });
});

describe('the case hand-over notice', () => {
  const data = { headName: '王芳', fromAdviser: '李明', toAdviser: '张华', reason: '原顾问调岗' };

  it('names the household, both advisers and the reason, in Chinese and in English', () => {
    expect(renderNotice('case.handed_over', data)).toEqual({
      title: '个案已移交',
      body: '家庭 王芳 的个案已由 李明 移交给 张华，原因：原顾问调岗',
    });
    expect(renderNotice('case.handed_over', data, 'en').body).toBe(
      'The case of household 王芳 was handed over from 李明 to 张华: 原顾问调岗',
    );
  });
});

describe('the plan goal flagged notice', () => {
  const data = {
    headName: '王芳',
    goalId: '0b7c1f5e-7d1a-4f4e-9a77-0d1f3c0c1a01',
    categoryCode: 'care',
    flagReason: 'referral_declined',
  };
  const labels = { category: { care: { 'zh-CN': '照护服务', en: 'Care' } } };

  it("names the household and the goal's category by its label, in Chinese and in English", () => {
    expect(renderNotice('case_plan.goal_flagged', data, 'zh', labels)).toEqual({
      title: '服务计划目标需跟进',
      body: '家庭 王芳 的服务计划中「照护服务」目标的转介已被拒绝或已失效，请重新安排。',
    });
    expect(renderNotice('case_plan.goal_flagged', data, 'en', labels).body).toBe(
      'The referral for the Care goal of the plan of household 王芳 was declined or expired: plan again.',
    );
  });
});

describe('case.visit_due', () => {
  const data = { headName: '王芳', communityName: '阳光社区', dueAt: '2026-12-10T02:00:00.000Z' };

  it('names the household, its community and the date, in Chinese and in English', () => {
    const zh = renderNotice('case.visit_due', data);
    expect(zh.title).toBe('待走访');
    expect(zh.body).toContain('家庭 王芳（阳光社区）的回访定于 2026');
    expect(zh.body).not.toContain('—');
    expect(renderNotice('case.visit_due', data, 'en').body).toContain(
      'Household 王芳 (阳光社区) is due for a visit on',
    );
  });
});
