import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsObject,
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
import { type AreaBoundary, MAX_BOUNDARY_POSITIONS } from '../area-boundary';

/** The boundary's OpenAPI schema: its rules are checked by boundaryProblems (paths per node). */
export class AreaBoundaryDto {
  @ApiProperty({ enum: ['Polygon', 'MultiPolygon'] })
  type!: 'Polygon' | 'MultiPolygon';

  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: {} },
    description:
      'GeoJSON coordinates, [longitude, latitude] (WGS 84): Polygon → rings of positions, MultiPolygon → polygons of rings; every ring closed (last position = first), at least 4 positions',
    example: [
      [
        [116.3, 39.9],
        [116.4, 39.9],
        [116.4, 40],
        [116.3, 40],
        [116.3, 39.9],
      ],
    ],
  })
  coordinates!: unknown[][];
}

const BOUNDARY_DOC = {
  type: AreaBoundaryDto,
  nullable: true,
  description: `The area's outline for maps: a GeoJSON Polygon or MultiPolygon, at most ${MAX_BOUNDARY_POSITIONS} positions; a wrong one is 400 VALIDATION_FAILED with the path of the wrong node (\`boundary.coordinates[0][3]\`)`,
};

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

  @ApiPropertyOptional(BOUNDARY_DOC)
  @IsOptional()
  @IsObject()
  boundary?: AreaBoundary | null;
}

/** What an admin may change on an area: its name and its outline (null removes it). */
export class UpdateAreaDto {
  @ApiPropertyOptional({ example: '建外街道' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional(BOUNDARY_DOC)
  @IsOptional()
  @IsObject()
  boundary?: AreaBoundary | null;
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

  @ApiProperty(BOUNDARY_DOC)
  boundary!: AreaBoundaryDto | null;
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
    boundary: a.boundary,
  };
}
