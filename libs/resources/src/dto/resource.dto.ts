import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AreaSummaryDto } from '@onedoor/areas';
import { PageQueryDto } from '@onedoor/platform';
import type { EligibilityRules } from '../eligibility/eligibility.types';
import {
  RESOURCE_FORMS,
  RESOURCE_STATUSES,
  type ResourceForm,
  type ResourceStatus,
  SERVICE_LEVELS,
  type ServiceLevel,
} from '../resource.types';
import { ProviderSummaryDto } from './provider.dto';

const ELIGIBILITY_DOC =
  'Rule document: `{ "all": [...] }`, `{ "any": [...] }` or one predicate — tier {in}, circle {in|max}, ' +
  'perCapitaIncomeRatio {min,max}, memberAge {min,max}, hasDisability, hasChronicIllness, residency {in}, ' +
  'householdSize {min,max}, childrenInSchool {min,max}, householdTags {any,all,none}. Omit or null: no conditions.';

export class CreateResourceDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Provider users: omit (their own organization); admin: required',
  })
  @IsOptional()
  @IsUUID()
  providerId?: string;

  @ApiProperty({ example: '临时救助金' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiPropertyOptional({ example: '对遭遇突发事件、意外伤害的家庭给予一次性救助' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ example: 'emergency' })
  @IsString()
  @Length(1, 40)
  categoryCode!: string;

  @ApiProperty({ enum: RESOURCE_FORMS, enumName: 'ResourceForm' })
  @IsIn(RESOURCE_FORMS)
  form!: ResourceForm;

  @ApiProperty({ enum: SERVICE_LEVELS, enumName: 'ServiceLevel' })
  @IsIn(SERVICE_LEVELS)
  serviceLevel!: ServiceLevel;

  @ApiProperty({
    format: 'uuid',
    description: 'The resource covers this area and everything below it',
  })
  @IsUUID()
  coverageAreaId!: string;

  @ApiProperty({
    minimum: 0,
    example: 50,
    description: 'Units (households or portions) it can serve',
  })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  capacity!: number;

  @ApiPropertyOptional({
    minimum: 0,
    example: 200000,
    description: 'Fen per unit; required for cash and in-kind',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  valuePerUnitFen?: number;

  @ApiProperty({ format: 'date', example: '2026-01-01' })
  @IsDateString({ strict: true })
  validFrom!: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-31' })
  @IsOptional()
  @IsDateString({ strict: true })
  validUntil?: string;

  @ApiPropertyOptional({ example: '工作日 9:00-17:00 到街道服务大厅办理' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  contactNotes?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: ELIGIBILITY_DOC,
  })
  @IsOptional()
  @IsObject()
  eligibility?: EligibilityRules | null;
}

export class UpdateResourceDto extends PartialType(
  PickType(CreateResourceDto, [
    'title',
    'description',
    'categoryCode',
    'form',
    'serviceLevel',
    'coverageAreaId',
    'capacity',
    'valuePerUnitFen',
    'validFrom',
    'validUntil',
    'contactNotes',
    'eligibility',
  ] as const),
  // Omitted means "unchanged"; null passes only where the base field allows it (@IsOptional).
  { skipNullProperties: false },
) {
  @ApiProperty({ description: 'The version you read; a stale one is 409 STALE_VERSION' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class TransitionDto {
  @ApiPropertyOptional({
    description: 'Required to reject and to close',
    example: '覆盖范围填写有误',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class ResourceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'medical' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  category?: string;

  @ApiPropertyOptional({ enum: RESOURCE_FORMS, enumName: 'ResourceForm' })
  @IsOptional()
  @IsIn(RESOURCE_FORMS)
  form?: ResourceForm;

  @ApiPropertyOptional({ enum: SERVICE_LEVELS, enumName: 'ServiceLevel' })
  @IsOptional()
  @IsIn(SERVICE_LEVELS)
  level?: ServiceLevel;

  @ApiPropertyOptional({ enum: RESOURCE_STATUSES, enumName: 'ResourceStatus' })
  @IsOptional()
  @IsIn(RESOURCE_STATUSES)
  status?: ResourceStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  providerId?: string;

  @ApiPropertyOptional({
    description: 'Text in title or description (trigram-indexed)',
    example: '助学',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only resources whose coverage contains this area',
  })
  @IsOptional()
  @IsUUID()
  coversArea?: string;
}

export class ResourceDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: ProviderSummaryDto })
  provider!: ProviderSummaryDto;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty()
  categoryCode!: string;

  @ApiProperty({ enum: RESOURCE_FORMS, enumName: 'ResourceForm' })
  form!: ResourceForm;

  @ApiProperty({ enum: SERVICE_LEVELS, enumName: 'ServiceLevel' })
  serviceLevel!: ServiceLevel;

  @ApiProperty({ type: AreaSummaryDto })
  coverageArea!: AreaSummaryDto;

  @ApiProperty()
  capacity!: number;

  @ApiProperty()
  reserved!: number;

  @ApiProperty()
  delivered!: number;

  @ApiProperty({ description: 'capacity − reserved − delivered' })
  remaining!: number;

  @ApiPropertyOptional({ type: Number, nullable: true })
  valuePerUnitFen!: number | null;

  @ApiProperty({ format: 'date' })
  validFrom!: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  validUntil!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  contactNotes!: string | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  eligibility!: EligibilityRules | null;

  @ApiProperty({ description: 'The rules in words' })
  eligibilityText!: string;

  @ApiProperty({ enum: RESOURCE_STATUSES, enumName: 'ResourceStatus' })
  status!: ResourceStatus;

  @ApiPropertyOptional({ type: String, nullable: true })
  statusReason!: string | null;

  @ApiProperty()
  version!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({
    example: '/resources/…/history',
    description: 'Where its history is',
  })
  historyUrl!: string;
}

export class EligibilityCheckBodyDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: `${ELIGIBILITY_DOC} Checked as a resource's rules would be; nothing is saved.`,
  })
  @IsOptional()
  @IsObject()
  eligibility?: EligibilityRules | null;
}

export class RuleErrorDto {
  @ApiProperty({ example: 'eligibility.all[1].memberAge', description: 'Path of the bad node' })
  field!: string;

  @ApiProperty({ example: 'eligibilityRule' })
  constraint!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: '`problem` names what is wrong (minOverMax, emptyGroup, outOfRange …)',
  })
  params?: Record<string, unknown>;

  @ApiProperty({ example: '最小值不能大于最大值', description: "In the request's language" })
  message!: string;
}

export class EligibilityCheckDto {
  @ApiProperty()
  valid!: boolean;

  @ApiProperty({
    example: '家庭类别为低保、特困；（满足其一：有成员年龄≥60岁 或 有持证残疾成员）',
    description: 'The rules in words (Chinese), as listings show them; empty when invalid',
  })
  description!: string;

  @ApiProperty({ type: [RuleErrorDto], description: 'One per bad node; empty when valid' })
  errors!: RuleErrorDto[];
}
