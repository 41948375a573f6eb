import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { IsIdNumber } from '@onedoor/households';
import { DAY_PATTERN, IsOptionalNotNull, PageQueryDto } from '@onedoor/platform';
import { RESOURCE_FORMS, type ResourceForm } from '@onedoor/resources';
import {
  ASSISTANCE_ENTRY_STATUSES,
  ASSISTANCE_FREQUENCIES,
  ASSISTANCE_HISTORY_STATES,
  ASSISTANCE_SOURCES,
  type AssistanceEntryStatus,
  type AssistanceFrequency,
  type AssistanceHistoryState,
  type AssistanceSource,
} from '../../ledger.types';

const CATEGORY_CODE = /^[a-z][a-z0-9_]{1,39}$/;
/** 1 亿元: far above any single benefit, well inside a bigint and a JS safe integer. */
const MAX_AMOUNT_FEN = 10_000_000_000;

/**
 * A benefit given outside OneDoor, recorded by the granting department or provider (or by
 * civil-affairs staff naming the granting organization). The household is given by id, or by
 * a member's identity number (matched through its keyed digest, never stored in clear here).
 */
export class RecordAssistanceEntryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The household; or give `idNumber`' })
  @IsOptional()
  @IsUUID()
  householdId?: string;

  @ApiPropertyOptional({
    example: '110101198006150011',
    description:
      "A member's identity number (the member becomes the entry's member); or give `householdId`",
  })
  @IsOptional()
  @IsIdNumber()
  idNumber?: string;

  @ApiProperty({ example: 'basic_living' })
  @Matches(CATEGORY_CODE)
  categoryCode!: string;

  @ApiProperty({ example: '临时救助', description: 'What the benefit is called' })
  @IsString()
  @Length(1, 100)
  title!: string;

  @ApiProperty({ enum: RESOURCE_FORMS, enumName: 'ResourceForm' })
  @IsIn(RESOURCE_FORMS)
  form!: ResourceForm;

  @ApiProperty({ enum: ASSISTANCE_FREQUENCIES, enumName: 'AssistanceFrequency' })
  @IsIn(ASSISTANCE_FREQUENCIES)
  frequency!: AssistanceFrequency;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    example: 80000,
    description: 'Fen; per month for a monthly benefit; required for cash',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_FEN)
  amountFen?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  units?: number | null;

  @ApiProperty({ format: 'date', example: '2026-10-03', description: 'Beijing date' })
  @IsDateString({ strict: true })
  @Matches(DAY_PATTERN, { message: 'startsOn must be a day, YYYY-MM-DD' })
  startsOn!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description:
      'Monthly: last month’s date, null while it runs; one-off: omitted or equal to startsOn',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(DAY_PATTERN, { message: 'endsOn must be a day, YYYY-MM-DD' })
  endsOn?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The OneDoor resource (policy) it was granted under; a provider’s own',
  })
  @IsOptional()
  @IsUUID()
  resourceId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The household’s need it serves' })
  @IsOptional()
  @IsUUID()
  needId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Staff only: the granting organization, a verified provider',
  })
  @IsOptional()
  @IsUUID()
  providerId?: string;

  @ApiPropertyOptional({
    example: '市卫健委',
    description: 'Staff only: the granting organization’s name when it is not a OneDoor provider',
  })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 100)
  grantedBy?: string;

  @ApiPropertyOptional({ example: '因病临时救助' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class VoidAssistanceEntryDto {
  @ApiProperty({ example: '重复登记' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class AssistanceEntryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  householdId?: string;

  @ApiPropertyOptional({ example: 'basic_living' })
  @IsOptional()
  @Matches(CATEGORY_CODE)
  categoryCode?: string;

  @ApiPropertyOptional({ enum: ASSISTANCE_SOURCES, enumName: 'AssistanceSource' })
  @IsOptional()
  @IsIn(ASSISTANCE_SOURCES)
  source?: AssistanceSource;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Entries whose period reaches this day or later (Beijing)',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(DAY_PATTERN, { message: 'from must be a day, YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Entries whose period starts on this day or earlier (Beijing)',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(DAY_PATTERN, { message: 'to must be a day, YYYY-MM-DD' })
  to?: string;
}

/** One ledger entry as its readers see it. */
export class AssistanceEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ enum: ASSISTANCE_SOURCES, enumName: 'AssistanceSource' })
  source!: AssistanceSource;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  referralId!: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  providerId!: string | null;
  @ApiProperty({ example: '和平区民政局' }) grantedBy!: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  resourceId!: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  needId!: string | null;
  @ApiProperty() categoryCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: RESOURCE_FORMS, enumName: 'ResourceForm' }) form!: ResourceForm;
  @ApiProperty({ enum: ASSISTANCE_FREQUENCIES, enumName: 'AssistanceFrequency' })
  frequency!: AssistanceFrequency;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Fen (per month if monthly)' })
  amountFen!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) units!: number | null;
  @ApiProperty({ format: 'date', description: 'Beijing date' }) startsOn!: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) endsOn!: string | null;
  @ApiProperty({ enum: ASSISTANCE_ENTRY_STATUSES, enumName: 'AssistanceEntryStatus' })
  status!: AssistanceEntryStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) note!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) voidReason!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  voidedAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Who recorded it (null: the system)',
  })
  recordedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "The household head's name: staff only (null for providers)",
  })
  headName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff only' })
  communityName!: string | null;
}

/**
 * One row of a household's assistance history: a ledger entry, or a OneDoor referral approved
 * and not yet delivered (no entry yet: `entryId` null, state pending or in_progress).
 */
export class AssistanceHistoryItemDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) entryId!: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  referralId!: string | null;
  @ApiProperty({ enum: ASSISTANCE_SOURCES, enumName: 'AssistanceSource' })
  source!: AssistanceSource;
  @ApiProperty({ enum: ASSISTANCE_HISTORY_STATES, enumName: 'AssistanceHistoryState' })
  state!: AssistanceHistoryState;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  providerId!: string | null;
  @ApiProperty() grantedBy!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: RESOURCE_FORMS, enumName: 'ResourceForm' }) form!: ResourceForm;
  @ApiProperty({ enum: ASSISTANCE_FREQUENCIES, enumName: 'AssistanceFrequency' })
  frequency!: AssistanceFrequency;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Fen (per month if monthly)' })
  amountFen!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) units!: number | null;
  @ApiProperty({
    format: 'date',
    description: 'Beijing date: the period’s start (a pending referral: its approval)',
  })
  startsOn!: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) endsOn!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) voidReason!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Who recorded it (null: the system)',
  })
  recordedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class HouseholdAssistanceDto {
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ type: [AssistanceHistoryItemDto], description: 'Newest first' })
  items!: AssistanceHistoryItemDto[];
}
