import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
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
import { WorkQueueFieldsDto, WorkQueueQueryDto } from '../work-queue';
import {
  CONSENT_METHODS,
  DECLINE_REASONS,
  type DeclineReason,
  REFERRAL_STATUSES,
} from './referral.entity';

export class RejectProposalDto {
  @ApiProperty({ description: 'Why the proposal is rejected (kept with it and in the audit)' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class DeclineReferralDto {
  @ApiProperty({ enum: DECLINE_REASONS, enumName: 'DeclineReason' })
  @IsIn(DECLINE_REASONS)
  reason!: DeclineReason;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}

export class DeliverReferralDto {
  @ApiPropertyOptional({
    default: 1,
    description: 'Units delivered: the reserved unit, plus any more if capacity allows',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  units?: number;

  @ApiPropertyOptional({ description: 'Amount delivered, in fen (cash and in-kind)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  amountFen?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}

export class CloseReferralDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: "The household's satisfaction" })
  @IsInt()
  @Min(1)
  @Max(5)
  satisfaction!: number;

  @ApiProperty({ description: 'Whether the need is resolved (false re-opens and re-matches it)' })
  @IsBoolean()
  resolved!: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}

export class ReferralQueryDto extends WorkQueueQueryDto {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES, enumName: 'ReferralStatus' })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  providerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "One household's referrals" })
  @IsOptional()
  @IsUUID()
  householdId?: string;

  @ApiPropertyOptional({ description: 'Only open or accepted referrals past a deadline' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    description: "Only referrals escalated to the reader's own area (staff: escalated to me)",
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  escalatedToMe?: boolean;
}

export class ReferralDto extends PartialType(WorkQueueFieldsDto) {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty({ format: 'uuid' }) needId!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ format: 'uuid' }) resourceId!: string;
  @ApiProperty() resourceTitle!: string;
  @ApiProperty({ format: 'uuid' }) providerId!: string;
  @ApiProperty() providerName!: string;
  @ApiProperty({ enum: REFERRAL_STATUSES, enumName: 'ReferralStatus' }) status!: string;
  @ApiProperty({ enum: ['normal', 'urgent', 'emergency'] }) urgency!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty({ type: String, format: 'date-time' }) acceptDueAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) deliverDueAt!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  acceptedAt!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  deliveredAt!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  closedAt!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  endedAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    enum: DECLINE_REASONS,
    enumName: 'DeclineReason',
    nullable: true,
  })
  declineReason!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) declineNote!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) unitsDelivered!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) amountDeliveredFen!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) satisfaction!: number | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true }) needResolved!: boolean | null;
  @ApiPropertyOptional({ type: String, nullable: true }) feedbackNote!: string | null;
  @ApiProperty({ description: 'A deadline passed (set by the SLA sweep)' }) overdue!: boolean;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  overdueAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The area whose civil-affairs staff it was escalated to',
  })
  escalatedToAreaId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class ConsentDto {
  @ApiProperty({
    description: 'Whether the household agreed to share its contact with the provider',
  })
  @IsBoolean()
  given!: boolean;

  @ApiProperty({
    description: 'Who gave (or refused) it: the head, a member, a guardian…',
    example: '户主本人',
  })
  @IsString()
  @Length(1, 100)
  by!: string;

  @ApiProperty({ enum: CONSENT_METHODS })
  @IsIn(CONSENT_METHODS)
  method!: (typeof CONSENT_METHODS)[number];

  @ApiProperty({ type: String, format: 'date-time', description: 'When it was given' })
  @IsDateString()
  at!: string;
}

export class ApproveMatchDto {
  @ApiPropertyOptional({
    type: ConsentDto,
    description:
      "The household's consent to share its contact (name, phone, address) with the provider. Without it (or refused), the provider is given the approving officer's name and phone instead",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentDto)
  consent?: ConsentDto;
}

export class ConsentViewDto extends ConsentDto {
  @ApiProperty({ format: 'uuid', description: 'The officer who recorded it' }) recordedBy!: string;
}

export class ReferralContactDto {
  @ApiProperty({
    enum: ['household', 'officer'],
    description:
      "household: shared under the household's consent; officer: the approving officer, to reach the household through",
  })
  kind!: 'household' | 'officer';
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) phone!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The household only' })
  address!: string | null;
}

export class ContactAccessDto {
  @ApiProperty({ format: 'uuid' }) referralId!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ format: 'uuid' }) readerId!: string;
  @ApiProperty() readerRole!: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) providerId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) readAt!: string;
}

export class ReferralDetailDto extends ReferralDto {
  @ApiPropertyOptional({
    type: ConsentViewDto,
    description: 'The consent recorded at approval; absent when none was',
  })
  consent?: ConsentViewDto;

  @ApiPropertyOptional({
    type: ReferralContactDto,
    description:
      "Providers only: the household's contact under consent (each such read is logged), else the approving officer's",
  })
  contact?: ReferralContactDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The decision snapshot: household facts, need, rule document and version, score and explanation at approval. Providers get it without the household facts.',
  })
  snapshot!: Record<string, unknown>;

  @ApiProperty({ type: [AuditEntryDto], description: 'Every state change, oldest first' })
  history!: AuditEntryDto[];
}
