import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import {
  CHECK_IN_MODES,
  type CheckInMode,
  INCOME_CHANGES,
  type IncomeChange,
  MEMBER_CHANGES,
  type MemberChange,
  REASSESSMENT_REASONS,
  type ReassessmentReason,
} from '../check-in.types';

/** The answers of a light check-in: a handful of questions, each typed. */
export class CreateCheckInDto {
  @ApiProperty({ enum: CHECK_IN_MODES, enumName: 'CheckInMode' })
  @IsIn(CHECK_IN_MODES)
  mode!: CheckInMode;

  @ApiProperty({ enum: INCOME_CHANGES, enumName: 'IncomeChange' })
  @IsIn(INCOME_CHANGES)
  incomeChange!: IncomeChange;

  @ApiPropertyOptional({ description: "The household's new monthly income, in fen", minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  newMonthlyIncomeFen?: number;

  @ApiProperty() @IsBoolean() newSeriousIllness!: boolean;
  @ApiProperty() @IsBoolean() newDisability!: boolean;
  @ApiProperty() @IsBoolean() hospitalStay!: boolean;

  @ApiProperty({ enum: MEMBER_CHANGES, enumName: 'MemberChange', isArray: true })
  @IsArray()
  @IsIn(MEMBER_CHANGES, { each: true })
  memberChanges!: MemberChange[];

  @ApiProperty() @IsBoolean() lostHousing!: boolean;
  @ApiProperty() @IsBoolean() housingDamage!: boolean;
  @ApiProperty() @IsBoolean() rentArrears!: boolean;

  @ApiProperty({
    type: [String],
    description: 'Category codes (GET /api/dictionaries, group `category`) of new difficulties',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[a-z_]{1,40}$/, { each: true })
  newDifficulties!: string[];

  @ApiPropertyOptional({
    maxLength: 1000,
    description: "The family's own words (stored encrypted)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  difficultyNote?: string;

  @ApiProperty({ maxLength: 2000, description: "The adviser's conclusion (stored encrypted)" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  conclusion!: string;
}

export class CheckInDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ enum: CHECK_IN_MODES, enumName: 'CheckInMode' }) mode!: CheckInMode;
  @ApiProperty({ enum: INCOME_CHANGES, enumName: 'IncomeChange' }) incomeChange!: IncomeChange;
  @ApiProperty({ type: Number, nullable: true }) newMonthlyIncomeFen!: number | null;
  @ApiProperty() newSeriousIllness!: boolean;
  @ApiProperty() newDisability!: boolean;
  @ApiProperty() hospitalStay!: boolean;
  @ApiProperty({ enum: MEMBER_CHANGES, enumName: 'MemberChange', isArray: true })
  memberChanges!: MemberChange[];
  @ApiProperty() lostHousing!: boolean;
  @ApiProperty() housingDamage!: boolean;
  @ApiProperty() rentArrears!: boolean;
  @ApiProperty({ type: [String] }) newDifficulties!: string[];
  @ApiProperty({ type: String, nullable: true }) difficultyNote!: string | null;
  @ApiProperty() conclusion!: string;
  @ApiProperty({
    type: [String],
    description: 'Categories of the needs it opened; they are matched automatically',
  })
  openedNeeds!: string[];
  @ApiProperty({
    description: 'A full reassessment is due now (the household is due for a revisit)',
  })
  reassessmentRequired!: boolean;
  @ApiProperty({ enum: REASSESSMENT_REASONS, enumName: 'ReassessmentReason', isArray: true })
  reassessmentReasons!: ReassessmentReason[];
  @ApiProperty({ format: 'uuid' }) byUserId!: string;
  @ApiProperty({ type: String, nullable: true }) byName!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}
