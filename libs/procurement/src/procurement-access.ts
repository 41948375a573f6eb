import { isInScope, NotFoundError, type Principal } from '@onedoor/platform';
import type { ServiceProjectEntity } from './tenders/project.entity';

/** Civil-affairs staff whose scope holds the project's area (or admin). */
export function isProjectStaff(principal: Principal, project: ServiceProjectEntity): boolean {
  return (
    principal.role === 'admin' ||
    (principal.role === 'civil_affairs' && isInScope(principal, project.areaPath))
  );
}

/**
 * Whether the caller may see the project at all: staff in scope, providers once it is
 * published (a tender is a public call), evaluators on its panel.
 */
export function canSeeProject(
  principal: Principal,
  project: ServiceProjectEntity,
  panel: string[],
): boolean {
  if (isProjectStaff(principal, project)) return true;
  if (principal.role === 'provider') return project.status !== 'draft';
  if (principal.role === 'evaluator') return panel.includes(principal.userId);
  return false;
}

/** Staff-only steps: out of scope the project does not exist for the caller. */
export function assertProjectStaff(principal: Principal, project: ServiceProjectEntity): void {
  if (!isProjectStaff(principal, project)) throw new NotFoundError('Project', 'PROJECT_NOT_FOUND');
}
