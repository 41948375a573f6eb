import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
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
} from 'class-validator';
import { DAY_PATTERN, IsOptionalNotNull, PageQueryDto } from '@onedoor/platform';
import {
  FUND_KINDS,
  FUND_MOVEMENT_KINDS,
  FUND_STATUSES,
  type FundKind,
  type FundMovementKind,
  type FundStatus,
} from '../../relief.types';

export const CATEGORY_CODE = /^[a-z][a-z0-9_]{1,39}$/;
/** 1 亿元 per operation: far above any fund's year, well inside a bigint and a JS safe integer. */
export const MAX_FUND_FEN = 10_000_000_000;

export class CreateReliefFundDto {
  @ApiProperty({ enum: FUND_KINDS, enumName: 'FundKind' })
  @IsIn(FUND_KINDS)
  kind!: FundKind;

  @ApiProperty({ example: '和平区临时救助备用金（2026年度）' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ format: 'uuid', description: 'The area whose households it serves' })
  @IsUUID()
  areaId!: string;

  @ApiProperty({ example: '和平区民政局社会救助科' })
  @IsString()
  @Length(1, 100)
  managingOffice!: string;

  @ApiProperty({
    minimum: 0,
    example: 50_000_000,
    description: 'Fen: the period’s budget (reserve) or the opening balance (donation fund)',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_FUND_FEN)
  budgetFen!: number;

  @ApiProperty({ minimum: 0, example: 5_000_000, description: 'Fen: notify below this balance' })
  @IsInt()
  @Min(0)
  @Max(MAX_FUND_FEN)
  thresholdFen!: number;

  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'Beijing date' })
  @IsDateString({ strict: true })
  @Matches(DAY_PATTERN, { message: 'periodStart must be a day, YYYY-MM-DD' })
  periodStart!: string;

  @ApiProperty({ format: 'date', example: '2026-12-31', description: 'Beijing date' })
  @IsDateString({ strict: true })
  @Matches(DAY_PATTERN, { message: 'periodEnd must be a day, YYYY-MM-DD' })
  periodEnd!: string;

  @ApiPropertyOptional({
    example: 'medical',
    description: 'A category it may pay for only (a restricted donation fund)',
  })
  @IsOptionalNotNull()
  @Matches(CATEGORY_CODE)
  restrictedCategoryCode?: string;
}

/** What staff may change; kind, area, budget and restriction are fixed at creation. */
export class UpdateReliefFundDto {
  @ApiProperty({ description: 'The version you read; a stale one is 409 STALE_VERSION' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ example: '和平区临时救助备用金（2026年度）' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ example: '和平区民政局社会救助科' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 100)
  managingOffice?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'Fen' })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_FUND_FEN)
  thresholdFen?: number;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNotNull()
  @IsDateString({ strict: true })
  @Matches(DAY_PATTERN, { message: 'periodStart must be a day, YYYY-MM-DD' })
  periodStart?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNotNull()
  @IsDateString({ strict: true })
  @Matches(DAY_PATTERN, { message: 'periodEnd must be a day, YYYY-MM-DD' })
  periodEnd?: string;

  @ApiPropertyOptional({
    enum: FUND_STATUSES,
    enumName: 'FundStatus',
    description: '`closed` closes the fund for good (it stays readable with its statements)',
  })
  @IsOptionalNotNull()
  @IsIn(FUND_STATUSES)
  status?: FundStatus;
}

export class AllocateReliefFundDto {
  @ApiProperty({ minimum: 1, example: 10_000_000, description: 'Fen credited to the balance' })
  @IsInt()
  @Min(1)
  @Max(MAX_FUND_FEN)
  amountFen!: number;

  @ApiPropertyOptional({ example: '区财政追加拨款' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class ReliefFundQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FUND_KINDS, enumName: 'FundKind' })
  @IsOptional()
  @IsIn(FUND_KINDS)
  kind?: FundKind;

  @ApiPropertyOptional({ enum: FUND_STATUSES, enumName: 'FundStatus' })
  @IsOptional()
  @IsIn(FUND_STATUSES)
  status?: FundStatus;
}

export class ReliefFundDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: FUND_KINDS, enumName: 'FundKind' }) kind!: FundKind;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) areaId!: string;
  @ApiProperty({ example: '和平区' }) areaName!: string;
  @ApiProperty() managingOffice!: string;
  @ApiProperty({ description: 'Fen' }) budgetFen!: number;
  @ApiProperty({ description: 'Fen: what it can still pay' }) balanceFen!: number;
  @ApiProperty({ description: 'Fen' }) thresholdFen!: number;
  @ApiProperty({ description: 'The balance is below the alert threshold' })
  belowThreshold!: boolean;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  lowSince!: string | null;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) restrictedCategoryCode!: string | null;
  @ApiProperty({ enum: FUND_STATUSES, enumName: 'FundStatus' }) status!: FundStatus;
  @ApiProperty({
    description: 'The caller may change it (its area lies inside their scope), not only read it',
  })
  canManage!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class FundMovementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: FUND_MOVEMENT_KINDS, enumName: 'FundMovementKind' })
  kind!: FundMovementKind;
  @ApiProperty({ description: 'Signed fen: a grant is negative' }) amountFen!: number;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) grantId!: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  donationId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) recordedByName!: string | null;
}

export class StatementQueryDto {
  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'First day (Beijing)' })
  @IsDateString({ strict: true })
  @Matches(DAY_PATTERN, { message: 'from must be a day, YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ format: 'date', example: '2026-12-31', description: 'Last day (Beijing)' })
  @IsDateString({ strict: true })
  @Matches(DAY_PATTERN, { message: 'to must be a day, YYYY-MM-DD' })
  to!: string;

  // A pattern, not an enum: a representation the caller picks is not a code people read
  // (the dictionaries spec labels every enum of the document).
  @ApiPropertyOptional({
    type: String,
    pattern: '^(json|xlsx)$',
    description: '`xlsx` for an Excel workbook (Chinese headers, yuan); JSON otherwise',
  })
  @IsOptional()
  @Matches(/^(json|xlsx)$/, { message: 'format must be json or xlsx' })
  format?: string;
}

export class StatementLineDto extends FundMovementDto {
  @ApiProperty({ description: 'Fen: the balance after this line' }) balanceAfterFen!: number;
}

/** A fund's statement for a period of Beijing days; every amount in fen. */
export class FundStatementDto {
  @ApiProperty({ format: 'uuid' }) fundId!: string;
  @ApiProperty() fundName!: string;
  @ApiProperty({ enum: FUND_KINDS, enumName: 'FundKind' }) kind!: FundKind;
  @ApiProperty({ example: '和平区' }) areaName!: string;
  @ApiProperty() managingOffice!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ description: 'Every movement before `from`' }) openingBalanceFen!: number;
  @ApiProperty({ description: 'The budget or opening balance set at creation, in the period' })
  budgetFen!: number;
  @ApiProperty() allocationsFen!: number;
  @ApiProperty() donationsFen!: number;
  @ApiProperty({
    description:
      'Negative: grants debited at their approval (paid or not yet paid); a cancelled approval is credited back as an adjustment',
  })
  grantsFen!: number;
  @ApiProperty({ description: 'Either sign: corrections, and cancelled grants credited back' })
  adjustmentsFen!: number;
  @ApiProperty() closingBalanceFen!: number;
  @ApiProperty({ type: [StatementLineDto] }) lines!: StatementLineDto[];
}
