import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { AuditEntryDto } from '@onedoor/platform';
import { DimensionWeightsDto } from '../dto/project.dto';
import {
  CONTRACT_STATUSES,
  type ContractStatus,
  EVALUATION_KINDS,
  EVALUATOR_TYPES,
  type EvaluationKind,
  type EvaluatorType,
  GRADES,
  type Grade,
  MILESTONE_OUTCOMES,
  type MilestoneOutcome,
  PAYMENT_STATUSES,
  type PaymentStatus,
} from './contract.entities';

const DECIDED = MILESTONE_OUTCOMES.filter((o) => o !== 'scheduled');

export class MilestoneOutcomeDto {
  @ApiProperty({ enum: DECIDED, enumName: 'MilestoneDecision' })
  @IsIn(DECIDED)
  outcome!: Exclude<MilestoneOutcome, 'scheduled'>;

  @ApiProperty({ description: 'What was delivered, and the evidence seen' })
  @IsString()
  @Length(1, 5000)
  evidence!: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 99,
    description: 'partially_met only: share of the milestone delivered (paid pro rata)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  deliveredPercent?: number;
}

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

export class MilestoneDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() deliverable!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty() sharePercent!: number;
  @ApiProperty({ description: 'share × contract value' }) amountFen!: number;
  @ApiProperty({ enum: MILESTONE_OUTCOMES, enumName: 'MilestoneOutcome' })
  outcome!: MilestoneOutcome;
  @ApiProperty({ type: Number, nullable: true }) deliveredPercent!: number | null;
  @ApiProperty({ type: String, nullable: true }) evidence!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'What the outcome makes payable' })
  payableFen!: number | null;
  @ApiProperty({
    enum: PAYMENT_STATUSES,
    enumName: 'MilestonePaymentStatus',
    description: 'waiting: payable, held until the latest evaluation is pass or better',
  })
  paymentStatus!: PaymentStatus;
}

export class PaymentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) milestoneId!: string;
  @ApiProperty() amountFen!: number;
  @ApiProperty({ format: 'uuid', description: 'The passing evaluation that allowed it' })
  evaluationId!: string;
  @ApiProperty({ format: 'date-time' }) paidAt!: string;
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

export class ContractDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ format: 'uuid' }) awardId!: string;
  @ApiProperty({ format: 'uuid' }) providerId!: string;
  @ApiProperty({ format: 'uuid', description: 'The purchased service in the resource pool' })
  resourceId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() valueFen!: number;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
  @ApiProperty({ enum: CONTRACT_STATUSES, enumName: 'ContractStatus' }) status!: ContractStatus;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) terminationReason!: string | null;
  @ApiProperty({
    type: String,
    enum: GRADES,
    nullable: true,
    description: 'Grade of the latest completed evaluation',
  })
  latestGrade!: Grade | null;
}

export class ContractDetailDto extends ContractDto {
  @ApiProperty({ type: [MilestoneDto] }) milestones!: MilestoneDto[];
  @ApiProperty({ type: [PaymentDto] }) payments!: PaymentDto[];
  @ApiProperty({ description: 'Sum of the payments' }) paidFen!: number;
  @ApiProperty({ type: [EvaluationDto] }) evaluations!: EvaluationDto[];
  @ApiProperty({ type: [AuditEntryDto] }) history!: AuditEntryDto[];
}
