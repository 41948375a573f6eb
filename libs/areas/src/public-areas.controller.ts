import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiPageResponse, type Page, Public } from '@onedoor/platform';
import { AreasService } from './areas.service';
import { AreaQueryDto, PublicAreaDto } from './dto/area.dto';

// Public: residents pick their community on the public resource directory. Names, codes and the
// tree only — the administrative divisions are public; standards and scope stay behind login.
@ApiTags('areas')
@Controller('public/areas')
export class PublicAreasController {
  constructor(private readonly areas: AreasService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Areas by level or parent (names and tree only); public' })
  @ApiPageResponse(PublicAreaDto)
  @ApiErrors(400)
  list(@Query() query: AreaQueryDto): Promise<Page<PublicAreaDto>> {
    return this.areas.publicList(query);
  }
}
