import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { PageQueryDto } from '@onedoor/platform';
import { AREA_LEVELS, type AreaLevel } from '../area-level';
import type { AreaEntity } from '../area.entity';

export class CreateAreaDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for every level but city' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiProperty({ enum: AREA_LEVELS, enumName: 'AreaLevel' })
  @IsIn(AREA_LEVELS)
  level!: AreaLevel;

  @ApiProperty({ example: '110105001', description: 'Unique area code' })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,32}$/, { message: 'code must be 1-32 letters, digits or dashes' })
  code!: string;

  @ApiProperty({ example: '建外街道' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({
    description:
      'District minimum living standard (低保标准), fen per person per month; districts only',
    example: 137000,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  minimumLivingStandardFen?: number;
}

export class AreaQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AREA_LEVELS, enumName: 'AreaLevel' })
  @IsOptional()
  @IsIn(AREA_LEVELS)
  level?: AreaLevel;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class AreaSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: AREA_LEVELS, enumName: 'AreaLevel' })
  level!: AreaLevel;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;
}

export class PublicAreaDto extends AreaSummaryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  parentId!: string | null;
}

export class AreaDto extends AreaSummaryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  parentId!: string | null;

  @ApiProperty({ description: 'Materialized path of ids, root first' })
  path!: string;

  @ApiPropertyOptional({ type: Number, nullable: true })
  minimumLivingStandardFen!: number | null;
}

export class AreaDetailDto extends AreaDto {
  @ApiProperty({ type: [AreaSummaryDto], description: 'Ancestors, root first' })
  ancestors!: AreaSummaryDto[];

  @ApiProperty({ type: [AreaSummaryDto] })
  children!: AreaSummaryDto[];
}

export function toAreaSummaryDto(a: AreaEntity): AreaSummaryDto {
  return { id: a.id, level: a.level, code: a.code, name: a.name };
}

export function toPublicAreaDto(a: AreaEntity): PublicAreaDto {
  return { ...toAreaSummaryDto(a), parentId: a.parentId };
}

export function toAreaDto(a: AreaEntity): AreaDto {
  return {
    ...toAreaSummaryDto(a),
    parentId: a.parentId,
    path: a.path,
    minimumLivingStandardFen: a.minimumLivingStandardFen,
  };
}
