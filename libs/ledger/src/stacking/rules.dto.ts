import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsOptionalNotNull } from '@onedoor/platform';
import { STACKING_KINDS, type StackingKind } from '../ledger.types';

/**
 * A rule's subject is a category or a pair of resources, never both; its period goes with
 * `once_per_period` only. Those combinations are checked by the service (422 on the field), the
 * fields' own shapes here (400).
 */
export class CreateStackingRuleDto {
  @ApiProperty({ enum: STACKING_KINDS, enumName: 'StackingKind' })
  @IsIn(STACKING_KINDS)
  kind!: StackingKind;

  @ApiPropertyOptional({
    type: String,
    example: 'emergency',
    description: 'The category both benefits are in (or resourceIds)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  categoryCode?: string | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    minItems: 2,
    maxItems: 2,
    description:
      'A pair of resources (or categoryCode); stored in order, the same id twice is the resource with itself',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsUUID('all', { each: true })
  resourceIds?: string[] | null;

  @ApiPropertyOptional({
    type: Number,
    minimum: 1,
    maximum: 120,
    description: 'Months; required for once_per_period, refused for the other kinds',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(120)
  periodMonths?: number | null;

  @ApiPropertyOptional({ type: String, maxLength: 500, example: '临时救助同一家庭12个月内限一次' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

/** The subject (category or pair) is what a rule is about: to change it, delete and add. */
export class UpdateStackingRuleDto {
  @ApiPropertyOptional({ enum: STACKING_KINDS, enumName: 'StackingKind' })
  @IsOptionalNotNull()
  @IsIn(STACKING_KINDS)
  kind?: StackingKind;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 120,
    description: 'Kept when omitted; dropped when the kind is no longer once_per_period',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(120)
  periodMonths?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;

  @ApiProperty({ description: 'The version you read; a stale one is 409 STALE_VERSION' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

export class StackingRuleCategoryDto {
  @ApiProperty() code!: string;
  @ApiProperty({ example: '临时救助' }) nameZh!: string;
  @ApiProperty({ example: 'Emergency relief' }) nameEn!: string;
}

export class StackingRuleResourceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() providerName!: string;
  @ApiProperty() categoryCode!: string;
}

export class StackingRuleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: STACKING_KINDS, enumName: 'StackingKind' }) kind!: StackingKind;
  @ApiPropertyOptional({ type: StackingRuleCategoryDto, nullable: true })
  category!: StackingRuleCategoryDto | null;
  @ApiPropertyOptional({
    type: [StackingRuleResourceDto],
    nullable: true,
    description: 'The pair, a ≤ b by id (one item twice for a resource with itself)',
  })
  resources!: StackingRuleResourceDto[] | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) periodMonths!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}
