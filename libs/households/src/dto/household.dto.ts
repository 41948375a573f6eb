import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
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
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AreaSummaryDto } from '@onedoor/areas';
import { ListQueryDto } from '@onedoor/platform';
import { RESIDENCIES, TIERS, type Residency, type Tier } from '@onedoor/resources';
import {
  EDUCATION_STAGES,
  type EducationStage,
  EMPLOYMENT_STATUSES,
  type EmploymentStatus,
  GENDERS,
  type Gender,
  HOUSEHOLD_STATUSES,
  type HouseholdStatus,
  HOUSING_KINDS,
  type HousingKind,
  RELATIONS,
  type Relation,
} from '../household.types';
import { IsIdNumber } from './id-number.validator';

export class MemberInputDto {
  @ApiProperty({ example: '张秀英' })
  @IsString()
  @Length(1, 50)
  name!: string;

  @ApiProperty({
    enum: RELATIONS,
    enumName: 'Relation',
    description: '`self` is the head (exactly one)',
  })
  @IsIn(RELATIONS)
  relation!: Relation;

  @ApiProperty({
    example: '11010519491231002X',
    description: 'Stored only as a keyed digest and ciphertext',
  })
  @IsIdNumber()
  idNumber!: string;

  @ApiPropertyOptional({
    format: 'date',
    description:
      'Optional; must be the one in the identity number. Kept for age rules, never shown again: responses carry the age',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  birthDate?: string;

  @ApiPropertyOptional({
    enum: GENDERS,
    enumName: 'Gender',
    description: 'Defaults to the one in the identity number',
  })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 4,
    default: 0,
    description: '0 none, 1 most severe … 4 mildest',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(4)
  disabilityGrade?: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  chronicIllness?: boolean;

  @ApiProperty({ enum: EMPLOYMENT_STATUSES, enumName: 'EmploymentStatus' })
  @IsIn(EMPLOYMENT_STATUSES)
  employment!: EmploymentStatus;

  @ApiPropertyOptional({ enum: EDUCATION_STAGES, enumName: 'EducationStage', default: 'none' })
  @IsOptional()
  @IsIn(EDUCATION_STAGES)
  educationStage?: EducationStage;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'Fen per month' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  monthlyIncomeFen?: number;
}

export class CreateHouseholdDto {
  @ApiProperty({ format: 'uuid', description: 'A community inside your scope' })
  @IsUUID()
  communityId!: string;

  @ApiProperty({ enum: RESIDENCIES, enumName: 'Residency' })
  @IsIn(RESIDENCIES)
  residency!: Residency;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @Matches(/^[0-9+\- ]{5,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  address?: string;

  @ApiPropertyOptional({ type: [String], example: ['elderly_alone'] })
  @IsOptional()
  @IsArray()
  @Matches(/^[\w\u4e00-\u9fff-]{1,40}$/, {
    each: true,
    message: 'tags must be letters, digits, _ or -',
  })
  tags?: string[];

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000_000)
  savingsFen?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  vehicles?: number;

  @ApiPropertyOptional({ enum: HOUSING_KINDS, enumName: 'HousingKind', default: 'owned' })
  @IsOptional()
  @IsIn(HOUSING_KINDS)
  housing?: HousingKind;

  @ApiPropertyOptional({
    minimum: 0,
    default: 0,
    description: 'Monthly rigid medical expenditure, fen',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  medicalExpenseFen?: number;

  @ApiPropertyOptional({
    minimum: 0,
    default: 0,
    description: 'Monthly rigid education expenditure, fen',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  educationExpenseFen?: number;

  @ApiProperty({ type: [MemberInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => MemberInputDto)
  members!: MemberInputDto[];
}

export class UpdateHouseholdDto extends PartialType(
  OmitType(CreateHouseholdDto, ['communityId'] as const),
  // Omitted means "unchanged"; null passes only where the base field allows it (@IsOptional).
  { skipNullProperties: false },
) {
  @ApiProperty({ description: 'The version you read; a stale one is 409 STALE_VERSION' })
  @IsInt()
  @Min(1)
  version!: number;
}

/**
 * Search by name, phone or identity number. A POST body, not a query string: a phone or an
 * identity number in a URL would land in access logs, proxies and browser history.
 */
export class HouseholdSearchDto {
  @ApiPropertyOptional({
    description: "A member's name: prefix, or similar (trigram)",
    example: '王',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ example: '13812345678', description: 'Exact; spaces and dashes ignored' })
  @IsOptional()
  @Matches(/^[0-9+\- ]{5,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({
    description: "Exact, any member's: compared by keyed digest, never stored or returned",
  })
  @IsOptional()
  @IsString()
  @MaxLength(18)
  @MinLength(18)
  idNumber?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export class HouseholdQueryDto extends ListQueryDto {
  @ApiPropertyOptional({
    description:
      "A member's name (prefix or trigram), best match first, one page (`nextCursor` null); phones and identity numbers: POST /households/search",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ enum: HOUSEHOLD_STATUSES, enumName: 'HouseholdStatus' })
  @IsOptional()
  @IsIn(HOUSEHOLD_STATUSES)
  status?: HouseholdStatus;

  @ApiPropertyOptional({ enum: TIERS, enumName: 'Tier' })
  @IsOptional()
  @IsIn(TIERS)
  tier?: Tier;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  communityId?: string;

  @ApiPropertyOptional({
    enum: ['mine'],
    description:
      "`mine`: only households with a draft assessment you started (the workbench's draftAssessments count)",
  })
  @IsOptional()
  @IsIn(['mine'])
  drafts?: 'mine';
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: RELATIONS, enumName: 'Relation' }) relation!: Relation;
  @ApiProperty() isHead!: boolean;
  @ApiProperty({
    example: '**************002X',
    description:
      'Masked: the last four characters only (sequence and check character). No response shows more of an identity number, nor the birth date it contains',
  })
  idNumber!: string;
  @ApiProperty({
    minimum: 0,
    example: 76,
    description:
      'Age in whole years today (China time), from the birth date in the identity number; the birth date itself is never shown',
  })
  age!: number;
  @ApiProperty({ enum: GENDERS, enumName: 'Gender' }) gender!: Gender;
  @ApiProperty() disabilityGrade!: number;
  @ApiProperty() chronicIllness!: boolean;
  @ApiProperty({ enum: EMPLOYMENT_STATUSES, enumName: 'EmploymentStatus' })
  employment!: EmploymentStatus;
  @ApiProperty({ enum: EDUCATION_STAGES, enumName: 'EducationStage' })
  educationStage!: EducationStage;
  @ApiProperty() monthlyIncomeFen!: number;
}

export class HouseholdWarningDto {
  @ApiProperty({ example: 'MEMBER_IN_OTHER_HOUSEHOLD' }) code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'Index in the members you sent' }) memberIndex?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only when you may see that household' })
  householdId?: string;
}

export class HouseholdSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: AreaSummaryDto }) community!: AreaSummaryDto;
  @ApiProperty() headName!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '138****5678' }) phone!:
    string | null;
  @ApiProperty() size!: number;
  @ApiProperty({ enum: HOUSEHOLD_STATUSES, enumName: 'HouseholdStatus' }) status!: HouseholdStatus;
  @ApiPropertyOptional({ enum: TIERS, type: String, nullable: true }) tier!: Tier | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) circle!: number | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) nextRevisitAt!:
    string | null;
}

export class HouseholdDto extends HouseholdSummaryDto {
  @ApiProperty({ enum: RESIDENCIES, enumName: 'Residency' }) residency!: Residency;
  @ApiPropertyOptional({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() savingsFen!: number;
  @ApiProperty() vehicles!: number;
  @ApiProperty({ enum: HOUSING_KINDS, enumName: 'HousingKind' }) housing!: HousingKind;
  @ApiProperty() medicalExpenseFen!: number;
  @ApiProperty() educationExpenseFen!: number;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) graceEndsAt!:
    string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) lastAssessedAt!:
    string | null;
  @ApiProperty({ type: [MemberDto] }) members!: MemberDto[];
  @ApiProperty({ type: [HouseholdWarningDto] }) warnings!: HouseholdWarningDto[];
  @ApiProperty() version!: number;
}

export class NeedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) severity!: number;
  @ApiProperty({ enum: ['normal', 'urgent', 'emergency'] }) urgency!: string;
  @ApiProperty({ enum: ['open', 'matched', 'fulfilled', 'closed_unmet', 'withdrawn'] })
  status!: string;
  @ApiProperty({ example: 'rule:medical-severe' }) source!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) note!: string | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'The assessed money gap (fen), for needs of a money-gap category; null without one',
  })
  gapFen!: number | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}
