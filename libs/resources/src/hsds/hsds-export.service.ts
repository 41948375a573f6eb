import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Clock, type PageQueryDto, todayInChina } from '@onedoor/platform';
import { ResourcesRepository } from '../resources.repository';
import { toHsdsService } from './hsds.mapper';

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
    private readonly clock: Clock,
  ) {}

  async services(page: PageQueryDto): Promise<HsdsServicePageDto> {
    const [rows, total] = await this.resources.listPublished(page, todayInChina(this.clock.now()));
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
