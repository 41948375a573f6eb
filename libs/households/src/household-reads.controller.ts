import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiPageResponse,
  ApiProtected,
  CurrentUser,
  type Page,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { AccessLogQueryDto, HouseholdReadDto, HouseholdReadQueryDto } from './household-reads.dto';
import { HouseholdReadsService } from './household-reads.service';

/** The access log of household records, for civil-affairs staff over their area. */
@ApiTags('access-log')
@ApiProtected()
@Roles('civil_affairs')
@Controller()
export class HouseholdReadsController {
  constructor(private readonly reads: HouseholdReadsService) {}

  @Get('households/:id/reads')
  @ApiOperation({
    summary:
      'Who opened this household’s record, when and from which page, newest first (404 outside your area)',
  })
  @ApiPageResponse(HouseholdReadDto)
  @ApiErrors(400, 404)
  ofHousehold(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: HouseholdReadQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<HouseholdReadDto>> {
    return this.reads.ofHousehold(id, query, principal);
  }

  @Get('access-log')
  @ApiOperation({
    summary:
      'Reads of household records in your area, newest first, by reader, household and Beijing day',
  })
  @ApiPageResponse(HouseholdReadDto)
  @ApiErrors(400)
  list(
    @Query() query: AccessLogQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<HouseholdReadDto>> {
    return this.reads.list(query, principal);
  }
}
