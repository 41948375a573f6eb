import { HttpStatus } from '@nestjs/common';
import type { CodesOf, ErrorStatusTable } from '@onedoor/platform';

/** The procurement lib's error codes and their HTTP statuses, by sub-domain. */
export const PROCUREMENT_ERRORS = {
  // tenders
  PROJECT_NOT_FOUND: HttpStatus.NOT_FOUND,
  PROJECT_INVALID_TRANSITION: HttpStatus.CONFLICT,
  PROJECT_NOT_EDITABLE: HttpStatus.CONFLICT,
  CRITERIA_INVALID: HttpStatus.BAD_REQUEST,
  BIDDING_PERIOD_TOO_SHORT: HttpStatus.BAD_REQUEST,
  BIDDING_NOT_OPEN: HttpStatus.CONFLICT,
  BIDDING_STILL_OPEN: HttpStatus.CONFLICT,
  // bids and qualification
  BID_NOT_FOUND: HttpStatus.NOT_FOUND,
  BID_FILE_NOT_FOUND: HttpStatus.NOT_FOUND,
  BID_ALREADY_SUBMITTED: HttpStatus.CONFLICT,
  BID_NOT_LIVE: HttpStatus.CONFLICT,
  BID_PRICE_OVER_BUDGET: HttpStatus.BAD_REQUEST,
  BID_SEALED: HttpStatus.FORBIDDEN,
  BIDDER_NOT_ELIGIBLE: HttpStatus.FORBIDDEN,
  QUALIFICATION_CLOSED: HttpStatus.CONFLICT,
  QUALIFICATION_REASON_REQUIRED: HttpStatus.BAD_REQUEST,
  QUALIFICATION_PENDING: HttpStatus.CONFLICT,
  // evaluation: panel, declarations, scores, ranking
  PANEL_INVALID: HttpStatus.BAD_REQUEST,
  PANEL_LOCKED: HttpStatus.CONFLICT,
  PANEL_INCOMPLETE: HttpStatus.CONFLICT,
  NOT_ON_PANEL: HttpStatus.FORBIDDEN,
  DECLARATION_LOCKED: HttpStatus.CONFLICT,
  DECLARATION_REQUIRED: HttpStatus.CONFLICT,
  EVALUATOR_RECUSED: HttpStatus.CONFLICT,
  SCORES_INVALID: HttpStatus.BAD_REQUEST,
  SCORES_LOCKED: HttpStatus.CONFLICT,
  SCORING_INCOMPLETE: HttpStatus.CONFLICT,
  MODERATION_NOT_NEEDED: HttpStatus.CONFLICT,
  RANKING_NOT_READY: HttpStatus.CONFLICT,
  PRICE_NOT_ABNORMAL: HttpStatus.CONFLICT,
  PRICE_JUSTIFICATION_REQUIRED: HttpStatus.CONFLICT,
  // awards
  AWARD_DEVIATION_UNJUSTIFIED: HttpStatus.BAD_REQUEST,
  AWARD_NOT_FOUND: HttpStatus.NOT_FOUND,
  AWARD_NOT_PENDING: HttpStatus.CONFLICT,
  AWARD_RESPONSE_CLOSED: HttpStatus.CONFLICT,
  MILESTONES_INVALID: HttpStatus.BAD_REQUEST,
  EVALUATION_WEIGHTS_INVALID: HttpStatus.BAD_REQUEST,
  PROVIDER_SUSPENDED_FROM_BIDDING: HttpStatus.CONFLICT,
  // contracts, milestones and payments
  CONTRACT_NOT_FOUND: HttpStatus.NOT_FOUND,
  CONTRACT_INVALID_TRANSITION: HttpStatus.CONFLICT,
  MILESTONE_NOT_FOUND: HttpStatus.NOT_FOUND,
  MILESTONE_FILE_NOT_FOUND: HttpStatus.NOT_FOUND,
  MILESTONE_ALREADY_DECIDED: HttpStatus.CONFLICT,
  MILESTONES_PENDING: HttpStatus.CONFLICT,
  PAYMENTS_WAITING: HttpStatus.CONFLICT,
  // performance evaluations
  EVALUATION_NOT_FOUND: HttpStatus.NOT_FOUND,
  EVALUATION_ALREADY_OPEN: HttpStatus.CONFLICT,
  EVALUATION_NOT_OPEN: HttpStatus.CONFLICT,
  EVALUATION_INCOMPLETE: HttpStatus.CONFLICT,
  EVALUATORS_INVALID: HttpStatus.BAD_REQUEST,
  EVALUATION_SCORES_LOCKED: HttpStatus.CONFLICT,
  COMMENT_PERIOD_OVER: HttpStatus.CONFLICT,
  COMMENT_ALREADY_GIVEN: HttpStatus.CONFLICT,
} as const satisfies ErrorStatusTable;

// Adds these codes to the program's `ErrorCode` union (see platform's error-codes.ts).
declare module '@onedoor/platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodeRegistry extends CodesOf<typeof PROCUREMENT_ERRORS> {}
}
