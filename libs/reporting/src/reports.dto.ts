import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Every report: an area subtree (default: the caller's) and JSON or CSV. */
export class ScopeQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The area reported on, with its subtree; default the caller’s area',
  })
  @IsOptional()
  @IsUUID()
  areaId?: string;

  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    description: 'csv answers text/csv (as does `Accept: text/csv`); xlsx an Excel workbook',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reports over a period of China calendar days, both ends included. */
export class PeriodQueryDto extends ScopeQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-01-01',
    description: 'First day (China time); default 364 days before `to`',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(DAY, { message: 'from must be a day, YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-31',
    description: 'Last day (China time), included; default today',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(DAY, { message: 'to must be a day, YYYY-MM-DD' })
  to?: string;
}

const CATEGORY_CODE = /^[a-z][a-z0-9_]{1,39}$/;

export class CoverageQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ example: 'legal_aid', description: 'One need category; default all' })
  @IsOptional()
  @Matches(CATEGORY_CODE)
  category?: string;

  @ApiPropertyOptional({ enum: ['area', 'category'], default: 'area' })
  @IsOptional()
  @IsIn(['area', 'category'])
  groupBy: 'area' | 'category' = 'area';
}

/** A Beijing calendar month, YYYY-MM (the monthly reports' periods). */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
const MONTH = MONTH_PATTERN;

/** The coverage trend: China calendar months `from`…`to`, both included. */
export class CoverageMonthlyQueryDto extends ScopeQueryDto {
  @ApiPropertyOptional({
    example: '2026-01',
    description: 'First month (YYYY-MM, China time); default 11 months before `to`',
  })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month, YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12',
    description: 'Last month (YYYY-MM), included; default this month. At most 36 months.',
  })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month, YYYY-MM' })
  to?: string;

  @ApiPropertyOptional({ example: 'legal_aid', description: 'One need category; default all' })
  @IsOptional()
  @Matches(CATEGORY_CODE)
  category?: string;
}

export class UnmetNeedsQueryDto extends ScopeQueryDto {
  @ApiPropertyOptional({ example: 'legal_aid' })
  @IsOptional()
  @Matches(CATEGORY_CODE)
  category?: string;

  @ApiPropertyOptional({
    enum: ['summary', 'needs'],
    default: 'summary',
    description: 'summary: one row per child area × category; needs: one row per unmet need',
  })
  @IsOptional()
  @IsIn(['summary', 'needs'])
  view: 'summary' | 'needs' = 'summary';
}

export class ReferralSlaQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: ['area', 'provider'], default: 'area' })
  @IsOptional()
  @IsIn(['area', 'provider'])
  groupBy: 'area' | 'provider' = 'area';
}

export class ResourcesReportQueryDto extends ScopeQueryDto {
  @ApiPropertyOptional({ enum: ['resource', 'providerKind'], default: 'resource' })
  @IsOptional()
  @IsIn(['resource', 'providerKind'])
  groupBy: 'resource' | 'providerKind' = 'resource';

  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  expiringWithinDays: number = 30;
}

export class ReportAreaDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: everywhere' })
  id!: string | null;
  @ApiProperty() name!: string;
}

export class ReportPeriodDto {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
}

/** A rate with 4 decimals; null when there is nothing to divide by. */
const rate = (description: string) =>
  ApiProperty({ type: Number, nullable: true, example: 0.6667, description });

export class CoverageRowDto {
  @ApiProperty({
    description: 'Child area id or category code; `total` on the total row',
  })
  key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    description: 'Households with a need of the category open in the period (once per category)',
  })
  householdsWithNeed!: number;
  @ApiProperty({ description: '… with an eligible published resource covering their community' })
  accessible!: number;
  @ApiProperty({ description: '… with a referral for the need delivered, or closed fulfilled' })
  attained!: number;
  @rate('accessible ÷ householdsWithNeed') accessibilityRate!: number | null;
  @rate('attained ÷ householdsWithNeed') attainabilityRate!: number | null;
}

export class CoverageReportDto {
  @ApiProperty({ type: ReportAreaDto }) area!: ReportAreaDto;
  @ApiProperty({ type: ReportPeriodDto }) period!: ReportPeriodDto;
  @ApiProperty({ type: String, nullable: true }) category!: string | null;
  @ApiProperty({ enum: ['area', 'category'] }) groupBy!: string;
  @ApiProperty({ type: [CoverageRowDto] }) rows!: CoverageRowDto[];
  @ApiProperty({ type: CoverageRowDto }) total!: CoverageRowDto;
}

export class CoverageMonthDto {
  @ApiProperty({ example: '2026-11', description: 'China calendar month' }) month!: string;
  @ApiProperty({ format: 'date', description: 'Its first day' }) from!: string;
  @ApiProperty({ format: 'date', description: 'Its last day; today for the month running' })
  to!: string;
  @ApiProperty({
    description:
      'Households with a need of the category open at some time in the month (once per category)',
  })
  householdsWithNeed!: number;
  @ApiProperty({ description: '… with an eligible resource valid in the month covering them' })
  accessible!: number;
  @ApiProperty({ description: '… with a referral for the need delivered by the month’s end' })
  attained!: number;
  @rate('accessible ÷ householdsWithNeed') accessibilityRate!: number | null;
  @rate('attained ÷ householdsWithNeed') attainabilityRate!: number | null;
}

export class CoverageMonthlyReportDto {
  @ApiProperty({ type: ReportAreaDto }) area!: ReportAreaDto;
  @ApiProperty({ type: String, nullable: true }) category!: string | null;
  @ApiProperty({
    type: [CoverageMonthDto],
    description:
      'One row per month, oldest first; each is the coverage report’s total over that month',
  })
  rows!: CoverageMonthDto[];
}

export class UnmetNeedsRowDto {
  @ApiProperty({ type: String, nullable: true, description: 'Child area; null on the total row' })
  areaId!: string | null;
  @ApiProperty() areaName!: string;
  @ApiProperty({ type: String, nullable: true }) categoryCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) categoryName!: string | null;
  @ApiProperty() needs!: number;
  @ApiProperty() households!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { NONE_ELIGIBLE: 2, AWAITING_MATCH: 1 },
    description:
      'Needs per recorded unmet reason; AWAITING_MATCH: not matched yet; NO_LIVE_PROPOSAL: proposals or referrals ended, awaiting the next run',
  })
  reasons!: Record<string, number>;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  oldestWaitingSince!: string | null;
  @ApiProperty({ type: Number, nullable: true }) oldestWaitingDays!: number | null;
}

export class UnmetNeedDto {
  @ApiProperty({ format: 'uuid' }) needId!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ format: 'uuid' }) areaId!: string;
  @ApiProperty() areaName!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty() categoryName!: string;
  @ApiProperty() severity!: number;
  @ApiProperty() urgency!: string;
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiProperty({ format: 'date-time' }) waitingSince!: string;
  @ApiProperty() waitingDays!: number;
}

export class UnmetNeedsReportDto {
  @ApiProperty({ type: ReportAreaDto }) area!: ReportAreaDto;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ enum: ['summary', 'needs'] }) view!: string;
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [
        { $ref: '#/components/schemas/UnmetNeedsRowDto' },
        { $ref: '#/components/schemas/UnmetNeedDto' },
      ],
    },
    description: 'UnmetNeedsRowDto rows (summary) or UnmetNeedDto rows (needs)',
  })
  rows!: Array<UnmetNeedsRowDto | UnmetNeedDto>;
  @ApiProperty({ type: UnmetNeedsRowDto }) total!: UnmetNeedsRowDto;
}

export class ReferralSlaRowDto {
  @ApiProperty({ description: 'Child area or provider id; `total` on the total row' }) key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Referrals approved in the period' }) referrals!: number;
  @ApiProperty() open!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() delivered!: number;
  @ApiProperty() closed!: number;
  @ApiProperty() declined!: number;
  @ApiProperty() expired!: number;
  @ApiProperty({ description: 'Referrals answered or past the acceptance deadline' })
  acceptanceDue!: number;
  @ApiProperty() acceptedWithinDeadline!: number;
  @rate('acceptedWithinDeadline ÷ acceptanceDue') acceptedWithinDeadlineRate!: number | null;
  @ApiProperty({ description: 'Accepted referrals delivered or past the delivery deadline' })
  deliveryDue!: number;
  @ApiProperty() deliveredWithinDeadline!: number;
  @rate('deliveredWithinDeadline ÷ deliveryDue') deliveredWithinDeadlineRate!: number | null;
  @ApiProperty({ description: 'Open or accepted past their pending deadline, now' })
  overdue!: number;
  @ApiProperty({ description: 'Escalated to civil-affairs staff at some point' })
  escalated!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Approval → acceptance, hours' })
  medianHoursToAccept!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Approval → delivery, hours' })
  medianHoursToDeliver!: number | null;
}

export class ReferralSlaReportDto {
  @ApiProperty({ type: ReportAreaDto }) area!: ReportAreaDto;
  @ApiProperty({ type: ReportPeriodDto }) period!: ReportPeriodDto;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ enum: ['area', 'provider'] }) groupBy!: string;
  @ApiProperty({ type: [ReferralSlaRowDto] }) rows!: ReferralSlaRowDto[];
  @ApiProperty({ type: ReferralSlaRowDto }) total!: ReferralSlaRowDto;
}

export class StaffSlaRowDto {
  @ApiProperty({
    enum: ['proposal_approval', 'resource_review', 'provider_application', 'total'],
    description: 'The staff step; `total` on the total row',
  })
  key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Steps whose deadline falls in the period' }) steps!: number;
  @ApiProperty({ description: 'Decided, or still waiting past the deadline' }) due!: number;
  @ApiProperty({ description: 'Decided by the deadline' }) onTime!: number;
  @rate('onTime ÷ due') onTimeRate!: number | null;
  @ApiProperty({ description: 'Still waiting past the deadline, now' }) overdue!: number;
  @ApiProperty({ description: 'Escalated to the area above by the sweep' }) escalated!: number;
}

export class StaffSlaReportDto {
  @ApiProperty({ type: ReportAreaDto }) area!: ReportAreaDto;
  @ApiProperty({ type: ReportPeriodDto }) period!: ReportPeriodDto;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: [StaffSlaRowDto] }) rows!: StaffSlaRowDto[];
  @ApiProperty({ type: StaffSlaRowDto }) total!: StaffSlaRowDto;
}

export class ResourceUtilizationRowDto {
  @ApiProperty({ description: 'Resource id or provider kind; `total` on the total row' })
  key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) providerName!: string | null;
  @ApiProperty({ type: String, nullable: true }) providerKind!: string | null;
  @ApiProperty({ type: String, nullable: true }) categoryCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) status!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validUntil!: string | null;
  @ApiProperty() resources!: number;
  @ApiProperty() capacity!: number;
  @ApiProperty() reserved!: number;
  @ApiProperty() delivered!: number;
  @ApiProperty() remaining!: number;
  @rate('(reserved + delivered) ÷ capacity') shareUsed!: number | null;
  @ApiProperty({ description: 'Resources whose validity ends within expiringWithinDays' })
  expiringSoon!: number;
}

export class ResourcesReportDto {
  @ApiProperty({ type: ReportAreaDto }) area!: ReportAreaDto;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ enum: ['resource', 'providerKind'] }) groupBy!: string;
  @ApiProperty() expiringWithinDays!: number;
  @ApiProperty({ type: [ResourceUtilizationRowDto] }) rows!: ResourceUtilizationRowDto[];
  @ApiProperty({ type: ResourceUtilizationRowDto }) total!: ResourceUtilizationRowDto;
}

export class ContractReportRowDto {
  @ApiProperty({ description: 'Contract id; `total` on the total row' }) key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) providerName!: string | null;
  @ApiProperty({ type: String, nullable: true }) status!: string | null;
  @ApiProperty({ type: 'integer', description: 'fen' }) valueFen!: number;
  @ApiProperty() milestones!: number;
  @ApiProperty() milestonesMet!: number;
  @ApiProperty() milestonesPartiallyMet!: number;
  @ApiProperty() milestonesNotMet!: number;
  @ApiProperty({ type: 'integer', description: 'fen' }) paidFen!: number;
  @ApiProperty({
    type: 'integer',
    description: 'fen, decided but waiting for a passing evaluation',
  })
  waitingFen!: number;
  @ApiProperty({ type: String, nullable: true, enum: ['excellent', 'good', 'pass', 'fail'] })
  latestGrade!: string | null;
  @ApiProperty({ type: Number, nullable: true }) latestScore!: number | null;
  @ApiProperty() referrals!: number;
  @ApiProperty() acceptedWithinDeadline!: number;
  @ApiProperty() deliveredWithinDeadline!: number;
  @ApiProperty() closedResolved!: number;
  @ApiProperty({ type: Number, nullable: true }) meanSatisfaction!: number | null;
}

export class ContractsReportDto {
  @ApiProperty({ type: ReportAreaDto }) area!: ReportAreaDto;
  @ApiProperty({ type: [ContractReportRowDto] }) rows!: ContractReportRowDto[];
  @ApiProperty({ type: ContractReportRowDto }) total!: ContractReportRowDto;
}
