import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EMPLOYMENT_STATUSES, type EmploymentStatus, MemberInputDto } from '@onedoor/households';
import { IsOptionalNotNull, PageQueryDto } from '@onedoor/platform';
import { RESIDENCIES, type Residency } from '@onedoor/resources';
import { FOLLOW_UP_STATUSES } from '../../relief.types';

const CATEGORY_CODE = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * A member as the short form takes it: who they are (the household registration's own fields,
 * validated the same way); the rest waits for the full assessment.
 */
export class IntakeMemberDto extends PickType(MemberInputDto, [
  'name',
  'relation',
  'idNumber',
] as const) {
  @ApiPropertyOptional({
    enum: EMPLOYMENT_STATUSES,
    enumName: 'EmploymentStatus',
    // No `default` in the document: the generated client would make the field required.
    description: 'Defaults to `other` until the full assessment asks',
  })
  @IsOptionalNotNull()
  @IsIn(EMPLOYMENT_STATUSES)
  employment?: EmploymentStatus;

  @ApiPropertyOptional({ minimum: 0, description: 'Fen per month, if known (0 when omitted)' })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  monthlyIncomeFen?: number;
}

/** One immediate need: a category and a short note; its urgency is always `emergency`. */
export class IntakeNeedDto {
  @ApiProperty({ example: 'basic_living' })
  @Matches(CATEGORY_CODE, { message: 'categoryCode must be a category code' })
  categoryCode!: string;

  @ApiPropertyOptional({ maxLength: 200, example: '房屋失火，急需临时住所' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: '5 (most severe) when omitted' })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(5)
  severity?: number;
}

/**
 * The emergency intake's short form. The family is an existing household (`householdId`, or a
 * member whose identity number is registered: that household is updated) or a new one
 * (`communityId`, `residency` and `members` with one head).
 */
export class CreateEmergencyIntakeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing household in your scope' })
  @IsOptional()
  @IsUUID()
  householdId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'For a new household: a community in your scope',
  })
  @IsOptional()
  @IsUUID()
  communityId?: string;

  @ApiPropertyOptional({
    enum: RESIDENCIES,
    enumName: 'Residency',
    description: 'For a new household',
  })
  @IsOptional()
  @IsIn(RESIDENCIES)
  residency?: Residency;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @Matches(/^[0-9+\- ]{5,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  address?: string;

  @ApiPropertyOptional({
    type: [IntakeMemberDto],
    description:
      'The head (relation self) and optionally others; a registered identity updates that household',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => IntakeMemberDto)
  members?: IntakeMemberDto[];

  @ApiProperty({ maxLength: 2000, description: 'What happened; stored encrypted' })
  @IsString()
  @Length(1, 2000)
  situation!: string;

  @ApiProperty({ type: [IntakeNeedDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => IntakeNeedDto)
  needs!: IntakeNeedDto[];

  @ApiPropertyOptional({ minimum: 0, maximum: 100_000_000, description: 'Amount requested, fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  amountRequestedFen?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The fund to pay from: with an amount requested, the intake also requests the emergency grant ' +
      '(GET /api/emergency-grants/funds?communityId= lists those that may pay)',
  })
  @IsOptional()
  @IsUUID()
  fundId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The lead (线索) this intake answers' })
  @IsOptional()
  @IsUUID()
  leadId?: string;
}

export class EmergencyIntakeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  householdId?: string;
}

export class IntakeNeedRecordDto {
  @ApiProperty({ format: 'uuid' }) needId!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty() severity!: number;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class IntakeFileDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() originalName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
}

export class IntakeFollowUpSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES, enumName: 'FollowUpStatus' }) status!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
}

export class EmergencyIntakeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The head’s name' })
  headName!: string | null;
  @ApiProperty({
    description: 'True when the intake registered the household, false when it updated one',
  })
  registeredHousehold!: boolean;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty() communityName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) leadId!: string | null;
  @ApiPropertyOptional({
    description: 'What happened: in full only on GET /emergency-intakes/{id}',
  })
  situation?: string;
  @ApiProperty({ description: 'The first characters of what happened' })
  situationPreview!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Fen' })
  amountRequestedFen!: number | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The emergency grant requested with the intake (see /api/emergency-grants/{id})',
  })
  grantId!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The provisional assessment holding the needs' })
  assessmentId!: string;
  @ApiProperty({ type: [IntakeNeedRecordDto] }) needs!: IntakeNeedRecordDto[];
  @ApiProperty({ type: [IntakeFileDto] }) files!: IntakeFileDto[];
  @ApiProperty({ type: IntakeFollowUpSummaryDto, nullable: true })
  followUp!: IntakeFollowUpSummaryDto | null;
  @ApiProperty({ format: 'uuid' }) registeredById!: string;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}
