import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { NeedGapDto, StackingConflictDto } from '@onedoor/ledger';
import { WorkQueueFieldsDto, WorkQueueQueryDto } from '../work-queue';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../match-proposal.entity';

export class ExplanationItemDto {
  @ApiProperty({ enum: ['level', 'severity', 'urgency', 'rating', 'capacity', 'valueFit'] })
  factor!: string;
  @ApiProperty({ description: '0–1' }) value!: number;
  @ApiProperty() weight!: number;
  @ApiProperty() contribution!: number;
}

export class ProposalDto extends PartialType(WorkQueueFieldsDto) {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) needId!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ format: 'uuid' }) resourceId!: string;
  @ApiProperty() resourceTitle!: string;
  @ApiProperty() providerName!: string;
  @ApiProperty({ enum: ['community', 'street', 'district'] }) serviceLevel!: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES, enumName: 'ProposalStatus' }) status!: ProposalStatus;
  @ApiProperty() categoryCode!: string;
  @ApiProperty({ enum: ['normal', 'urgent', 'emergency'] }) urgency!: string;
  @ApiProperty() score!: number;
  @ApiProperty() rank!: number;
  @ApiProperty({ type: [ExplanationItemDto] }) explanation!: ExplanationItemDto[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      "How much of the need's money gap (fen) this proposal would cover; null without a gap",
  })
  coversFen?: number | null;
}

export class RejectionDto {
  @ApiProperty({ format: 'uuid' }) resourceId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) resourceTitle!: string | null;
  @ApiProperty({
    enum: [
      'OUTSIDE_COVERAGE',
      'NOT_VALID',
      'PARKED',
      'CAPACITY_EXHAUSTED',
      'ELIGIBILITY',
      'DUPLICATE_ASSISTANCE',
    ],
  })
  reason!: string;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', additionalProperties: true } })
  failed?: unknown[];
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({
    type: StackingConflictDto,
    description: 'For DUPLICATE_ASSISTANCE: the rule and the benefit it conflicts with',
  })
  stacking?: StackingConflictDto;
}

export class NeedMatchesDto {
  @ApiProperty({ format: 'uuid' }) needId!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty() severity!: number;
  @ApiProperty({ enum: ['normal', 'urgent', 'emergency'] }) urgency!: string;
  @ApiProperty() status!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) lastMatchedAt!:
    string | null;
  @ApiPropertyOptional({ type: [String], nullable: true, description: 'Why nothing was proposed' })
  unmetReasons!: string[] | null;
  @ApiPropertyOptional({
    type: NeedGapDto,
    nullable: true,
    description: 'The assessed money gap and how much of it is covered; null without one',
  })
  gap?: NeedGapDto | null;
  @ApiProperty({ type: [ProposalDto] }) proposals!: ProposalDto[];
  @ApiProperty({
    type: [RejectionDto],
    description: 'Candidates in the category and why each was excluded',
  })
  rejected!: RejectionDto[];
}

export class MatchQueryDto extends WorkQueueQueryDto {
  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES, enumName: 'ProposalStatus', default: 'proposed' })
  @IsOptional()
  @IsIn(PROPOSAL_STATUSES)
  status?: ProposalStatus;

  @ApiPropertyOptional({ enum: ['normal', 'urgent', 'emergency'] })
  @IsOptional()
  @IsIn(['normal', 'urgent', 'emergency'])
  urgency?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Households in this area’s subtree' })
  @IsOptional()
  @IsUUID()
  areaId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  householdId?: string;
}
