import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiPageResponse,
  ApiProtected,
  CurrentUser,
  type Page,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { FollowUpDto, FollowUpQueryDto } from './dto/follow-up.dto';
import { FollowUpsService } from './follow-ups.service';

@ApiTags('emergency relief')
@ApiProtected()
@Controller('relief-follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @Roles('assessor', 'civil_affairs')
  @ApiOperation({
    summary:
      'Full assessments owed by emergency intakes in your scope (待补全评估): overdue first, then due by date, then done',
  })
  @ApiPageResponse(FollowUpDto)
  @ApiErrors(400)
  list(@Query() query: FollowUpQueryDto, @CurrentUser() me: Principal): Promise<Page<FollowUpDto>> {
    return this.followUps.list(query, me);
  }
}
