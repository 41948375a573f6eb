import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  Matches,
  IsOptional,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '@onedoor/platform';
import {
  NOTE_READ_PURPOSES,
  type NoteReadPurpose,
  VISIT_KINDS,
  VISIT_STATUSES,
  type VisitKind,
  type VisitStatus,
} from '../visit.types';

/**
 * A time with its zone, this century or the last: isISO8601 alone lets week dates (`2026-W01`)
 * and year 0 through, which JavaScript or PostgreSQL cannot hold.
 */
const DATE_TIME = /^(19|20)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export class RecordVisitDto {
  @ApiProperty({ enum: VISIT_KINDS, enumName: 'VisitKind' })
  @IsIn(VISIT_KINDS)
  kind!: VisitKind;

  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'When the visit took place (not in the future)',
  })
  @IsDateString({ strict: true })
  @Matches(DATE_TIME, {
    message: 'occurredAt must be a time with its zone, e.g. 2026-12-02T09:30:00+08:00',
  })
  occurredAt!: string;

  @ApiProperty({
    maxLength: 4000,
    description: 'Personal data: stored encrypted, shown only to the adviser and supervisors',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  note!: string;
}

export class CorrectVisitNoteDto {
  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  note!: string;

  @ApiProperty({ description: 'The version you read; a stale one is 409 STALE_VERSION' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

export class DueVisitQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    type: String,
    pattern: '^me$',
    description: '`me`: only due visits of the cases whose adviser is you (your caseload)',
  })
  @IsOptional()
  @IsIn(['me'])
  assignedTo?: 'me';

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'Only visits due by then',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(DATE_TIME, {
    message: 'until must be a time with its zone, e.g. 2026-12-31T00:00:00+08:00',
  })
  until?: string;
}

export class VisitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;

  @ApiProperty({ enum: VISIT_KINDS, enumName: 'VisitKind' })
  kind!: VisitKind;

  @ApiProperty({ enum: VISIT_STATUSES, enumName: 'VisitStatus' })
  status!: VisitStatus;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  dueAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  occurredAt!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  recordedBy!: string | null;

  @ApiProperty({ nullable: true, type: String })
  recordedByName!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The note, for its readers only (the adviser, civil-affairs staff in scope, admin)',
  })
  note!: string | null;

  @ApiProperty({ description: 'True: there is a note, but not for you' })
  noteHidden!: boolean;

  @ApiProperty({ description: 'Still due more than 3 days after its date' })
  overdue!: boolean;

  @ApiProperty({ description: 'You may correct the note (its author, within 7 days)' })
  noteEditable!: boolean;

  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DueVisitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;

  @ApiProperty({ nullable: true, type: String, description: "The household head's name" })
  headName!: string | null;

  @ApiProperty() communityName!: string;

  @ApiProperty({ enum: VISIT_KINDS, enumName: 'VisitKind' })
  kind!: VisitKind;

  @ApiProperty({ format: 'date-time' }) dueAt!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: "The case's adviser" })
  adviserId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  adviserName!: string | null;

  @ApiProperty({ description: 'Still due more than 3 days after its date' })
  overdue!: boolean;
}

export class NoteReadDto {
  @ApiProperty({ format: 'uuid' }) visitId!: string;
  @ApiProperty({ format: 'uuid' }) readerId!: string;
  @ApiProperty({ nullable: true, type: String }) readerName!: string | null;

  @ApiProperty({ enum: NOTE_READ_PURPOSES, enumName: 'NoteReadPurpose' })
  purpose!: NoteReadPurpose;

  @ApiProperty({ format: 'date-time' }) readAt!: string;
}
