import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Public } from '@onedoor/platform';
import { HsdsExportService, HsdsServicePageDto, HsdsServiceQueryDto } from './hsds-export.service';

@ApiTags('exports')
@Controller('exports/hsds')
export class HsdsExportController {
  constructor(private readonly hsds: HsdsExportService) {}

  // Public: published resources are the public offer; the export carries no household data.
  @Get('services')
  @Public()
  @ApiOperation({
    summary:
      'Published resources as Open Referral HSDS 3.0 services (HSDS page shape), by category and covered area',
  })
  @ApiOkResponse({ type: HsdsServicePageDto })
  @ApiErrors(400)
  services(@Query() query: HsdsServiceQueryDto): Promise<HsdsServicePageDto> {
    return this.hsds.services(query);
  }
}
