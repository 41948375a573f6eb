import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiPageResponse,
  ApiProtected,
  CurrentUser,
  type Page,
  PageQueryDto,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { GrantLimitsService } from './grant-limits.service';
import { GrantLimitDto, SetGrantLimitDto } from './dto/emergency-grant.dto';

@ApiTags('emergency relief')
@ApiProtected()
@Controller('relief-grant-limits')
export class GrantLimitsController {
  constructor(private readonly limits: GrantLimitsService) {}

  @Get()
  @Roles('civil_affairs', 'assessor')
  @ApiOperation({
    summary:
      'The areas in scope with the delegated limit of their officers (the area’s own, else its level’s default)',
  })
  @ApiPageResponse(GrantLimitDto)
  @ApiErrors(400)
  list(
    @Query() query: PageQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<GrantLimitDto>> {
    return this.limits.list(principal, query);
  }

  @Put(':areaId')
  @Roles('civil_affairs')
  @ApiOperation({
    summary: 'Set an area’s delegated limit (null: no limit): admin, or staff of an area above it',
  })
  @ApiOkResponse({ type: GrantLimitDto })
  @ApiErrors(
    400,
    {
      status: 403,
      code: 'GRANT_LIMIT_FORBIDDEN',
      message: 'A limit is set by admin or by civil-affairs staff of an area above it',
      description: 'The caller’s own area (or below their role)',
    },
    {
      status: 404,
      code: 'AREA_NOT_FOUND',
      message: 'Area not found',
      description: 'No such area in the caller’s scope',
    },
  )
  set(
    @Param('areaId', ParseIdPipe) areaId: string,
    @Body() body: SetGrantLimitDto,
    @CurrentUser() principal: Principal,
  ): Promise<GrantLimitDto> {
    return this.limits.set(principal, areaId, body.maxFen);
  }
}
