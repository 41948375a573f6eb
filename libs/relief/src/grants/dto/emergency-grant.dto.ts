import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '@onedoor/platform';
import {
  FUND_STATUSES,
  type FundStatus,
  GRANT_STATUSES,
  type GrantStatus,
} from '../../relief.types';

/** ¥1,000,000: far above any emergency grant, well inside a JS safe integer. */
export const MAX_GRANT_FEN = 100_000_000;

/** A grant requested for a household in the caller's scope, from a fund that covers it. */
export class RequestGrantDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  householdId!: string;

  @ApiProperty({ format: 'uuid', description: 'An active fund whose area contains the household' })
  @IsUUID()
  fundId!: string;

  @ApiProperty({ minimum: 1, maximum: MAX_GRANT_FEN, example: 80000, description: 'Fen' })
  @IsInt()
  @Min(1)
  @Max(MAX_GRANT_FEN)
  amountFen!: number;

  @ApiProperty({
    example: '家中突发火灾，房屋损毁，急需生活救助',
    description: 'What happened, why this amount',
  })
  @IsString()
  @Length(2, 2000)
  reason!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The household’s need it serves' })
  @IsOptional()
  @IsUUID()
  needId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The lead it answers' })
  @IsOptional()
  @IsUUID()
  leadId?: string;
}

/** The officer's decision: the amount (and fund) may differ from the request. */
export class ApproveGrantDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_GRANT_FEN,
    description: 'Fen; omitted: the amount requested',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_GRANT_FEN)
  amountFen?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Another fund to pay from; omitted: the one requested',
  })
  @IsOptional()
  @IsUUID()
  fundId?: string;

  @ApiPropertyOptional({ example: '情况属实，同意救助' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}

export class RejectGrantDto {
  @ApiProperty({ example: '已享受同类救助，不符合条件' })
  @IsString()
  @Length(2, 1000)
  reason!: string;
}

/** Why an approved grant is cancelled (approved by mistake, the family cannot be paid). */
export class CancelGrantDto {
  @ApiProperty({ example: '多次联系家属未果，无法发放' })
  @IsString()
  @Length(2, 1000)
  reason!: string;
}

export class PayGrantDto {
  @ApiProperty({ example: '银行转账 尾号1234', description: 'How it was handed over' })
  @IsString()
  @Length(1, 500)
  paymentNote!: string;
}

export class GrantQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: GRANT_STATUSES, enumName: 'GrantStatus' })
  @IsOptional()
  @IsIn(GRANT_STATUSES)
  status?: GrantStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  householdId?: string;
}

/** A grant as staff read it, with what the caller may do about it. */
export class EmergencyGrantDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The head of household' })
  headName!: string | null;
  @ApiProperty() communityName!: string;
  @ApiProperty({ format: 'uuid' }) fundId!: string;
  @ApiProperty() fundName!: string;
  @ApiProperty({ description: 'The fund’s balance now, fen' }) fundBalanceFen!: number;
  @ApiProperty({ enum: FUND_STATUSES, enumName: 'FundStatus' }) fundStatus!: FundStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) leadId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) needId!: string | null;
  @ApiProperty({ example: 'emergency' }) categoryCode!: string;
  @ApiProperty({ description: 'Fen: requested, then as approved' }) amountFen!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: GRANT_STATUSES, enumName: 'GrantStatus' }) status!: GrantStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) requestedById!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) decisionDueAt!: string;
  @ApiProperty({ description: 'Requested and past its decision deadline' }) overdue!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) escalatedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedByName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The approval’s note or the rejection’s reason',
  })
  decisionNote!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) paidAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) paymentNote!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The ledger entry its payment wrote',
  })
  entryId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() version!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The caller’s delegated limit, fen (null: no limit; 0 for who does not decide)',
  })
  approverLimitFen!: number | null;
  @ApiProperty({ description: 'The caller may approve it at this amount (state, role, limit)' })
  canApprove!: boolean;
}

/** An area with the delegated limit of its officers. */
export class GrantLimitDto {
  @ApiProperty({ format: 'uuid' }) areaId!: string;
  @ApiProperty() areaName!: string;
  @ApiProperty({ example: 'street' }) level!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Fen; null: no limit' })
  maxFen!: number | null;
  @ApiProperty({ description: 'No row for the area: its level’s default applies' })
  isDefault!: boolean;
  @ApiProperty({ description: 'The caller may set it (admin, or staff of an area above)' })
  canEdit!: boolean;
}

export class SetGrantLimitDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: MAX_GRANT_FEN,
    description: 'Fen; null: no limit',
  })
  // null is said on purpose (no limit); a missing key is refused, not read as "no limit".
  @ValidateIf((o: SetGrantLimitDto) => o.maxFen !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_GRANT_FEN)
  maxFen!: number | null;
}

/** A fund that may pay a grant for the household (active, its area contains the household). */
export class GrantFundDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() managingOffice!: string;
  @ApiProperty({ description: 'Fen' }) balanceFen!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The only category it pays for' })
  restrictedCategoryCode!: string | null;
}

export class GrantFundsQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The household (exactly one of householdId and communityId)',
  })
  // Required when no community is given; validated whenever present.
  @ValidateIf((q: GrantFundsQueryDto) => q.communityId === undefined || q.householdId !== undefined)
  @IsUUID()
  householdId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A community, for a family not registered yet (the emergency intake form)',
  })
  @IsOptional()
  @IsUUID()
  communityId?: string;
}
