import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiListResponse,
  ApiProtected,
  CurrentUser,
  type ListPage,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import {
  CloseReferralDto,
  DeclineReferralDto,
  DeliverReferralDto,
  ReferralDetailDto,
  ReferralDto,
  ReferralQueryDto,
} from './referral.dto';
import { ReferralsService } from './referrals.service';

@ApiTags('referrals')
@ApiProtected()
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get()
  @Roles('civil_affairs', 'assessor', 'provider')
  @ApiOperation({
    summary:
      'Referrals with the household named: providers see their own, staff and assessors those of their area; filtered and sorted (default: emergency, then oldest first); pages by cursor unless `page` is given',
  })
  @ApiListResponse(ReferralDto)
  @ApiErrors(400)
  list(
    @Query() query: ReferralQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<ListPage<ReferralDto>> {
    return this.referrals.list(query, principal);
  }

  @Get(':id')
  @Roles('civil_affairs', 'assessor', 'provider')
  @ApiOperation({ summary: 'One referral with its decision snapshot and history' })
  @ApiOkResponse({ type: ReferralDetailDto })
  @ApiErrors(400, 404)
  get(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<ReferralDetailDto> {
    return this.referrals.get(id, principal);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('provider')
  @ApiOperation({ summary: 'The provider accepts (before the accept deadline, or it escalates)' })
  @ApiOkResponse({ type: ReferralDetailDto })
  @ApiErrors(400, 404, 409)
  accept(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<ReferralDetailDto> {
    return this.referrals.accept(id, principal);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Roles('provider')
  @ApiOperation({
    summary:
      'The provider declines with a reason code: the unit is released, the resource parked for the household, the need re-matched',
  })
  @ApiOkResponse({ type: ReferralDetailDto })
  @ApiErrors(400, 404, 409)
  decline(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: DeclineReferralDto,
    @CurrentUser() principal: Principal,
  ): Promise<ReferralDetailDto> {
    return this.referrals.decline(id, body, principal);
  }

  @Post(':id/deliver')
  @HttpCode(200)
  @Roles('provider')
  @ApiOperation({ summary: 'The provider delivers: units move from reserved to delivered' })
  @ApiOkResponse({ type: ReferralDetailDto })
  @ApiErrors(400, 404, 409)
  deliver(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: DeliverReferralDto,
    @CurrentUser() principal: Principal,
  ): Promise<ReferralDetailDto> {
    return this.referrals.deliver(id, body, principal);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('civil_affairs', 'assessor')
  @ApiOperation({
    summary:
      "Close with the household's feedback: resolved sets the need fulfilled, not resolved re-opens and re-matches it",
  })
  @ApiOkResponse({ type: ReferralDetailDto })
  @ApiErrors(400, 404, 409)
  close(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: CloseReferralDto,
    @CurrentUser() principal: Principal,
  ): Promise<ReferralDetailDto> {
    return this.referrals.close(id, body, principal);
  }
}
