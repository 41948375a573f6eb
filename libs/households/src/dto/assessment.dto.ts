import { TIER_REASON_CODES, type TierReasonCode } from '../tier/tier.util';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { TIERS, type Tier } from '@onedoor/resources';
import { ASSESSMENT_STATUSES, type AssessmentStatus } from '../household.types';
import type { Answers, TemplateDefinition } from '../template/template.types';
import { URGENCIES, type Urgency } from '../template/template.types';
import { NeedDto } from './household.dto';

export class CreateTemplateDto {
  @ApiProperty({
    example: 'comprehensive',
    description: 'An existing code publishes its next version',
  })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, {
    message: 'code must be 2-40 lower-case letters, digits or _',
  })
  code!: string;

  @ApiProperty({ example: '困难家庭综合评估' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'dimensions, items, needRules (see docs/domain.md, Assessment templates)',
  })
  @IsObject()
  definition!: TemplateDefinition;
}

export class TemplateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) definition!: TemplateDefinition;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class CreateAssessmentDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A template version; default: the latest comprehensive one',
  })
  @IsOptional()
  @IsUUID()
  templateId?: string;
}

export class UpdateAssessmentDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { no_labour_capacity: false, housing_condition: 'poor' },
  })
  @IsObject()
  answers!: Answers;
}

export class NeedChangeDto {
  @ApiProperty({ example: 'legal_aid' })
  @IsString()
  @Length(1, 40)
  categoryCode!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Required when adding' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  severity?: number;

  @ApiPropertyOptional({ enum: URGENCIES, description: 'Required when adding' })
  @IsOptional()
  @IsIn(URGENCIES)
  urgency?: Urgency;

  @ApiProperty({ example: '入户走访发现房屋租赁纠纷' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class CompleteAssessmentDto {
  @ApiPropertyOptional({
    type: [NeedChangeDto],
    description: 'Needs the rules missed, each with a reason',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => NeedChangeDto)
  addNeeds?: NeedChangeDto[];

  @ApiPropertyOptional({
    type: [NeedChangeDto],
    description: 'Rule-found needs to drop, by category, each with a reason',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => NeedChangeDto)
  removeNeeds?: NeedChangeDto[];
}

export class AssessmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ format: 'uuid' }) templateId!: string;
  @ApiProperty() templateVersion!: number;
  @ApiProperty({ enum: ASSESSMENT_STATUSES, enumName: 'AssessmentStatus' })
  status!: AssessmentStatus;
  @ApiProperty({ type: 'object', additionalProperties: true }) answers!: Answers;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  dimensionScores!: Record<string, number> | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) totalScore!: number | null;
  @ApiPropertyOptional({ enum: TIERS, type: String, nullable: true }) tier!: Tier | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) circle!: number | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The rule that set the tier, as recorded (English); tierReasonCode has its label',
  })
  tierReason!: string | null;
  @ApiPropertyOptional({
    enum: TIER_REASON_CODES,
    enumName: 'TierReasonCode',
    type: String,
    nullable: true,
    description: 'Why this tier: labelled in GET /api/dictionaries (group tierReason)',
  })
  tierReasonCode!: TierReasonCode | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) completedAt!:
    string | null;
  @ApiProperty({ type: [NeedDto], description: 'Needs this assessment found' }) needs!: NeedDto[];
  @ApiProperty() version!: number;
}

export class AssessmentQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  householdId?: string;
}
