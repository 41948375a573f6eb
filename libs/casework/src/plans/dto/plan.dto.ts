import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ACTION_KINDS,
  ACTION_STATUSES,
  AGREEMENT_METHODS,
  GOAL_FLAG_REASONS,
  GOAL_STATUSES,
  PLAN_STATUSES,
} from '../plan.types';
import { DAY_PATTERN } from '@onedoor/platform';

/**
 * A calendar day: IsDateString alone takes '2026', '2026-05' or '2026-W01' (ISO 8601 too),
 * which the date column then refuses (500); the year range keeps typos like 0202 out.
 */
const DAY = DAY_PATTERN;

export class PlanVersionQueryDto {
  @ApiPropertyOptional({ description: 'An earlier version (1, 2, …); the current one by default' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  version?: number;
}

class RevisionDto {
  @ApiProperty({
    description: "The draft's revision you read; a stale one is 409 STALE_VERSION",
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  revision!: number;
}

export class SavePlanActionDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An action of the plan you read (kept)' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: ACTION_KINDS, enumName: 'PlanActionKind' })
  @IsIn(ACTION_KINDS)
  kind!: (typeof ACTION_KINDS)[number];

  @ApiPropertyOptional({ format: 'uuid', description: "One of the household's referrals" })
  @IsOptional()
  @IsUUID()
  referralId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "One of the household's proposals" })
  @IsOptional()
  @IsUUID()
  proposalId?: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description!: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(DAY, { message: 'dueDate must be a day, YYYY-MM-DD' })
  dueDate?: string | null;

  @ApiProperty({ enum: ACTION_STATUSES, enumName: 'PlanActionStatus' })
  @IsIn(ACTION_STATUSES)
  status!: (typeof ACTION_STATUSES)[number];
}

export class SavePlanGoalDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A goal of the plan you read (kept)' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "One of the household's needs" })
  @IsOptional()
  @IsUUID()
  needId?: string;

  @ApiProperty({ description: 'A service category code', example: 'medical' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  category!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(DAY, { message: 'targetDate must be a day, YYYY-MM-DD' })
  targetDate?: string | null;

  @ApiProperty({ enum: GOAL_STATUSES, enumName: 'PlanGoalStatus' })
  @IsIn(GOAL_STATUSES)
  status!: (typeof GOAL_STATUSES)[number];

  @ApiPropertyOptional({
    description:
      'false clears the flag the sync set (the adviser has seen to it); omitted keeps it',
  })
  @IsOptional()
  @IsBoolean()
  flagged?: boolean;

  @ApiProperty({ type: [SavePlanActionDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SavePlanActionDto)
  actions!: SavePlanActionDto[];
}

export class SavePlanDto extends RevisionDto {
  @ApiProperty({ type: [SavePlanGoalDto], description: 'The whole plan, in order' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SavePlanGoalDto)
  goals!: SavePlanGoalDto[];
}

export class AgreePlanDto extends RevisionDto {
  @ApiProperty({ maxLength: 100, description: 'The family member who agreed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  agreedByName!: string;

  @ApiProperty({ enum: AGREEMENT_METHODS, enumName: 'PlanAgreementMethod' })
  @IsIn(AGREEMENT_METHODS)
  method!: (typeof AGREEMENT_METHODS)[number];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The signed page uploaded first (POST …/plan/files); required for signed_file',
  })
  @ValidateIf((o: AgreePlanDto) => o.method === 'signed_file' || o.fileId !== undefined)
  @IsUUID()
  fileId?: string;
}

export class PlanActionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ACTION_KINDS, enumName: 'PlanActionKind' }) kind!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) referralId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['open', 'accepted', 'delivered', 'closed', 'declined', 'expired'],
    enumName: 'ReferralStatus',
    description: "The referral's status now",
  })
  referralStatus!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) proposalId!: string | null;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate!: string | null;
  @ApiProperty({ enum: ACTION_STATUSES, enumName: 'PlanActionStatus' }) status!: string;
}

export class PlanGoalDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) needId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['open', 'matched', 'fulfilled', 'closed_unmet', 'withdrawn'],
    enumName: 'NeedStatus',
  })
  needStatus!: string | null;
  @ApiProperty() category!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) targetDate!: string | null;
  @ApiProperty({ enum: GOAL_STATUSES, enumName: 'PlanGoalStatus' }) status!: string;
  @ApiProperty() flagged!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: GOAL_FLAG_REASONS,
    enumName: 'PlanGoalFlagReason',
  })
  flagReason!: string | null;
  @ApiProperty({ type: [PlanActionDto] }) actions!: PlanActionDto[];
}

export class PlanFileDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '计划确认书.pdf' }) name!: string;
  @ApiProperty({ example: 'application/pdf' }) contentType!: string;
  @ApiProperty({ description: 'Size in bytes' }) size!: number;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
}

export class PlanVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ description: '1, 2, …: a new version is a new row, the highest is current' })
  version!: number;
  @ApiProperty({ enum: PLAN_STATUSES, enumName: 'PlanStatus' }) status!: string;
  @ApiProperty({ description: "The row's edit count: send it back with an edit or agreement" })
  revision!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) agreedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) agreedByName!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: AGREEMENT_METHODS,
    enumName: 'PlanAgreementMethod',
  })
  agreementMethod!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) attestedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) attestedByName!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class PlanDto extends PlanVersionDto {
  @ApiProperty({ type: PlanFileDto, nullable: true }) agreementFile!: PlanFileDto | null;
  @ApiProperty({ type: [PlanGoalDto] }) goals!: PlanGoalDto[];
}

export class PlanVersionListDto {
  @ApiProperty({ type: [PlanVersionDto], description: 'Newest first' })
  items!: PlanVersionDto[];
}
