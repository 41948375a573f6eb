import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiProtected,
  CurrentUser,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { CheckInsService } from './check-ins.service';
import { CheckInDto, CreateCheckInDto } from './dto/check-in.dto';

@ApiTags('cases')
@ApiProtected()
@Roles('assessor', 'civil_affairs')
@Controller('cases/:id/check-ins')
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Get()
  @ApiOperation({ summary: "The case's check-ins, newest first" })
  @ApiOkResponse({ type: [CheckInDto] })
  @ApiErrors(400, 404)
  list(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<CheckInDto[]> {
    return this.checkIns.list(id, principal);
  }

  @Post()
  @ApiOperation({
    summary:
      'Record a light check-in (phone or visit): a reported change opens needs (matched automatically) or makes a reassessment due now',
  })
  @ApiCreatedResponse({ type: CheckInDto })
  @ApiErrors(400, 404, {
    status: 409,
    code: 'CHECK_IN_CASE_CLOSED',
    message: 'The case is closed: reopen it first',
  })
  record(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: CreateCheckInDto,
    @CurrentUser() actor: Principal,
  ): Promise<CheckInDto> {
    return this.checkIns.record(id, dto, actor);
  }
}
