import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSISTANCE_SOURCES, STACKING_KINDS } from '../ledger.types';
import { STACKING_CONFLICTS } from './stacking.types';

export class ConflictingBenefitDto {
  @ApiProperty({
    enum: [...ASSISTANCE_SOURCES, 'pending_referral'],
    enumName: 'BenefitSource',
    description: 'Where the benefit is recorded (pending_referral: approved, not yet delivered)',
  })
  source!: string;
  @ApiProperty({ example: '和平区民政局' }) grantedBy!: string;
  @ApiProperty({ example: '临时救助' }) title!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty({ format: 'date', description: 'Beijing date' }) startsOn!: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) endsOn!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) amountFen!: number | null;
}

export class StackingConflictDto {
  @ApiProperty({ enum: STACKING_CONFLICTS, enumName: 'StackingConflictKind' }) rule!: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) ruleId!: string | null;
  @ApiPropertyOptional({
    type: String,
    enum: STACKING_KINDS,
    enumName: 'StackingKind',
    nullable: true,
  })
  ruleKind!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) periodMonths!: number | null;
  @ApiPropertyOptional({ type: ConflictingBenefitDto, nullable: true })
  benefit!: ConflictingBenefitDto | null;
}

export class NeedGapDto {
  @ApiProperty({ description: 'Assessed amount, fen' }) gapFen!: number;
  @ApiProperty({ description: 'Covered by delivered and approved benefits, fen' })
  coveredFen!: number;
  @ApiProperty({ description: 'Still to cover, fen' }) leftFen!: number;
}
