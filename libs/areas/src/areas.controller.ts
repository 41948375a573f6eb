import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiPageResponse,
  ApiProtected,
  CurrentUser,
  ParseIdPipe,
  type Page,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { AreasService } from './areas.service';
import { AreaDetailDto, AreaDto, AreaQueryDto, CreateAreaDto, UpdateAreaDto } from './dto/area.dto';

@ApiTags('areas')
@ApiProtected()
@Controller('areas')
export class AreasController {
  constructor(private readonly areas: AreasService) {}

  @Get()
  @ApiOperation({ summary: 'Areas inside your scope' })
  @ApiPageResponse(AreaDto)
  @ApiErrors(400)
  list(@Query() query: AreaQueryDto, @CurrentUser() principal: Principal): Promise<Page<AreaDto>> {
    return this.areas.list(query, principal);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add an area under its parent (admin)' })
  @ApiCreatedResponse({ type: AreaDto })
  @ApiErrors(400, 409)
  create(@Body() body: CreateAreaDto, @CurrentUser() principal: Principal): Promise<AreaDto> {
    return this.areas.create(body, principal);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename an area or set (null: remove) its boundary (admin)' })
  @ApiOkResponse({ type: AreaDto })
  @ApiErrors(400, 404)
  update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateAreaDto,
    @CurrentUser() principal: Principal,
  ): Promise<AreaDto> {
    return this.areas.update(id, body, principal);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One area with its ancestors and children' })
  @ApiOkResponse({ type: AreaDetailDto })
  @ApiErrors(400, 404)
  get(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<AreaDetailDto> {
    return this.areas.get(id, principal);
  }
}
