/**
 * `reporter` (信息员, issue 23): a community or village cadre who reports families in sudden
 * difficulty and sees what became of their own leads, nothing else. The auth guard lets a
 * reporter through only the routes that name the role (deny by default, see AuthGuard).
 */
export const ROLES = [
  'admin',
  'civil_affairs',
  'assessor',
  'provider',
  'evaluator',
  'reporter',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who an evaluator speaks for in a performance evaluation (the same values as procurement's
 * panel, `evaluator_type`): the government, a third-party expert, the recipients.
 */
export const EVALUATOR_TYPES = ['government', 'third_party', 'recipient_representative'] as const;
export type EvaluatorType = (typeof EVALUATOR_TYPES)[number];
