import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { AreasRepository, idsOnPath } from '@onedoor/areas';
import { Clock, PageQueryDto, todayInChina } from '@onedoor/platform';
import { ResourcesRepository } from '../resources.repository';
import { toHsdsService } from './hsds.mapper';

/** The directory's filters: what residents search by (a category, where they live). */
export class HsdsServiceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'medical', description: 'Category code' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  category?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only services whose coverage contains this area (e.g. a community)',
  })
  @IsOptional()
  @IsUUID()
  area?: string;
}

/** The HSDS API's page envelope (openapi.json `Page`), with full service objects. */
export class HsdsServicePageDto {
  @ApiProperty() total_items!: number;
  @ApiProperty() total_pages!: number;
  @ApiProperty() page_number!: number;
  @ApiProperty() size!: number;
  @ApiProperty() first_page!: boolean;
  @ApiProperty() last_page!: boolean;
  @ApiProperty() empty!: boolean;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'HSDS 3.0 service objects',
  })
  contents!: Array<Record<string, unknown>>;
}

@Injectable()
export class HsdsExportService {
  constructor(
    private readonly resources: ResourcesRepository,
    private readonly areas: AreasRepository,
    private readonly clock: Clock,
  ) {}

  async services(page: HsdsServiceQueryDto): Promise<HsdsServicePageDto> {
    let coveringAreaIds: string[] | undefined;
    if (page.area) {
      // A service covers an area when its coverage is that area or one above it.
      const area = await this.areas.findById(page.area);
      coveringAreaIds = area ? idsOnPath(area.path) : [];
    }
    const [rows, total] = await this.resources.listPublished(page, todayInChina(this.clock.now()), {
      category: page.category,
      coveringAreaIds,
    });
    const totalPages = Math.max(1, Math.ceil(total / page.limit));
    return {
      total_items: total,
      total_pages: totalPages,
      page_number: page.page,
      size: rows.length,
      first_page: page.page === 1,
      last_page: page.page >= totalPages,
      empty: rows.length === 0,
      contents: rows.map(toHsdsService),
    };
  }
}
