import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { TimelineEntryDto } from './timeline.dto';
import { TimelineService } from './timeline.service';

@ApiTags('cases')
@ApiProtected()
@Roles('assessor', 'civil_affairs')
@Controller('cases')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get(':id/timeline')
  @ApiOperation({
    summary:
      'Everything that happened to the case’s household (assessments, needs, proposals, referrals, the case, casework), newest first',
  })
  @ApiPageResponse(TimelineEntryDto)
  @ApiErrors(400, 404)
  page(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<TimelineEntryDto>> {
    return this.timeline.page(id, query, principal);
  }
}
