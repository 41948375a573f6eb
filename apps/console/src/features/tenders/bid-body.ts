import type { components } from '../../api/generated/schema';
import { ApiError, formFieldErrors } from '../../lib/api-error';
import { yuanToFen } from '../../lib/format';

type BidBody = components['schemas']['SubmitBidDto'];

/** The bid form's values: the price as typed, in yuan. */
export interface BidValues {
  priceYuan: number | string;
  proposal: string;
  team: { certifiedSocialWorkers: number; yearsOperating: number; staffCount?: number | null };
}

/** The form's values as the API takes them: integer fen, an empty staff count left out. */
export function toBidBody(values: BidValues): BidBody {
  const { certifiedSocialWorkers, yearsOperating, staffCount } = values.team;
  return {
    priceFen: yuanToFen(values.priceYuan),
    proposal: values.proposal,
    team: {
      certifiedSocialWorkers,
      yearsOperating,
      ...(staffCount != null ? { staffCount } : {}),
    },
  };
}

/** The API's field errors beside the form's fields; the price is typed in yuan but sent as fen. */
export function bidFieldErrors(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  const fields = formFieldErrors(error).map((f) =>
    f.name[0] === 'priceFen' ? { ...f, name: ['priceYuan'] } : f,
  );
  // Over the budget is the API's rule on the price: it belongs beside the price too.
  if (error instanceof ApiError && error.code === 'BID_PRICE_OVER_BUDGET')
    fields.push({ name: ['priceYuan'], errors: [error.message] });
  return fields;
}
