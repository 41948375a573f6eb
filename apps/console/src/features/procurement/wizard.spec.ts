import dayjs from 'dayjs';
import { ApiError } from '../../lib/api-error';
import { STEPS, closesAtIso, placeErrors, toBody, total } from './wizard';

const refusal = (code: string, details: unknown, message = '提交的信息有误') =>
  new ApiError(400, { statusCode: 400, error: 'Bad Request', code, message, details } as never);

describe('placeErrors', () => {
  it('puts a criteria sum refusal beside the weights total, on the criteria step, with the sum', () => {
    const placed = placeErrors(
      refusal('CRITERIA_INVALID', { sum: 95, missing: [], duplicates: [] }, '评审标准有误'),
      (code, d) => (code === 'CRITERIA_INVALID' ? `合计 ${String(d.sum)}` : undefined),
    );
    expect(placed).toEqual({
      step: STEPS.indexOf('criteria'),
      fields: [{ name: ['criteriaTotal'], errors: ['评审标准有误：合计 95'] }],
    });
  });

  it('sends validation details to their fields and switches to the earliest step among them', () => {
    const placed = placeErrors(
      refusal('VALIDATION_FAILED', [
        { field: 'milestones[1].sharePercent', constraint: 'min', message: '不能小于 1' },
        { field: 'budgetFen', constraint: 'min', message: '不能小于 1' },
        { field: 'serviceEnd', constraint: 'notBefore', message: '结束不能早于开始' },
        { field: 'requirements.minYearsOperating', constraint: 'max', message: '不能大于 100' },
      ]),
    );
    expect(placed?.step).toBe(STEPS.indexOf('basic'));
    expect(placed?.fields).toEqual([
      { name: ['milestones', 1, 'sharePercent'], errors: ['不能小于 1'] },
      { name: ['budgetYuan'], errors: ['不能小于 1'] },
      { name: ['servicePeriod'], errors: ['结束不能早于开始'] },
      { name: ['requirements', 'minYearsOperating'], errors: ['不能大于 100'] },
    ]);
  });

  it('places a bidding period too short on the window step and leaves other errors alone', () => {
    expect(placeErrors(refusal('BIDDING_PERIOD_TOO_SHORT', {}, '投标期限过短'))?.step).toBe(
      STEPS.indexOf('window'),
    );
    expect(placeErrors(refusal('PROJECT_NOT_EDITABLE', {}))).toBeNull();
    expect(placeErrors(new Error('network'))).toBeNull();
  });
});

describe('toBody', () => {
  it('sends yuan as fen, the period as two dates and blanks as they are for the API to judge', () => {
    const body = toBody({
      title: '项目',
      budgetYuan: '1234.5',
      servicePeriod: [dayjs('2027-01-01'), dayjs('2027-12-31')],
      criteria: [
        { code: 'price', name: '价格', weight: 30 },
        { code: 'x', name: 'X' },
      ],
      milestones: [],
    });
    expect(body.budgetFen).toBe(123_450);
    expect([body.serviceStart, body.serviceEnd]).toEqual(['2027-01-01', '2027-12-31']);
    expect(body.criteria[1].weight).toBeNull();
    expect(body.areaId).toBe('');
    // No milestones: the API's default plan (100% at the end).
    expect('milestones' in body).toBe(false);
  });
});

describe('total and closesAtIso', () => {
  it('adds the weights so far, blanks as 0', () => {
    expect(
      total([{ weight: 30 }, { weight: null }, undefined, { weight: 25 }], (c) => c.weight),
    ).toBe(55);
  });

  it('reads the picked wall-clock time as Beijing time', () => {
    expect(closesAtIso(dayjs('2027-01-10T17:00:00'))).toBe('2027-01-10T09:00:00.000Z');
  });
});
