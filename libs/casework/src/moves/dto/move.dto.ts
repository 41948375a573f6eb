import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class MoveHouseholdDto {
  @ApiProperty({ format: 'uuid', description: 'The community the family moved to' })
  @IsUUID()
  communityId!: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'The new address; else it is cleared' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The new adviser: an active assessor whose area covers the new community; else the case waits unassigned and the new community's assessors are told",
  })
  @IsOptional()
  @IsUUID()
  adviserId?: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class HouseholdMoveDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ format: 'uuid' }) fromCommunityId!: string;
  @ApiProperty() fromCommunityName!: string;
  @ApiProperty({ format: 'uuid' }) toCommunityId!: string;
  @ApiProperty() toCommunityName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) fromAdviserId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) toAdviserId!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'uuid' }) byUserId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({
    description: 'Live proposals withdrawn: their resource does not cover the new community',
  })
  withdrawnProposals!: number;
}

export class MoveAdvisersQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The community the family moves to' })
  @IsUUID()
  communityId!: string;
}
