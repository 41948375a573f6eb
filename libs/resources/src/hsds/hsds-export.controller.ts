import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, PageQueryDto, Public } from '@onedoor/platform';
import { HsdsExportService, HsdsServicePageDto } from './hsds-export.service';

@ApiTags('exports')
@Controller('exports/hsds')
export class HsdsExportController {
  constructor(private readonly hsds: HsdsExportService) {}

  // Public: published resources are the public offer; the export carries no household data.
  @Get('services')
  @Public()
  @ApiOperation({
    summary: 'Published resources as Open Referral HSDS 3.0 services (HSDS page shape)',
  })
  @ApiOkResponse({ type: HsdsServicePageDto })
  @ApiErrors(400)
  services(@Query() query: PageQueryDto): Promise<HsdsServicePageDto> {
    return this.hsds.services(query);
  }
}
