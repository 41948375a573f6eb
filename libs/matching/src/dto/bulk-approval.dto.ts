import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { ConsentDto } from '../referrals/referral.dto';
import { ProposalDto } from './match.dto';

export class BulkApprovalItemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  proposalId!: string;

  @ApiPropertyOptional({
    type: ConsentDto,
    description: "This item's consent (else the request's)",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentDto)
  consent?: ConsentDto;
}

export class BulkApprovalDto {
  @ApiProperty({ type: [BulkApprovalItemDto], description: 'One proposal per need, at most 20' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => BulkApprovalItemDto)
  items!: BulkApprovalItemDto[];

  @ApiPropertyOptional({
    type: ConsentDto,
    description: "The household's consent to share its contact, for every item without its own",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentDto)
  consent?: ConsentDto;
}

export class ApprovalItemResultDto {
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiPropertyOptional({ format: 'uuid' }) needId?: string;
  @ApiProperty({ enum: ['approved', 'refused'] }) status!: 'approved' | 'refused';
  @ApiPropertyOptional({ format: 'uuid', description: 'The referral the approval opened' })
  referralId?: string;
  @ApiPropertyOptional({
    description:
      'Why it was refused: the error code a single approval would answer (RESOURCE_CAPACITY_EXHAUSTED, MATCH_NOT_PROPOSED, NEED_ALREADY_SERVED, MATCH_NOT_FOUND…)',
  })
  code?: string;
  @ApiPropertyOptional() message?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: unknown;
}

export class NeedProposalsDto {
  @ApiProperty({ format: 'uuid' }) needId!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty() severity!: number;
  @ApiProperty({ enum: ['normal', 'urgent', 'emergency'] }) urgency!: string;
  @ApiProperty({ type: [ProposalDto], description: 'Open proposals, best first' })
  proposals!: ProposalDto[];
}
