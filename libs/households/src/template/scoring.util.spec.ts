import { DEFAULT_TEMPLATE_V1 } from '../../../../migrations/default-assessment-template';
import {
  answerErrors,
  baselineAnswers,
  needsFromRules,
  scoreAnswers,
  templateErrors,
  tierFlags,
} from './scoring.util';
import type { Answers, TemplateDefinition } from './template.types';

const template = DEFAULT_TEMPLATE_V1 as unknown as TemplateDefinition;
const CATEGORIES = [
  'basic_living',
  'medical',
  'education',
  'housing',
  'employment',
  'care',
  'rehabilitation',
  'psychological',
  'social_integration',
  'legal_aid',
  'emergency',
  'elderly_smart_care',
];
// The baseline the seed and the e2e tests answer with: this spec checks it is really calm.
const calm: Answers = baselineAnswers(template);

describe('the default comprehensive template', () => {
  it('is a valid template covering all eight dimensions', () => {
    expect(templateErrors(template, CATEGORIES)).toEqual([]);
    expect(template.dimensions.map((d) => d.code).sort()).toEqual(
      [
        'education',
        'economic',
        'employment',
        'health',
        'housing',
        'population',
        'rigid_expenditure',
        'social_participation',
      ].sort(),
    );
    expect(new Set(template.items.map((i) => i.dimension)).size).toBe(8);
  });

  it('can produce a need in every category', () => {
    const worst: Answers = Object.fromEntries(
      template.items.map((i) => [
        i.code,
        i.type === 'boolean' ? true : i.type === 'number' ? i.max : i.options.at(-1)!.value,
      ]),
    );
    expect(
      needsFromRules(template, worst)
        .map((n) => n.category)
        .sort(),
    ).toEqual([...CATEGORIES].sort());
  });

  it('finds no needs and scores zero for a household with no problems', () => {
    expect(needsFromRules(template, calm)).toEqual([]);
    expect(scoreAnswers(template, calm).total).toBe(0);
  });
});

describe(needsFromRules.name, () => {
  it('keeps one need per category, the most severe', () => {
    const needs = needsFromRules(template, {
      ...calm,
      chronic_condition: 'mild',
      monthly_medical_expense_yuan: 3000,
    });
    expect(needs).toEqual([
      expect.objectContaining({
        category: 'medical',
        severity: 4,
        urgency: 'urgent',
        id: 'medical-costs',
      }),
    ]);
  });
});

describe(scoreAnswers.name, () => {
  it('scores each dimension as the share of its possible points', () => {
    const scores = scoreAnswers(template, { ...calm, housing_condition: 'dangerous' });
    expect(scores.dimensions.housing).toBe(62.5); // 10 of 16 possible points
    expect(scores.dimensions.health).toBe(0);
    expect(scores.total).toBeGreaterThan(0);
  });
});

describe(answerErrors.name, () => {
  it('lists missing required items and wrong values, ignoring optional ones', () => {
    const { sudden_event: _s, ...partial } = calm;
    expect(
      answerErrors(
        template,
        {
          ...partial,
          child_left_behind: undefined as never,
          housing_condition: 'castle',
          extra: 1,
        },
        true,
      ),
    ).toEqual([
      {
        field: 'answers.extra',
        constraint: 'templateItemUnknown',
        message: 'not an item of this template',
      },
      {
        field: 'answers.housing_condition',
        constraint: 'answerChoice',
        params: { values: ['safe', 'poor', 'dangerous'] },
        message: 'must be one of safe, poor, dangerous',
      },
      { field: 'answers.sudden_event', constraint: 'required', message: 'is required' },
    ]);
  });
});

describe(tierFlags.name, () => {
  it('reads the tier flags from the items that declare them', () => {
    expect(tierFlags(template, { ...calm, no_labour_capacity: true, sudden_event: true })).toEqual({
      noLabourCapacity: true,
      noSupporter: false,
      suddenEvent: true,
    });
  });
});

describe(templateErrors.name, () => {
  it.each([
    ['a null dimension', { ...template, dimensions: [null] }, 'definition.dimensions[0]'],
    ['a null item', { ...template, items: [...template.items, null] }, 'definition.items'],
    ['a null need rule', { ...template, needRules: [null] }, 'definition.needRules[0]'],
    [
      'a null option',
      {
        ...template,
        items: [{ ...template.items.find((i) => i.type === 'choice')!, options: [null, null] }],
      },
      'definition.items[0].options',
    ],
    [
      'a null condition',
      { ...template, needRules: [{ ...template.needRules[0], when: { all: [null] } }] },
      'definition.needRules[0].when',
    ],
  ])('refuses %s instead of throwing', (_name, definition, field) => {
    const errors = templateErrors(definition as unknown as TemplateDefinition, CATEGORIES);
    expect(errors.map((e) => e.field)).toContainEqual(expect.stringContaining(field));
  });
});
