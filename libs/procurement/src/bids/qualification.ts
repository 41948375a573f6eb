import type { BidTeam, QualificationRequirements } from '../procurement.types';

export interface RequirementCheck {
  requirement: 'minCertifiedSocialWorkers' | 'minYearsOperating' | 'verified';
  required: number | boolean;
  actual: number | boolean;
  met: boolean;
}

/**
 * The system's pre-check of a bid against the project's requirements, shown beside the bid
 * for the officer who qualifies it: the decision stays human, the arithmetic does not.
 */
export function precheck(
  requirements: QualificationRequirements,
  team: BidTeam,
  providerVerified: boolean,
): { met: boolean; checks: RequirementCheck[] } {
  const checks: RequirementCheck[] = [
    {
      requirement: 'minCertifiedSocialWorkers',
      required: requirements.minCertifiedSocialWorkers,
      actual: team.certifiedSocialWorkers,
      met: team.certifiedSocialWorkers >= requirements.minCertifiedSocialWorkers,
    },
    {
      requirement: 'minYearsOperating',
      required: requirements.minYearsOperating,
      actual: team.yearsOperating,
      met: team.yearsOperating >= requirements.minYearsOperating,
    },
  ];
  if (requirements.verifiedOnly) {
    checks.push({
      requirement: 'verified',
      required: true,
      actual: providerVerified,
      met: providerVerified,
    });
  }
  return { met: checks.every((c) => c.met), checks };
}
