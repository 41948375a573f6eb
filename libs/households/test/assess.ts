import type { AreaEntity } from '@onedoor/areas';
import {
  type Answers,
  type AssessmentDto,
  AssessmentsService,
  type CreateHouseholdDto,
  type HouseholdDto,
  HouseholdsService,
} from '@onedoor/households';
import type { Principal } from '@onedoor/platform';
import { CALM_ANSWERS, householdInput } from '../../../tests/factories';
import type { ServiceContext } from '../../../tests/service/support/service-context';

/** Registers a household (default input) and starts its assessment, as `actor`. */
export async function draftAssessment(
  ctx: ServiceContext,
  actor: Principal,
  community: AreaEntity,
  input: CreateHouseholdDto = householdInput(community),
): Promise<{ household: HouseholdDto; assessment: AssessmentDto }> {
  const household = await ctx.get(HouseholdsService).register(input, actor);
  const assessment = await ctx.get(AssessmentsService).start(household.id, {}, actor);
  return { household, assessment };
}

/** Registers, answers `answers` over the calm baseline and completes, as `actor`. */
export async function assessedHousehold(
  ctx: ServiceContext,
  actor: Principal,
  community: AreaEntity,
  answers: Answers = {},
  input: CreateHouseholdDto = householdInput(community),
): Promise<{ household: HouseholdDto; assessment: AssessmentDto }> {
  const assessments = ctx.get(AssessmentsService);
  const { household, assessment } = await draftAssessment(ctx, actor, community, input);
  await assessments.answer(assessment.id, { answers: { ...CALM_ANSWERS, ...answers } }, actor);
  return { household, assessment: await assessments.complete(assessment.id, {}, actor) };
}
