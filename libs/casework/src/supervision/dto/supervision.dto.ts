import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '@onedoor/platform';
import {
  SUPERVISION_KINDS,
  SUPERVISION_STATUSES,
  type SupervisionKind,
  type SupervisionStatus,
} from '../supervision.types';

export class CreateSupervisionDto {
  @ApiProperty({ enum: SUPERVISION_KINDS, enumName: 'SupervisionKind' })
  @IsIn(SUPERVISION_KINDS)
  kind!: SupervisionKind;

  @ApiProperty({ maxLength: 2000, description: 'Personal data: stored encrypted' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text!: string;

  @ApiPropertyOptional({
    format: 'date',
    type: String,
    description: 'Required actions: by when (required); comments have none',
  })
  @ValidateIf((o: CreateSupervisionDto) => o.kind === 'required_action' || o.dueDate != null)
  @IsDateString({ strict: true })
  dueDate?: string;
}

class VersionedDto {
  @ApiProperty({ description: 'The version you read; a stale one is 409 STALE_VERSION' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

export class AnswerSupervisionDto extends VersionedDto {
  @ApiProperty({ maxLength: 2000, description: 'Personal data: stored encrypted' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text!: string;
}

export class ResolveSupervisionDto extends VersionedDto {}

export class OpenSupervisionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    type: String,
    pattern: '^me$',
    description: '`me` (the default): required actions on the cases you advise',
  })
  @IsOptional()
  @IsIn(['me'])
  assignedTo?: 'me';
}

export class SupervisionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ enum: SUPERVISION_KINDS, enumName: 'SupervisionKind' }) kind!: SupervisionKind;
  @ApiProperty() text!: string;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) dueDate!: string | null;
  @ApiProperty({ enum: SUPERVISION_STATUSES, enumName: 'SupervisionStatus' })
  status!: SupervisionStatus;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty() authorName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) answer!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  answeredBy!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) answeredByName!: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  answeredAt!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  resolvedBy!: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  resolvedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() version!: number;
}

/** A case's thread, and what the caller may do on it (the console shows only those). */
export class SupervisionThreadDto {
  @ApiProperty({ type: [SupervisionDto] }) items!: SupervisionDto[];
  @ApiProperty({ description: 'You may post comments and required actions, and resolve' })
  maySupervise!: boolean;
  @ApiProperty({ description: 'You are the case’s adviser: you answer' })
  mayAnswer!: boolean;
}

export class OpenSupervisionDto extends SupervisionDto {
  @ApiPropertyOptional({ nullable: true, type: String }) headName!: string | null;
  @ApiProperty() communityName!: string;
}
