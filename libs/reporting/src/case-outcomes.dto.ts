import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CASE_OUTCOME_GROUPS, type CaseOutcomeGroup } from './case-outcomes.query';
import { PeriodQueryDto, ReportAreaDto, ReportPeriodDto } from './reports.dto';

export class CaseOutcomesQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({
    enum: CASE_OUTCOME_GROUPS,
    enumName: 'CaseOutcomeGroup',
    default: 'community',
  })
  @IsOptional()
  @IsIn(CASE_OUTCOME_GROUPS)
  groupBy: CaseOutcomeGroup = 'community';
}

const rate = (description: string) =>
  ApiProperty({ type: Number, nullable: true, example: 0.5, description });

export class CaseOutcomesRowDto {
  @ApiProperty({
    description:
      'Adviser (user) id, community or street id; `` for cases with no adviser; `total` on the total row',
  })
  key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Cases open at the period’s end' }) caseload!: number;
  @ApiProperty({
    description: 'Visits due in the period (not cancelled) that are done or past their due time',
  })
  visitsDue!: number;
  @ApiProperty({ description: '… done by their due date (China calendar day)' })
  visitsOnTime!: number;
  @rate('visitsOnTime ÷ visitsDue') visitsOnTimeRate!: number | null;
  @ApiProperty({ description: 'Open cases (caseload) with a plan the family agreed' })
  plansAgreed!: number;
  @rate('plansAgreed ÷ caseload') plansAgreedRate!: number | null;
  @ApiProperty({
    description:
      'Goals (not dropped) of the agreed plans of the cases open at some time in the period',
  })
  goals!: number;
  @ApiProperty({ description: '… achieved (as of now)' }) goalsAchieved!: number;
  @rate('goalsAchieved ÷ goals') goalsAchievedRate!: number | null;
  @ApiProperty({
    description: 'Reassessments completed in the period (with an earlier completed assessment)',
  })
  reassessments!: number;
  @ApiProperty({ description: '… whose total score went down (less difficulty)' })
  scoreImproved!: number;
  @rate('scoreImproved ÷ reassessments') scoreImprovedRate!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: -8.4,
    description:
      'Mean change of the total score (0–100) at those reassessments; negative is better',
  })
  meanScoreChange!: number | null;
  @ApiProperty({ description: '… whose circle moved outward (or above every threshold)' })
  tierImproved!: number;
  @rate('tierImproved ÷ reassessments') tierImprovedRate!: number | null;
  @ApiProperty({
    description: 'Needs fulfilled between those reassessments and the assessments before them',
  })
  needsFulfilled!: number;
  @ApiProperty({
    description:
      'Households that left assistance in the period (case closed as exited or no longer in difficulty, or the household exited)',
  })
  left!: number;
  @ApiProperty({ description: 'Households that left in the 12 months before the period’s start' })
  leftBefore!: number;
  @ApiProperty({
    description:
      '… that came back within 12 months of leaving, by the period’s end: a case opened or reopened, or a need recorded (防止返贫)',
  })
  cameBack!: number;
  @rate('cameBack ÷ leftBefore') cameBackRate!: number | null;
}

export class CaseOutcomesReportDto {
  @ApiProperty({ type: ReportAreaDto }) area!: ReportAreaDto;
  @ApiProperty({ type: ReportPeriodDto }) period!: ReportPeriodDto;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ enum: CASE_OUTCOME_GROUPS, enumName: 'CaseOutcomeGroup' })
  groupBy!: CaseOutcomeGroup;
  @ApiProperty({ type: [CaseOutcomesRowDto] }) rows!: CaseOutcomesRowDto[];
  @ApiProperty({ type: CaseOutcomesRowDto }) total!: CaseOutcomesRowDto;
}
