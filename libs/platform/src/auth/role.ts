export const ROLES = ['admin', 'civil_affairs', 'assessor', 'provider', 'evaluator'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who an evaluator speaks for in a performance evaluation (the same values as procurement's
 * panel, `evaluator_type`): the government, a third-party expert, the recipients.
 */
export const EVALUATOR_TYPES = ['government', 'third_party', 'recipient_representative'] as const;
export type EvaluatorType = (typeof EVALUATOR_TYPES)[number];
