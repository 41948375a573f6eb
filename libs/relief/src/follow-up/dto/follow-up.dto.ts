import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@onedoor/platform';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '../../relief.types';

export class FollowUpQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES, enumName: 'FollowUpStatus' })
  @IsOptional()
  @IsIn(FOLLOW_UP_STATUSES)
  status?: FollowUpStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  householdId?: string;
}

export class FollowUpDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) intakeId!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ type: String, nullable: true }) headName!: string | null;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty() communityName!: string;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES, enumName: 'FollowUpStatus' }) status!: FollowUpStatus;
  @ApiProperty({ format: 'date-time' }) intakeAt!: string;
  @ApiProperty({ format: 'date-time', description: 'The full assessment is due by then' })
  dueAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) doneAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The full assessment' })
  assessmentId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) escalatedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) escalatedToAreaId!: string | null;
}
