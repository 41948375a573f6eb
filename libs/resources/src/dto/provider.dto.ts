import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { AreaSummaryDto } from '@onedoor/areas';
import { IsOptionalNotNull, PageQueryDto } from '@onedoor/platform';
import {
  PROVIDER_KINDS,
  type ProviderKind,
  VERIFICATION_STATUSES,
  type VerificationStatus,
} from '../resource.types';
import { IsUscc } from './uscc.validator';

export class CreateProviderDto {
  @ApiProperty({ enum: PROVIDER_KINDS, enumName: 'ProviderKind' })
  @IsIn(PROVIDER_KINDS)
  kind!: ProviderKind;

  @ApiProperty({ example: '和平区慈善会' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: '91350100M000100Y43', description: '统一社会信用代码 (GB 32100-2015)' })
  @IsUscc()
  uscc!: string;

  @ApiProperty({ format: 'uuid', description: 'Home area; bounds what the provider may cover' })
  @IsUUID()
  homeAreaId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  contactName?: string;

  @ApiPropertyOptional({ example: '010-65000000' })
  @IsOptional()
  @Matches(/^[0-9+\- ]{5,20}$/, { message: 'contactPhone must be a phone number' })
  contactPhone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 300)
  address?: string;
}

export class UpdateProviderDto {
  @ApiProperty({ description: 'The version you read; a stale one is 409 STALE_VERSION' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  contactName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[0-9+\- ]{5,20}$/, { message: 'contactPhone must be a phone number' })
  contactPhone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 300)
  address?: string;
}

export class VerifyProviderDto {
  @ApiProperty({ enum: VERIFICATION_STATUSES, enumName: 'VerificationStatus' })
  @IsIn(VERIFICATION_STATUSES)
  status!: VerificationStatus;

  @ApiProperty({ example: '资质材料齐全，登记证书有效' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class ProviderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROVIDER_KINDS, enumName: 'ProviderKind' })
  @IsOptional()
  @IsIn(PROVIDER_KINDS)
  kind?: ProviderKind;

  @ApiPropertyOptional({ enum: VERIFICATION_STATUSES, enumName: 'VerificationStatus' })
  @IsOptional()
  @IsIn(VERIFICATION_STATUSES)
  verification?: VerificationStatus;
}

export class ProviderDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: PROVIDER_KINDS, enumName: 'ProviderKind' })
  kind!: ProviderKind;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  uscc!: string;

  @ApiProperty({ type: AreaSummaryDto })
  homeArea!: AreaSummaryDto;

  @ApiPropertyOptional({ type: String, nullable: true })
  contactName!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  contactPhone!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  address!: string | null;

  @ApiProperty({ enum: VERIFICATION_STATUSES, enumName: 'VerificationStatus' })
  verification!: VerificationStatus;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: '0–100, from contract evaluations',
  })
  rating!: number | null;

  @ApiProperty()
  version!: number;
}

export class ProviderSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: PROVIDER_KINDS, enumName: 'ProviderKind' })
  kind!: ProviderKind;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: VERIFICATION_STATUSES, enumName: 'VerificationStatus' })
  verification!: VerificationStatus;

  @ApiPropertyOptional({ type: Number, nullable: true })
  rating!: number | null;
}
