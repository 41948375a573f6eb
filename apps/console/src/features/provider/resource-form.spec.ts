import dayjs from 'dayjs';
import type { Resource } from './api';
import { changesFrom, toBody, toValues, type Values } from './resource-form';

const values: Values = {
  title: ' 助老急难包 ',
  categoryCode: 'emergency',
  form: 'in_kind',
  serviceLevel: 'community',
  coverageAreaId: 'area-1',
  capacity: 20,
  valueYuan: 123.45,
  validFrom: dayjs('2026-12-02'),
  validUntil: null,
  description: '物资包',
  contactNotes: '  ',
};
const rules = { all: [{ memberAge: { min: 60 } }] };

describe(toBody.name, () => {
  it('sends yuan as fen, days as dates, and leaves out what is blank', () => {
    expect(toBody(values, rules)).toEqual({
      title: '助老急难包',
      categoryCode: 'emergency',
      form: 'in_kind',
      serviceLevel: 'community',
      coverageAreaId: 'area-1',
      capacity: 20,
      valuePerUnitFen: 12_345,
      validFrom: '2026-12-02',
      description: '物资包',
      eligibility: rules,
    });
  });
});

describe(changesFrom.name, () => {
  const resource = {
    id: 'r1',
    title: '助老急难包',
    categoryCode: 'emergency',
    form: 'in_kind',
    serviceLevel: 'community',
    coverageArea: { id: 'area-1', level: 'community', code: 'C1', name: '光明社区' },
    capacity: 20,
    valuePerUnitFen: 12_345,
    validFrom: '2026-12-02',
    validUntil: null,
    description: '物资包',
    contactNotes: null,
    eligibility: rules,
    status: 'published',
    version: 3,
  } as unknown as Resource;

  it('reads back to no changes but the version', () => {
    expect(changesFrom(resource, toBody(toValues(resource), rules))).toEqual({ version: 3 });
  });

  it('sends only what changed, and null for a cleared optional field', () => {
    const edited = toBody(
      { ...toValues(resource), capacity: 30, valueYuan: null, validUntil: dayjs('2027-06-30') },
      rules,
    );
    expect(changesFrom(resource, edited)).toEqual({
      capacity: 30,
      valuePerUnitFen: null,
      validUntil: '2027-06-30',
      version: 3,
    });
  });

  it('sends the rules when they changed', () => {
    const none = toBody(toValues(resource), null);
    expect(changesFrom(resource, none)).toEqual({ eligibility: null, version: 3 });
  });
});
