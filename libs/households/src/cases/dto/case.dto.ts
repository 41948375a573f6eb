import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '@onedoor/platform';
import {
  CASE_CLOSE_REASONS,
  CASE_STATUSES,
  type CaseCloseReason,
  type CaseStatus,
} from '../case.types';

export class CaseQueryDto extends PageQueryDto {
  // A pattern, not an enum: `me` is a keyword, not a code to label in the dictionaries.
  @ApiPropertyOptional({
    type: String,
    pattern: '^me$',
    description: '`me`: only the cases whose adviser is you (your caseload)',
  })
  @IsOptional()
  @IsIn(['me'])
  assignedTo?: 'me';

  @ApiPropertyOptional({ enum: CASE_STATUSES, enumName: 'CaseStatus' })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;
}

class VersionedDto {
  @ApiProperty({ description: 'The version you read; a stale one is 409 STALE_VERSION' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

export class HandoverCaseDto extends VersionedDto {
  @ApiProperty({ format: 'uuid', description: 'The new adviser: an active assessor in scope' })
  @IsUUID()
  adviserId!: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class CloseCaseDto extends VersionedDto {
  @ApiProperty({ enum: CASE_CLOSE_REASONS, enumName: 'CaseCloseReason' })
  @IsIn(CASE_CLOSE_REASONS)
  reason!: CaseCloseReason;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ReopenCaseDto extends VersionedDto {
  @ApiProperty({ maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class CaseAssignmentDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  fromAdviserId!: string | null;

  @ApiProperty({ nullable: true, type: String }) fromAdviserName!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  toAdviserId!: string | null;

  @ApiProperty({ nullable: true, type: String }) toAdviserName!: string | null;

  @ApiProperty({ description: '`registration` for the first adviser, else the reason given' })
  reason!: string;

  @ApiProperty({ format: 'uuid' }) byUserId!: string;
  @ApiProperty({ nullable: true, type: String }) byName!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class CaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;

  @ApiProperty({ nullable: true, type: String, description: "The household head's name" })
  headName!: string | null;

  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty() communityName!: string;

  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus' })
  status!: CaseStatus;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null: unassigned' })
  adviserId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  adviserName!: string | null;

  @ApiProperty({ format: 'date-time' }) openedAt!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  openedBy!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  closedAt!: string | null;

  @ApiProperty({
    enum: CASE_CLOSE_REASONS,
    enumName: 'CaseCloseReason',
    nullable: true,
    type: String,
  })
  closeReason!: CaseCloseReason | null;

  @ApiProperty({ nullable: true, type: String }) closeNote!: string | null;
  @ApiProperty() version!: number;

  @ApiPropertyOptional({ type: [CaseAssignmentDto], description: 'On GET one case only' })
  assignments?: CaseAssignmentDto[];
}

export class AdviserCandidateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ description: 'The area the assessor works in' }) areaName!: string;
}
