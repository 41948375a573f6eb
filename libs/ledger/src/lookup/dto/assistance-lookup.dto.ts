import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { DAY_PATTERN, PageQueryDto, ROLES, type Role } from '@onedoor/platform';
import { TIERS, type Tier } from '@onedoor/resources';
import {
  LOOKUP_NOTE_MAX,
  LOOKUP_PURPOSES,
  LOOKUP_QUESTIONS,
  type LookupPurpose,
  type LookupQuestion,
} from '../lookup.types';

export class CreateAssistanceLookupDto {
  @ApiProperty({
    example: '11010519491231002X',
    description:
      'The person asked about. Checked (GB 11643; 422 ASSISTANCE_LOOKUP_ID_NUMBER_INVALID on the field), compared and logged only as its keyed digest',
  })
  @IsString()
  @MaxLength(40)
  idNumber!: string;

  @ApiProperty({ enum: LOOKUP_QUESTIONS, enumName: 'LookupQuestion' })
  @IsIn(LOOKUP_QUESTIONS)
  question!: LookupQuestion;

  @ApiPropertyOptional({
    example: 'medical',
    description: '`receives`: the category asked about (required)',
  })
  @ValidateIf((o: CreateAssistanceLookupDto) => o.question === 'receives')
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  categoryCode?: string;

  @ApiPropertyOptional({
    enum: TIERS,
    enumName: 'Tier',
    description: '`tier`: the tier asked about (required)',
  })
  @ValidateIf((o: CreateAssistanceLookupDto) => o.question === 'tier')
  @IsIn(TIERS)
  tier?: Tier;

  @ApiProperty({ enum: LOOKUP_PURPOSES, enumName: 'LookupPurpose' })
  @IsIn(LOOKUP_PURPOSES)
  purpose!: LookupPurpose;

  @ApiPropertyOptional({
    maxLength: LOOKUP_NOTE_MAX,
    description: 'What the purpose is, in words: required for `other`',
  })
  @ValidateIf((o: CreateAssistanceLookupDto) => o.purpose === 'other' || o.purposeNote != null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LOOKUP_NOTE_MAX)
  purposeNote?: string;
}

/** The whole answer: nothing about the household, not even whether it is registered. */
export class AssistanceLookupAnswerDto {
  @ApiProperty({
    description:
      'receives: a benefit of the category is current today; tier: the household holds the tier. False also for a number nobody registered',
  })
  answer!: boolean;

  @ApiProperty({
    format: 'date',
    type: String,
    nullable: true,
    description: 'Start of the current run of the benefit, or since when the tier holds (if known)',
  })
  since!: string | null;

  @ApiProperty({
    format: 'date',
    type: String,
    nullable: true,
    description: 'End of the current run; null while it runs (and for a tier)',
  })
  until!: string | null;

  @ApiProperty({ description: 'Lookups you may still ask today (the daily limit)' })
  remainingToday!: number;
}

export class AssistanceLookupQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Lookups asked by this user' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ format: 'date', type: String, description: 'From this day (Beijing)' })
  @IsOptional()
  @Matches(DAY_PATTERN)
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    type: String,
    description: 'To this day (Beijing), inclusive',
  })
  @IsOptional()
  @Matches(DAY_PATTERN)
  @IsDateString({ strict: true })
  to?: string;
}

/** A logged lookup, as staff and the asking organization review it. */
export class AssistanceLookupDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ description: 'Who asked' }) userName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) providerId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The organization asked for' })
  providerName!: string | null;
  @ApiProperty({ enum: LOOKUP_PURPOSES, enumName: 'LookupPurpose' }) purpose!: LookupPurpose;
  @ApiProperty({ nullable: true, type: String }) purposeNote!: string | null;
  @ApiProperty({ enum: LOOKUP_QUESTIONS, enumName: 'LookupQuestion' }) question!: LookupQuestion;
  @ApiProperty({ nullable: true, type: String }) categoryCode!: string | null;
  @ApiProperty({ type: String, enum: TIERS, enumName: 'Tier', nullable: true }) tier!: Tier | null;
  @ApiProperty() answer!: boolean;
  @ApiProperty({ format: 'date', type: String, nullable: true }) since!: string | null;
  @ApiProperty({ format: 'date', type: String, nullable: true }) until!: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      'The household the number belongs to: only for staff whose area holds it (null for the asking organization)',
  })
  householdId!: string | null;
}
