import { ApiProperty } from '@nestjs/swagger';
import { DIMENSIONS, type Dimension } from '@onedoor/households';
import { TIERS, type Tier } from '@onedoor/resources';

/** One assessment dimension's score at the two assessments (0–100, higher = more difficulty). */
export class DimensionChangeDto {
  @ApiProperty({ enum: DIMENSIONS, enumName: 'AssessmentDimension' })
  dimension!: Dimension;

  @ApiProperty({ type: Number, nullable: true, example: 62.5 }) before!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 37.5 }) after!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: -25,
    description: 'after − before; negative is an improvement',
  })
  change!: number | null;
}

/**
 * What changed for the household between a reassessment and the completed assessment before
 * it: scores (higher = more difficulty), tier and circle, needs fulfilled in between, and how
 * long the needs first helped in between waited for their first delivered referral.
 */
export class CaseOutcomeDto {
  @ApiProperty({ format: 'uuid', description: 'The reassessment' }) assessmentId!: string;
  @ApiProperty({ format: 'uuid' }) previousAssessmentId!: string;
  @ApiProperty({ format: 'date-time' }) previousCompletedAt!: string;
  @ApiProperty({ format: 'date-time' }) completedAt!: string;

  @ApiProperty({ type: Number, nullable: true, example: 48.3 }) totalBefore!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 31.7 }) totalAfter!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: -16.6,
    description: 'totalAfter − totalBefore; negative is an improvement',
  })
  totalChange!: number | null;

  @ApiProperty({ description: 'The total score went down (less difficulty)' })
  scoreImproved!: boolean;

  @ApiProperty({ type: [DimensionChangeDto] }) dimensions!: DimensionChangeDto[];

  @ApiProperty({ enum: TIERS, type: String, nullable: true }) tierBefore!: Tier | null;
  @ApiProperty({ enum: TIERS, type: String, nullable: true }) tierAfter!: Tier | null;
  @ApiProperty({ type: Number, nullable: true, example: 1 }) circleBefore!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 2 }) circleAfter!: number | null;

  @ApiProperty({
    description:
      'The circle moved outward (1 core … 4 outermost, then none: above every threshold)',
  })
  tierImproved!: boolean;

  @ApiProperty({ description: 'Needs fulfilled between the two assessments' })
  needsFulfilled!: number;

  @ApiProperty({
    description: 'Needs whose first delivered referral fell between the two assessments',
  })
  needsHelped!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 6.5,
    description: 'Median days from those needs’ creation to their first delivered referral',
  })
  medianDaysToHelp!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 8.1 })
  meanDaysToHelp!: number | null;
}

export class CaseOutcomesDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;

  @ApiProperty({
    type: [CaseOutcomeDto],
    description:
      "The household's reassessments, newest first (its whole history, not only this case's)",
  })
  outcomes!: CaseOutcomeDto[];
}
