import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { AuditEntryDto } from '@onedoor/platform';
import {
  CONTRACT_STATUSES,
  type ContractStatus,
  MILESTONE_OUTCOMES,
  type MilestoneOutcome,
  PAYMENT_STATUSES,
  type PaymentStatus,
} from '../contract.entities';
import { EvaluationDto } from '../../performance/dto/performance.dto';
import { GRADES, type Grade } from '../../performance/performance.entities';

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

export class ContractDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ format: 'uuid' }) awardId!: string;
  @ApiProperty({ format: 'uuid' }) providerId!: string;
  @ApiProperty({ description: 'The contracted organization' }) providerName!: string;
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
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Due date of the first milestone without an outcome',
  })
  nextMilestoneDue!: string | null;
}

export class ContractDetailDto extends ContractDto {
  @ApiProperty({ type: [MilestoneDto] }) milestones!: MilestoneDto[];
  @ApiProperty({ type: [PaymentDto] }) payments!: PaymentDto[];
  @ApiProperty({ description: 'Sum of the payments' }) paidFen!: number;
  @ApiProperty({ type: [EvaluationDto] }) evaluations!: EvaluationDto[];
  @ApiProperty({ type: [AuditEntryDto] }) history!: AuditEntryDto[];
}
