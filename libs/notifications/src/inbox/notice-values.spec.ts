import { noticeLines, noticeValue } from './notice-values';

const labels = {
  category: { medical: { 'zh-CN': '医疗救助', en: 'Medical aid' } },
  referralStatus: { open: { 'zh-CN': '待接受', en: 'Open' } },
};

describe(noticeValue.name, () => {
  it('reads fen as yuan, instants in Beijing time and codes by label', () => {
    expect(noticeValue('amountFen', 123450)).toBe('¥1,234.50');
    expect(noticeValue('budgetFen', '-500')).toBe('-¥5.00');
    expect(noticeValue('dueAt', '2026-12-02T06:00:00.000Z')).toBe('2026-12-02 14:00');
    expect(noticeValue('categoryCode', 'medical', labels)).toBe('医疗救助');
    expect(noticeValue('categoryCode', 'medical', labels, 'en')).toBe('Medical aid');
    expect(noticeValue('status', 'open', labels)).toBe('待接受');
  });

  it('leaves what it does not know as text', () => {
    expect(noticeValue('categoryCode', 'medical')).toBe('medical');
    expect(noticeValue('units', 3)).toBe('3');
    expect(noticeValue('resolved', true)).toBe('是');
    expect(noticeValue('note', null)).toBe('—');
  });
});

describe(noticeLines.name, () => {
  it('names fields in Chinese, formats their values and leaves ids out', () => {
    const sut = noticeLines(
      {
        referralId: '00000000-0000-4000-8000-000000000001',
        resourceTitle: '助餐',
        categoryCode: 'medical',
        amountFen: 2050,
        acceptDueAt: '2026-12-01T16:00:00.000Z',
        nested: { a: 1 },
      },
      labels,
    );
    expect(sut).toEqual([
      '资源：助餐',
      '类别：医疗救助',
      '金额：¥20.50',
      '接受期限：2026-12-02 00:00',
    ]);
  });
});
