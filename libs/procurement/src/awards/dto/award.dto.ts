import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { AWARD_STATUSES, type AwardStatus } from '../../procurement.types';

export class AwardProjectDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  bidId!: string;

  @ApiProperty({ description: 'Why this bid wins (recorded with the award)' })
  @IsString()
  @Length(1, 2000)
  justification!: string;

  @ApiPropertyOptional({
    description:
      'Required when the bid is not the best-ranked one still available: why it is chosen instead',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  deviationReason?: string;
}

export class AwardDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ format: 'uuid' }) providerId!: string;
  @ApiProperty({ enum: AWARD_STATUSES, enumName: 'AwardStatus' }) status!: AwardStatus;
  @ApiProperty() rank!: number;
  @ApiProperty() totalScore!: number;
  @ApiProperty() valueFen!: number;
  @ApiProperty() justification!: string;
  @ApiProperty({ type: String, nullable: true }) deviationReason!: string | null;
  @ApiProperty({ format: 'date-time' }) respondBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) respondedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) declineReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
