export const ROLES = ['admin', 'civil_affairs', 'assessor', 'provider', 'evaluator'] as const;
export type Role = (typeof ROLES)[number];
