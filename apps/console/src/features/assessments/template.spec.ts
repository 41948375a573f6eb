import { answerText, type Definition, sections } from './template';

const definition: Definition = {
  dimensions: [
    { code: 'housing', name: '居住状况', weight: 1 },
    { code: 'health', name: '健康状况', weight: 1 },
  ],
  items: [
    { code: 'ill', dimension: 'health', label: '慢性病', required: true, type: 'boolean' },
    {
      code: 'house',
      dimension: 'housing',
      label: '住房安全状况',
      required: true,
      type: 'choice',
      options: [{ value: 'poor', label: '简陋' }],
    },
    {
      code: 'cost',
      dimension: 'health',
      label: '医疗支出',
      required: false,
      type: 'number',
      min: 0,
      max: 9,
    },
  ],
};

describe('assessment template', () => {
  it('groups items by dimension, in the template order', () => {
    expect(sections(definition).map((s) => [s.name, s.items.map((i) => i.code)])).toEqual([
      ['居住状况', ['house']],
      ['健康状况', ['ill', 'cost']],
    ]);
  });

  it('reads answers by their labels', () => {
    const [house, ill, cost] = [definition.items[1], definition.items[0], definition.items[2]];
    const yesNo = { yes: '是', no: '否' };
    expect(answerText(house, 'poor', yesNo)).toBe('简陋');
    expect(answerText(ill, false, yesNo)).toBe('否');
    expect(answerText(cost, 3, yesNo)).toBe('3');
    expect(answerText(cost, undefined, yesNo)).toBe('—');
  });
});
