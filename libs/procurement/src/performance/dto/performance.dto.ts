import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { DimensionWeightsDto } from '../../tenders/dto/project.dto';
import {
  EVALUATION_KINDS,
  EVALUATOR_TYPES,
  type EvaluationKind,
  type EvaluatorType,
  GRADES,
  type Grade,
} from '../performance.entities';

export class EvaluatorAssignmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ enum: EVALUATOR_TYPES, enumName: 'EvaluatorType' })
  @IsIn(EVALUATOR_TYPES)
  type!: EvaluatorType;
}

export class OpenEvaluationDto {
  @ApiProperty({ enum: EVALUATION_KINDS, enumName: 'EvaluationKind' })
  @IsIn(EVALUATION_KINDS)
  kind!: EvaluationKind;

  @ApiProperty({
    type: [EvaluatorAssignmentDto],
    description:
      'At least one evaluator of each type: government, third_party, recipient_representative',
  })
  @IsArray()
  @ArrayMinSize(3)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => EvaluatorAssignmentDto)
  evaluators!: EvaluatorAssignmentDto[];
}

export class EvaluationScoresDto extends DimensionWeightsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  comment?: string;
}

export class CommentDto {
  @ApiProperty()
  @IsString()
  @Length(1, 5000)
  comment!: string;
}

export class EvidenceDto {
  @ApiProperty() referrals!: number;
  @ApiProperty() acceptedWithinDeadline!: number;
  @ApiProperty() deliveredWithinDeadline!: number;
  @ApiProperty() closedResolved!: number;
  @ApiProperty({ type: Number, nullable: true }) meanSatisfaction!: number | null;
  @ApiProperty() satisfactionResponses!: number;
}

export class AssignmentDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: EVALUATOR_TYPES, enumName: 'EvaluatorType' }) type!: EvaluatorType;
  @ApiProperty() submitted!: boolean;
  @ApiProperty({
    type: DimensionWeightsDto,
    nullable: true,
    description: 'Shown once the evaluation is completed (and to the evaluator)',
  })
  scores!: DimensionWeightsDto | null;
  @ApiProperty({ type: Number, nullable: true }) total!: number | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
}

export class EvaluationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty({ enum: EVALUATION_KINDS, enumName: 'EvaluationKind' }) kind!: EvaluationKind;
  @ApiProperty({ enum: ['open', 'completed'], enumName: 'EvaluationStatus' }) status!:
    'open' | 'completed';
  @ApiProperty({ type: DimensionWeightsDto }) weights!: DimensionWeightsDto;
  @ApiProperty({ type: [AssignmentDto] }) evaluators!: AssignmentDto[];
  @ApiProperty({
    type: DimensionWeightsDto,
    nullable: true,
    description: 'Mean per dimension over evaluators',
  })
  dimensionMeans!: DimensionWeightsDto | null;
  @ApiProperty({ type: Number, nullable: true }) finalScore!: number | null;
  @ApiProperty({ type: String, enum: GRADES, enumName: 'Grade', nullable: true })
  grade!: Grade | null;
  @ApiProperty({
    type: EvidenceDto,
    description:
      'Platform evidence beside service outcomes: live while open, as it stood at completion after',
  })
  evidence!: EvidenceDto;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) commentDueAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) providerComment!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) providerCommentedAt!:
    string | null;
}

export class AssignedEvaluationsQueryDto {
  @ApiProperty({
    enum: ['me'],
    description: 'Whose assignments: the caller’s (the only value, kept for later filters)',
  })
  @IsIn(['me'])
  assignedTo!: 'me';
}

export class AssignedEvaluationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty() contractTitle!: string;
  @ApiProperty() providerName!: string;
  @ApiProperty({ enum: EVALUATION_KINDS, enumName: 'EvaluationKind' }) kind!: EvaluationKind;
  @ApiProperty({ enum: ['open', 'completed'], enumName: 'EvaluationStatus' }) status!:
    'open' | 'completed';
  @ApiProperty({ enum: EVALUATOR_TYPES, enumName: 'EvaluatorType' }) type!: EvaluatorType;
  @ApiProperty({ description: 'Whether the caller has submitted their scores' })
  submitted!: boolean;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
}
