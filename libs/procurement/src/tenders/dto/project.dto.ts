import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
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
  Min,
  ValidateNested,
} from 'class-validator';
import { AuditEntryDto, PageQueryDto } from '@onedoor/platform';
import { PROJECT_STATUSES, type ProjectStatus } from '../../procurement.types';
import { AwardDto } from '../../awards/dto/award.dto';

export class CriterionDto {
  @ApiProperty({
    example: 'service_proposal',
    description:
      'price, professional_qualification, internal_governance, human_resources and service_proposal are required; other codes may be added',
  })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/)
  code!: string;

  @ApiProperty({ example: '服务方案' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({
    minimum: 1,
    maximum: 100,
    description: 'Integer weights of all criteria sum to 100',
  })
  @IsInt()
  @Min(1)
  @Max(100)
  weight!: number;
}

export class RequirementsDto {
  @ApiProperty({ minimum: 0, example: 3 })
  @IsInt()
  @Min(0)
  @Max(1000)
  minCertifiedSocialWorkers!: number;

  @ApiProperty({ minimum: 0, example: 2 })
  @IsInt()
  @Min(0)
  @Max(100)
  minYearsOperating!: number;

  @ApiPropertyOptional({
    default: true,
    description: 'The organization must still be verified at qualification',
  })
  @IsOptional()
  @IsBoolean()
  verifiedOnly?: boolean;
}

export class MilestonePlanDto {
  @ApiProperty({ example: '完成入户评估与个案建档' })
  @IsString()
  @Length(1, 500)
  deliverable!: string;

  @ApiProperty({ format: 'date', example: '2027-06-30' })
  @IsDateString({ strict: true })
  dueDate!: string;

  @ApiProperty({
    minimum: 1,
    maximum: 100,
    description: 'Share of the contract value; shares sum to 100',
  })
  @IsInt()
  @Min(1)
  @Max(100)
  sharePercent!: number;
}

export class DimensionWeightsDto {
  @ApiProperty({ default: 20 }) @IsInt() @Min(0) @Max(100) administrativeSupervision!: number;
  @ApiProperty({ default: 40 }) @IsInt() @Min(0) @Max(100) serviceOutcomes!: number;
  @ApiProperty({ default: 20 }) @IsInt() @Min(0) @Max(100) projectManagement!: number;
  @ApiProperty({ default: 20 }) @IsInt() @Min(0) @Max(100) socialImpact!: number;
}

export class CreateProjectDto {
  @ApiProperty({ example: '困境儿童关爱服务项目' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: 'care', description: 'Resource category the purchased service provides' })
  @IsString()
  @Length(1, 40)
  categoryCode!: string;

  @ApiProperty({ format: 'uuid', description: 'The area served (within the officer’s scope)' })
  @IsUUID()
  areaId!: string;

  @ApiProperty({ minimum: 1, example: 50_000_000, description: 'Budget ceiling, in fen' })
  @IsInt()
  @Min(1)
  @Max(1e13)
  budgetFen!: number;

  @ApiProperty({ minimum: 1, example: 120 })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  targetHouseholds!: number;

  @ApiProperty({ format: 'date', example: '2027-01-01' })
  @IsDateString({ strict: true })
  serviceStart!: string;

  @ApiProperty({ format: 'date', example: '2027-12-31' })
  @IsDateString({ strict: true })
  serviceEnd!: string;

  @ApiProperty({ example: '为辖区困境儿童提供个案管理、学业辅导与心理支持' })
  @IsString()
  @Length(1, 10_000)
  description!: string;

  @ApiProperty({ type: RequirementsDto })
  @ValidateNested()
  @Type(() => RequirementsDto)
  requirements!: RequirementsDto;

  @ApiProperty({ type: [CriterionDto] })
  @IsArray()
  @ArrayMinSize(5)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria!: CriterionDto[];

  @ApiPropertyOptional({
    type: [MilestonePlanDto],
    description:
      'Payment plan of the contract (shares sum to 100, due within the service period); default: 100% at the end of the service',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(24)
  @ValidateNested({ each: true })
  @Type(() => MilestonePlanDto)
  milestones?: MilestonePlanDto[];

  @ApiPropertyOptional({
    type: DimensionWeightsDto,
    description: 'Performance-evaluation weights (sum 100); default 20/40/20/20',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DimensionWeightsDto)
  evaluationWeights?: DimensionWeightsDto;
}

// Omitted means "unchanged"; null passes only where the base field allows it (@IsOptional):
// a null budget would reach a NOT NULL column.
export class UpdateProjectDto extends PartialType(CreateProjectDto, {
  skipNullProperties: false,
}) {}

export class PublishProjectDto {
  @ApiProperty({
    format: 'date-time',
    description: 'Bidding deadline: at least the minimum period ahead',
  })
  @IsDateString()
  closesAt!: string;
}

export class ReasonDto {
  @ApiProperty()
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class ProjectQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROJECT_STATUSES, enumName: 'ProjectStatus' })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;
}

export class ProjectDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty({ format: 'uuid' }) areaId!: string;
  @ApiProperty() budgetFen!: number;
  @ApiProperty() targetHouseholds!: number;
  @ApiProperty({ format: 'date' }) serviceStart!: string;
  @ApiProperty({ format: 'date' }) serviceEnd!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: RequirementsDto }) requirements!: RequirementsDto;
  @ApiProperty({ type: [CriterionDto] }) criteria!: CriterionDto[];
  @ApiProperty({ type: [MilestonePlanDto] }) milestones!: MilestonePlanDto[];
  @ApiProperty({ type: DimensionWeightsDto }) evaluationWeights!: DimensionWeightsDto;
  @ApiProperty({ enum: PROJECT_STATUSES, enumName: 'ProjectStatus' }) status!: ProjectStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closesAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) endReason!: string | null;
  @ApiProperty({ description: 'Live bids: the only figure shown while bids are sealed' })
  bidCount!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ProjectDetailDto extends ProjectDto {
  @ApiProperty({ type: [String], description: 'Evaluator user ids on the panel' })
  panel!: string[];
  @ApiProperty({ type: [AwardDto] }) awards!: AwardDto[];
  @ApiProperty({ type: [AuditEntryDto] }) history!: AuditEntryDto[];
}
