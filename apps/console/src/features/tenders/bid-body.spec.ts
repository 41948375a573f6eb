import { ApiError } from '../../lib/api-error';
import { bidFieldErrors, toBidBody } from './bid-body';

const refusal = (code: string, message: string, details?: unknown) =>
  new ApiError(400, {
    statusCode: 400,
    error: 'Bad Request',
    code,
    message,
    ...(details ? { details } : {}),
  } as ConstructorParameters<typeof ApiError>[1]);

describe('toBidBody', () => {
  it('sends the price in integer fen and leaves out an empty staff count', () => {
    expect(
      toBidBody({
        priceYuan: '98765.43',
        proposal: '方案',
        team: { certifiedSocialWorkers: 5, yearsOperating: 6, staffCount: null },
      }),
    ).toEqual({
      priceFen: 9_876_543,
      proposal: '方案',
      team: { certifiedSocialWorkers: 5, yearsOperating: 6 },
    });
  });

  it('keeps a staff count of zero', () => {
    expect(
      toBidBody({
        priceYuan: 0.1,
        proposal: 'x',
        team: { certifiedSocialWorkers: 0, yearsOperating: 0, staffCount: 0 },
      }),
    ).toMatchObject({ priceFen: 10, team: { staffCount: 0 } });
  });
});

describe('bidFieldErrors', () => {
  it('puts the API’s priceFen problem beside the yuan field, nested team fields by path', () => {
    const e = refusal('VALIDATION_FAILED', '参数错误', [
      { field: 'priceFen', constraint: 'min', message: '报价必须大于 0' },
      { field: 'team.yearsOperating', constraint: 'max', message: '不得超过 200' },
    ]);
    expect(bidFieldErrors(e)).toEqual([
      { name: ['priceYuan'], errors: ['报价必须大于 0'] },
      { name: ['team', 'yearsOperating'], errors: ['不得超过 200'] },
    ]);
  });

  it('shows a price over the budget beside the price', () => {
    expect(bidFieldErrors(refusal('BID_PRICE_OVER_BUDGET', '报价超过预算'))).toEqual([
      { name: ['priceYuan'], errors: ['报价超过预算'] },
    ]);
  });

  it('has nothing to place for other errors', () => {
    expect(bidFieldErrors(refusal('BIDDER_NOT_ELIGIBLE', '仅限社工机构'))).toEqual([]);
    expect(bidFieldErrors(new Error('offline'))).toEqual([]);
  });
});
