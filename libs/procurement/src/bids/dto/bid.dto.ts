import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { AuditEntryDto } from '@onedoor/platform';
import {
  BID_STATUSES,
  type BidStatus,
  QUALIFICATIONS,
  type Qualification,
} from '../../procurement.types';

export class BidTeamDto {
  @ApiProperty({ minimum: 0, example: 5 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  certifiedSocialWorkers!: number;

  @ApiProperty({ minimum: 0, example: 6, description: 'Years the organization has operated' })
  @IsInt()
  @Min(0)
  @Max(200)
  yearsOperating!: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  staffCount?: number;
}

export class BidAttachmentDto {
  @ApiProperty({ example: '服务方案.pdf' })
  @IsString()
  @Length(1, 255)
  name!: string;

  @ApiProperty({ example: 'application/pdf' })
  @Matches(/^[\w.+-]+\/[\w.+-]+$/)
  mediaType!: string;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(1e10)
  sizeBytes!: number;

  @ApiPropertyOptional({
    description: 'Hex SHA-256 of the file, so the stored copy can be verified',
  })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/)
  sha256?: string;
}

export class SubmitBidDto {
  @ApiProperty({ minimum: 1, description: 'Price in fen: not above the budget' })
  @IsInt()
  @Min(1)
  @Max(1e13)
  priceFen!: number;

  @ApiProperty({ example: '以社区为本的个案管理与小组服务……' })
  @IsString()
  @Length(1, 50_000)
  proposal!: string;

  @ApiProperty({ type: BidTeamDto })
  @ValidateNested()
  @Type(() => BidTeamDto)
  team!: BidTeamDto;

  @ApiPropertyOptional({ type: [BidAttachmentDto], description: 'Metadata of the attached files' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BidAttachmentDto)
  attachments?: BidAttachmentDto[];
}

export class QualifyBidDto {
  @ApiPropertyOptional({
    type: [String],
    description: 'Reasons: required to disqualify, and to qualify a bid the pre-check found short',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  reasons?: string[];
}

export class RequirementCheckDto {
  @ApiProperty({ enum: ['minCertifiedSocialWorkers', 'minYearsOperating', 'verified'] })
  requirement!: string;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'boolean' }] }) required!: number | boolean;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'boolean' }] }) actual!: number | boolean;
  @ApiProperty() met!: boolean;
}

export class PrecheckDto {
  @ApiProperty() met!: boolean;
  @ApiProperty({ type: [RequirementCheckDto] }) checks!: RequirementCheckDto[];
}

export class BidDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ format: 'uuid' }) providerId!: string;
  @ApiProperty() providerName!: string;
  @ApiProperty({ enum: BID_STATUSES, enumName: 'BidStatus' }) status!: BidStatus;
  @ApiProperty() priceFen!: number;
  @ApiProperty() proposal!: string;
  @ApiProperty({ type: BidTeamDto }) team!: BidTeamDto;
  @ApiProperty({ type: [BidAttachmentDto] }) attachments!: BidAttachmentDto[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) replacesId!: string | null;
  @ApiProperty({ enum: QUALIFICATIONS, enumName: 'BidQualification' })
  qualification!: Qualification;
  @ApiProperty({ type: [String] }) qualificationReasons!: string[];
  @ApiProperty({ type: PrecheckDto, description: "The system's check of the requirements" })
  precheck!: PrecheckDto;
  @ApiProperty({ type: String, nullable: true }) priceJustification!: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty() version!: number;
}

export class BidDetailDto extends BidDto {
  @ApiProperty({ type: [AuditEntryDto] }) history!: AuditEntryDto[];
}

export class BidListDto {
  @ApiProperty({
    description:
      'true while bidding is open: content and bidders are hidden from all but their authors',
  })
  sealed!: boolean;
  @ApiProperty({ description: 'Live bids on the project' }) count!: number;
  @ApiProperty({
    type: [BidDto],
    description: 'Visible bids: before close only your organization’s own',
  })
  bids!: BidDto[];
}
