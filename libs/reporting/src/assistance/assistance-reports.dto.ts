import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import {
  ASSISTANCE_FREQUENCIES,
  ASSISTANCE_SOURCES,
  type AssistanceFrequency,
  type AssistanceSource,
} from '@onedoor/ledger';
import { TIERS, type Tier } from '@onedoor/resources';
import { ReportAreaDto, ScopeQueryDto } from '../reports.dto';
import { MAX_REPORT_MONTHS } from '../report-months';
import { MONTH_PATTERN } from '../reports.dto';

const MONTH = MONTH_PATTERN;

/** How the bulletin table groups the ledger. */
export const ASSISTANCE_GROUPS = ['source', 'category', 'residency', 'tier', 'urbanRural'] as const;
export type AssistanceGroup = (typeof ASSISTANCE_GROUPS)[number];

/** Urban or rural, from the household's community (`area.rural`). */
export const URBAN_RURAL = ['urban', 'rural'] as const;
export type UrbanRural = (typeof URBAN_RURAL)[number];

/** The months of a ledger report: China calendar months `from`…`to`, both included. */
export class AssistanceMonthsQueryDto extends ScopeQueryDto {
  @ApiPropertyOptional({
    example: '2026-01',
    description: 'First month (YYYY-MM, China time); default 11 months before `to`',
  })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month, YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12',
    description: `Last month (YYYY-MM), included; default this month. At most ${MAX_REPORT_MONTHS} months.`,
  })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month, YYYY-MM' })
  to?: string;
}

export class AssistanceQueryDto extends AssistanceMonthsQueryDto {
  @ApiPropertyOptional({ enum: ASSISTANCE_GROUPS, enumName: 'AssistanceGroup', default: 'source' })
  @IsOptional()
  @IsIn(ASSISTANCE_GROUPS)
  groupBy: AssistanceGroup = 'source';
}

export class MissedAssistanceQueryDto extends ScopeQueryDto {
  @ApiPropertyOptional({
    default: 3,
    minimum: 1,
    maximum: MAX_REPORT_MONTHS,
    description: 'Households with no assistance in this many months (to today, China time)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_REPORT_MONTHS)
  months = 3;
}

export class AssistanceMonthsDto {
  @ApiProperty({ example: '2026-01' }) from!: string;
  @ApiProperty({ example: '2026-12' }) to!: string;
}

/** The bulletin figures of one group, one month or the total. */
export class AssistanceFiguresDto {
  @ApiProperty({
    description:
      'Household-times (户次): a one-off entry once in the month of its date; a monthly entry once for each month of the period it ran in',
  })
  householdTimes!: number;
  @ApiProperty({
    description:
      'Fen: one-off amounts in their month, monthly amounts once per month they ran in the period',
  })
  amountFen!: number;
  @ApiProperty({ description: 'Distinct households (户数) with at least one of those' })
  households!: number;
}

export class AssistanceRowDto extends AssistanceFiguresDto {
  @ApiProperty({
    example: 'import',
    description:
      'The group’s code (assistance source, category, residency, tier or urban/rural); `` for entries with no tier; `total` on the total row',
  })
  key!: string;
}

export class AssistanceReportDto {
  @ApiProperty({ type: ReportAreaDto }) area!: ReportAreaDto;
  @ApiProperty({ type: AssistanceMonthsDto }) period!: AssistanceMonthsDto;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ enum: ASSISTANCE_GROUPS, enumName: 'AssistanceGroup' }) groupBy!: AssistanceGroup;
  @ApiProperty({ type: [AssistanceRowDto] }) rows!: AssistanceRowDto[];
  @ApiProperty({
    type: AssistanceRowDto,
    description: 'The whole period; its households are distinct over all groups',
  })
  total!: AssistanceRowDto;
}

export class AssistanceMonthDto extends AssistanceFiguresDto {
  @ApiProperty({
    example: '2026-11',
    description: 'China calendar month; `total` on the total row',
  })
  month!: string;
}

export class AssistanceMonthlyReportDto {
  @ApiProperty({ type: ReportAreaDto }) area!: ReportAreaDto;
  @ApiProperty({ type: AssistanceMonthsDto }) period!: AssistanceMonthsDto;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: [AssistanceMonthDto], description: 'One row per month, oldest first' })
  rows!: AssistanceMonthDto[];
  @ApiProperty({ type: AssistanceMonthDto }) total!: AssistanceMonthDto;
}

export class MissedAssistanceRowDto {
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty() communityName!: string;
  @ApiPropertyOptional({ enum: TIERS, type: String, nullable: true }) tier!: Tier | null;
  @ApiProperty({
    type: [String],
    description: 'Category codes of its open or matched needs, sorted',
  })
  needCategories!: string[];
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Last day of its latest active ledger entry (China); null: never assisted',
  })
  lastAssistedOn!: string | null;
}

export class MissedAssistanceReportDto {
  @ApiProperty({ type: ReportAreaDto }) area!: ReportAreaDto;
  @ApiProperty() months!: number;
  @ApiProperty({
    format: 'date',
    description: 'Assistance running on or after this day counts (today minus `months`)',
  })
  since!: string;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty() count!: number;
  @ApiProperty({
    type: [MissedAssistanceRowDto],
    description: 'Never assisted first, then the longest without',
  })
  rows!: MissedAssistanceRowDto[];
}

export class DuplicateBenefitDto {
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty({ enum: ASSISTANCE_SOURCES, enumName: 'AssistanceSource' })
  source!: AssistanceSource;
  @ApiProperty() grantedBy!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Fen (per month when monthly)' })
  amountFen!: number | null;
  @ApiProperty({ enum: ASSISTANCE_FREQUENCIES, enumName: 'AssistanceFrequency' })
  frequency!: AssistanceFrequency;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endsOn!: string | null;
}

export class AssistanceDuplicateDto {
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty() communityName!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty({ type: DuplicateBenefitDto, description: 'The earlier-starting entry' })
  first!: DuplicateBenefitDto;
  @ApiProperty({ type: DuplicateBenefitDto }) second!: DuplicateBenefitDto;
}

export class AssistanceDuplicatesReportDto {
  @ApiProperty({ type: ReportAreaDto }) area!: ReportAreaDto;
  @ApiProperty({ type: AssistanceMonthsDto }) period!: AssistanceMonthsDto;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ type: [AssistanceDuplicateDto] }) rows!: AssistanceDuplicateDto[];
}
