import { DomainError, type EvaluatorType, type FieldError, type Role } from '@onedoor/platform';

/** The fields that say what an account is and where it acts. */
export interface AccountFields {
  role: Role;
  areaId: string | null;
  providerId: string | null;
  isOrgAdmin: boolean;
  evaluatorType: EvaluatorType | null;
  /** A contracted social-work worker: an assessor whose organization is `providerId`. */
  contractId?: string | null;
}

/**
 * Which fields each role needs and forbids: staff act in an area, a provider user for an
 * organization, only evaluators have an evaluator type, only provider users an admin flag.
 */
const SHAPE: Record<Role, { area: 'required' | 'optional' | 'none'; provider: boolean }> = {
  admin: { area: 'none', provider: false },
  civil_affairs: { area: 'required', provider: false },
  assessor: { area: 'required', provider: false },
  evaluator: { area: 'required', provider: false },
  provider: { area: 'optional', provider: true },
  // A reporter reports from their community or village (the area their staff manage them in).
  reporter: { area: 'required', provider: false },
};

export function checkAccountShape(f: AccountFields): void {
  const shape = SHAPE[f.role];
  const problems: FieldError[] = [];
  const push = (field: string, problem: string, message: string) =>
    problems.push({ field, constraint: 'accountShape', params: { problem }, message });
  if (shape.area === 'required' && !f.areaId) {
    push('areaId', 'areaRequired', `a ${f.role} account needs an area`);
  }
  if (shape.area === 'none' && f.areaId) {
    push('areaId', 'areaRefused', `a ${f.role} account has no area`);
  }
  // A contracted worker is an assessor affiliated to the contract's organization.
  const contracted = f.role === 'assessor' && !!f.contractId;
  if (f.contractId && f.role !== 'assessor') {
    push('contractId', 'contractRefused', 'only assessor accounts work under a contract');
  }
  if ((shape.provider || contracted) !== !!f.providerId) {
    if (shape.provider || contracted)
      push('providerId', 'providerRequired', 'a provider account needs an organization');
    else push('providerId', 'providerRefused', 'only provider accounts act for an organization');
  }
  if (f.isOrgAdmin && f.role !== 'provider') {
    push('isOrgAdmin', 'orgAdminRefused', 'only provider accounts can be organization admins');
  }
  if ((f.role === 'evaluator') !== !!f.evaluatorType) {
    if (f.role === 'evaluator')
      push('evaluatorType', 'evaluatorTypeRequired', 'an evaluator needs an evaluator type');
    else push('evaluatorType', 'evaluatorTypeRefused', 'only evaluators have an evaluator type');
  }
  if (problems.length) {
    throw new DomainError('USER_FIELDS_INVALID', 'These fields do not fit the role', problems);
  }
}
