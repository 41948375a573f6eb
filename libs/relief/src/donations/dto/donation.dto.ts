import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
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
import { IsOptionalNotNull, PageQueryDto } from '@onedoor/platform';
import {
  DONATION_STATUSES,
  DONOR_KINDS,
  type DonationStatus,
  type DonorKind,
} from '../../relief.types';
import { CATEGORY_CODE, MAX_FUND_FEN } from '../../funds/dto/relief-fund.dto';

/** A pledge (认捐) into a donation fund. */
export class PledgeDonationDto {
  @ApiProperty({ enum: DONOR_KINDS, enumName: 'DonorKind' })
  @IsIn(DONOR_KINDS)
  donorKind!: DonorKind;

  @ApiProperty({ example: '和平区爱心企业联合会' })
  @IsString()
  @Length(1, 100)
  donorName!: string;

  @ApiPropertyOptional({
    example: '13812345678',
    description: 'Kept encrypted; answered masked',
  })
  @IsOptionalNotNull()
  @Matches(/^[0-9+\- ]{5,20}$/, { message: 'donorPhone must be a phone number' })
  donorPhone?: string;

  @ApiProperty({ minimum: 1, example: 1_000_000, description: 'Fen' })
  @IsInt()
  @Min(1)
  @Max(MAX_FUND_FEN)
  amountFen!: number;

  @ApiPropertyOptional({
    example: 'medical',
    description: 'The donor’s restriction to one category: the fund must be restricted to it',
  })
  @IsOptionalNotNull()
  @Matches(CATEGORY_CODE)
  restrictedCategoryCode?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The donor’s restriction to an area: the fund’s area must lie inside it',
  })
  @IsOptionalNotNull()
  @IsUUID()
  restrictedAreaId?: string;

  @ApiPropertyOptional({ example: '用于困难家庭医疗救急' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class ReceiveDonationDto {
  @ApiPropertyOptional({ example: 'JZ-2026-000123', description: 'The donation receipt’s number' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 50)
  receiptNumber?: string;
}

export class CancelDonationDto {
  @ApiProperty({ example: '捐赠方撤回认捐' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class DonationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DONATION_STATUSES, enumName: 'DonationStatus' })
  @IsOptional()
  @IsIn(DONATION_STATUSES)
  status?: DonationStatus;
}

export class DonationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) fundId!: string;
  @ApiProperty() fundName!: string;
  @ApiProperty({ enum: DONOR_KINDS, enumName: 'DonorKind' }) donorKind!: DonorKind;
  @ApiProperty() donorName!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '138****5678' })
  donorPhone!: string | null;
  @ApiProperty({ description: 'Fen' }) amountFen!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) restrictedCategoryCode!: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  restrictedAreaId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) restrictedAreaName!: string | null;
  @ApiProperty({ enum: DONATION_STATUSES, enumName: 'DonationStatus' }) status!: DonationStatus;
  @ApiProperty({ format: 'date-time' }) pledgedAt!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  receivedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) receiptNumber!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  cancelledAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) note!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) recordedByName!: string | null;
  @ApiProperty() version!: number;
}
